"""Reading the audit log."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import AuditEntry, Visibility


def public_timeline(object_type: str, object_ref: str) -> QuerySet[AuditEntry]:
    """The public events of one object (a report's submission, disposition, follow-ups…) in order.

    This is what a citizen sees on the report's public page; internal entries never appear here.
    """
    return AuditEntry.objects.filter(
        object_type=object_type, object_ref=object_ref, visibility=Visibility.PUBLIC
    ).order_by("sequence")
