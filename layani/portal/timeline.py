"""Public timeline entries in citizens' words instead of audit action names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from layani.audit import vocabulary
from layani.audit.models import AuditEntry


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    label: str
    action: str


def describe(entry: AuditEntry) -> TimelineItem:
    label = vocabulary.citizen_words(entry.action) or vocabulary.staff_words(entry.action)
    return TimelineItem(entry.occurred_at, label, entry.action)
