"""Human words for what the console shows: answers to a category's questions, the audit trail,
service classes. Codes are for machines; staff read these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from layani.accounts.selectors import ActorName, actor_names
from layani.audit.models import AuditEntry, Visibility
from layani.audit.vocabulary import staff_words
from layani.directory.models import Category, CategoryQuestion
from layani.sla.service_classes import ServiceClass

from .rows import Stamp, stamp


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


def answers_in_words(category: Category | None, answers: Mapping[str, Any]) -> list[Answer]:
    """Each answer with its question's words and, for choice questions, the chosen options' names
    ("Seberapa besar kerusakannya?: Kecil (satu lubang)"). `answers` are already as the reader may
    see them (`cases.presentation.answers`); a code whose question is gone is shown as it is."""
    if not answers:
        return []
    ids = [c.pk for c in (category, category.parent if category else None) if c is not None]
    questions = {q.code: q for q in CategoryQuestion.objects.filter(category_id__in=ids)}
    shown = []
    for code, value in answers.items():
        question = questions.get(code)
        if question is None:
            shown.append(Answer(code, _value_text(value, {})))
            continue
        names = {str(c.get("key")): str(c.get("name", c.get("key"))) for c in question.choices}
        shown.append(Answer(question.label, _value_text(value, names)))
    return shown


def _value_text(value: Any, names: Mapping[str, str]) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(names.get(str(v), str(v)) for v in value)
    return names.get(str(value), str(value))


def service_class_words(code: str) -> str:
    """The service class's name ("Requiring field inspection" for "berkadar"); "" for none."""
    if not code:
        return ""
    try:
        return str(ServiceClass(code).label)
    except ValueError:
        return code


@dataclass(frozen=True)
class TimelineEntry:
    what: str
    who: ActorName
    when: Stamp
    public: bool


def timeline(entries: Iterable[AuditEntry]) -> list[TimelineEntry]:
    """The audit trail in words: the action's staff words, the actor's name (two queries for all)."""
    entries = list(entries)
    names = actor_names(e.actor_ref for e in entries)
    return [
        TimelineEntry(
            what=staff_words(e.action),
            who=names[e.actor_ref],
            when=stamp(e.occurred_at),
            public=e.visibility == Visibility.PUBLIC,
        )
        for e in entries
    ]
