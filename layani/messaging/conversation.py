"""The conversation: what to ask next, given what the citizen has told us so far.

A step takes the conversation and the text of one message, changes the draft and the state, and
returns the reply and whether the draft is now complete. It never submits anything and never sees
who is writing; `services.receive_message` does both.

First message → the description; then the place (asked when missing, with a numbered choice when a
name is ambiguous); then the category (guessed from the words, else a numbered list of main
categories). "BATAL" starts over at any time.
"""

from __future__ import annotations

from dataclasses import dataclass

from layani.directory.models import Category, Region

from . import replies
from .categories import main_categories, suggest_category
from .models import Conversation, ConversationState
from .places import MAX_CHOICES, describe, find_places

DESCRIPTION_MAX = 4000


@dataclass(frozen=True)
class Step:
    reply: str
    complete: bool = False


def advance(conversation: Conversation, text: str) -> Step:
    text = text.strip()
    state = conversation.state
    if text.lower() in replies.CANCEL_WORDS:
        reset(conversation)
        return Step(replies.cancelled())
    if not text:
        return Step(
            replies.ask_description() if state == ConversationState.IDLE else _ask(conversation)
        )
    if state == ConversationState.IDLE:
        conversation.draft = {"description": text[:DESCRIPTION_MAX]}
        category = suggest_category(text)
        if category is not None:
            conversation.draft["category_code"] = category.code
    elif state == ConversationState.AWAIT_LOCATION:
        return _place_answer(conversation, text)
    elif state == ConversationState.AWAIT_PLACE_CHOICE:
        options = conversation.draft.get("place_options", [])
        if text.isdigit():
            if not 1 <= int(text) <= len(options):
                return Step(replies.invalid_choice(len(options)))
            _set_place(conversation, options[int(text) - 1])
        else:
            return _place_answer(conversation, text)
    elif state == ConversationState.AWAIT_CATEGORY:
        codes = conversation.draft.get("category_options", [])
        if not text.isdigit() or not 1 <= int(text) <= len(codes):
            return Step(replies.invalid_choice(len(codes)))
        conversation.draft["category_code"] = codes[int(text) - 1]
    return _next(conversation)


def reset(conversation: Conversation) -> None:
    conversation.state = ConversationState.IDLE
    conversation.draft = {}


def _place_answer(conversation: Conversation, text: str) -> Step:
    places = find_places(text)
    if not places:
        return Step(replies.place_not_found(text))
    if len(places) > MAX_CHOICES:
        return Step(replies.place_too_vague())
    if len(places) > 1:
        conversation.draft["place_options"] = [p.code for p in places]
        conversation.state = ConversationState.AWAIT_PLACE_CHOICE
        return Step(replies.choose_place([describe(p) for p in places]))
    _set_place(conversation, places[0].code)
    return _next(conversation)


def _set_place(conversation: Conversation, code: str) -> None:
    conversation.draft["region_code"] = code
    conversation.draft.pop("place_options", None)


def _next(conversation: Conversation) -> Step:
    """Ask for the first missing piece, or report the draft complete."""
    draft = conversation.draft
    if "region_code" not in draft:
        conversation.state = ConversationState.AWAIT_LOCATION
        return Step(replies.ask_location())
    if "category_code" not in draft:
        categories = main_categories()
        draft["category_options"] = [c.code for c in categories]
        conversation.state = ConversationState.AWAIT_CATEGORY
        return Step(replies.choose_category([c.display_name for c in categories]))
    draft.pop("category_options", None)
    return Step("", complete=True)


def _ask(conversation: Conversation) -> str:
    """The pending question again, for an empty message."""
    draft = conversation.draft
    if conversation.state == ConversationState.AWAIT_PLACE_CHOICE:
        codes = draft.get("place_options", [])
        regions = Region.objects.select_related("parent", "parent__parent").in_bulk(codes)
        return replies.choose_place([describe(regions[c]) for c in codes if c in regions])
    if conversation.state == ConversationState.AWAIT_CATEGORY:
        names = dict(
            Category.objects.filter(code__in=draft.get("category_options", [])).values_list(
                "code", "name"
            )
        )
        return replies.choose_category([names.get(c, c) for c in draft.get("category_options", [])])
    return replies.ask_location()
