"""What the messaging channels erase when the privacy app asks (retention and erasure, UU PDP).

A conversation holds an HMAC of the sender's number and its draft; receipts of processed inbound
messages exist only to drop gateway retries. Both go when the privacy app says so.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from layani.intake.models import Report

from .models import Conversation, ProcessedMessage


def delete_conversations_of(sender: Any, report: Report, **kwargs: Any) -> int:
    """Conversations whose last report is being erased; returns how many."""
    return Conversation.objects.filter(last_report=report).delete()[0]


def delete_receipts_before(sender: Any, cutoff: datetime, **kwargs: Any) -> int:
    """Receipts of inbound messages received before `cutoff`; returns how many."""
    return ProcessedMessage.objects.filter(received_at__lt=cutoff).delete()[0]
