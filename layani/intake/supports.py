"""Supports ("dukung", me too) on public reports."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .errors import SubmissionError
from .models import Report, Support


def support_report(report: Report, supporter_key: str) -> bool:
    """Record a "dukung" on a public report; returns False when this person already supported it.

    Supports count towards a report's priority, so only public reports take them and each person
    counts once (a database constraint backs this up under concurrent clicks).
    """
    if not report.is_public:
        raise SubmissionError("not_public", "report", _("This report cannot be supported."))
    try:
        with transaction.atomic():
            Support.objects.create(report=report, supporter_key=supporter_key[:80])
            Report.objects.filter(pk=report.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True
