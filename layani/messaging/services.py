"""Receiving one inbound message: the only place the sender's identity is touched.

The sender's number (or address) is used three times and then dropped: hashed into the
conversation key, normalised into ``Identity(phone=…)`` for `submit_report` (which keeps it in
``ReporterIdentity`` only), and never logged. The gateway's message ID, hashed, is both the
redelivery guard (``ProcessedMessage``) and the report's idempotency key, so a webhook delivered
twice never makes two reports and gets the same reply both times.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from layani.intake.models import Channel
from layani.intake.services import Identity, ReportSubmission, SubmissionError, submit_report

from . import replies
from .conversation import advance, reset
from .gateways import message_key, normalize_phone, sender_key
from .models import Conversation, ConversationState, Gateway, GatewayKind, ProcessedMessage

logger = logging.getLogger(__name__)

#: A conversation left half-way this long starts over with the next message.
STALE_AFTER = timedelta(days=3)
CHANNELS = {
    GatewayKind.SMS: Channel.SMS,
    GatewayKind.WHATSAPP: Channel.WHATSAPP,
    GatewayKind.TELEGRAM: Channel.TELEGRAM,
    GatewayKind.EMAIL: Channel.EMAIL,
}


@dataclass(frozen=True)
class InboundMessage:
    sender: str  # a phone number, a chat ID or an e-mail address, as the gateway gives it
    text: str
    message_id: str
    subject: str = ""  # e-mail only


def receive_message(
    gateway: Gateway, message: InboundMessage, *, now: datetime | None = None
) -> str:
    """Advance the sender's conversation by one message and return the reply to send back."""
    now = now or timezone.now()
    key = message_key(gateway, message.message_id)
    logger.info("inbound message on gateway %s", gateway.slug)
    for _attempt in range(2):
        done = ProcessedMessage.objects.filter(gateway=gateway, message_key=key).first()
        if done is not None:
            return _replay(gateway, done, message, key)
        try:
            return _process(gateway, message, key, now)
        except IntegrityError:
            continue  # a concurrent delivery of the same message (or first message) won the race
    done = ProcessedMessage.objects.get(gateway=gateway, message_key=key)
    return _replay(gateway, done, message, key)


@transaction.atomic
def _process(gateway: Gateway, message: InboundMessage, key: str, now: datetime) -> str:
    conversation, _created = Conversation.objects.select_for_update().get_or_create(
        gateway=gateway, sender_key=sender_key(gateway.kind, _canonical_sender(gateway, message))
    )
    if conversation.state != ConversationState.IDLE and now - conversation.updated_at > STALE_AFTER:
        reset(conversation)
    step = advance(conversation, _text(gateway, message, conversation.state))
    processed = ProcessedMessage(gateway=gateway, message_key=key, received_at=now)
    if step.complete:
        content = {
            k: conversation.draft[k] for k in ("description", "region_code", "category_code")
        }
        reset(conversation)
        try:
            receipt = submit_report(_submission(gateway, content, key, _identity(gateway, message)))
        except SubmissionError as error:
            reply = replies.refused(error.message)
            processed.reply = reply
        else:
            conversation.last_report = receipt.report
            processed.submission = content
            reply = replies.confirmed(receipt.report.display_tracking_id, receipt.access_code)
    else:
        reply = processed.reply = step.reply
    conversation.updated_at = now
    conversation.save()
    processed.save()
    return reply


def _replay(gateway: Gateway, done: ProcessedMessage, message: InboundMessage, key: str) -> str:
    if not done.submission:
        return done.reply
    try:
        receipt = submit_report(
            _submission(gateway, done.submission, key, _identity(gateway, message))
        )
    except SubmissionError as error:
        return replies.refused(error.message)
    return replies.confirmed(receipt.report.display_tracking_id, receipt.access_code)


def _submission(
    gateway: Gateway, content: dict[str, Any], key: str, identity: Identity
) -> ReportSubmission:
    return ReportSubmission(
        description=content["description"],
        region_code=content["region_code"],
        category_code=content["category_code"],
        channel=CHANNELS[GatewayKind(gateway.kind)],
        channel_ref=gateway.name,
        idempotency_key=f"msg:{key[:60]}",
        identity=identity,
    )


def _canonical_sender(gateway: Gateway, message: InboundMessage) -> str:
    if gateway.kind in (GatewayKind.SMS, GatewayKind.WHATSAPP):
        return normalize_phone(message.sender) or message.sender.strip()
    return message.sender.strip().lower()


def _identity(gateway: Gateway, message: InboundMessage) -> Identity:
    """Who is writing, for ReporterIdentity; a Telegram chat ID is no contact detail and is dropped."""
    if gateway.kind in (GatewayKind.SMS, GatewayKind.WHATSAPP):
        return Identity(phone=normalize_phone(message.sender))
    if gateway.kind == GatewayKind.EMAIL:
        address = message.sender.strip().lower()
        try:
            validate_email(address)
        except ValidationError:
            return Identity()
        return Identity(email=address)
    return Identity()


def _text(gateway: Gateway, message: InboundMessage, state: str) -> str:
    """The part of the message that answers: for e-mail, the subject opens a new report and later
    replies count only from their first own line (quoted history below it is ignored)."""
    if gateway.kind != GatewayKind.EMAIL:
        return message.text
    lines = [ln for ln in message.text.splitlines() if not ln.lstrip().startswith(">")]
    body = "\n".join(lines).strip()
    if state == ConversationState.IDLE:
        subject = message.subject.strip()
        return f"{subject}\n{body}".strip() if subject else body
    return next((ln.strip() for ln in lines if ln.strip()), "")
