"""Data subjects' requests and legal holds: recorded as rows, audited by reference."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import User
from layani.audit.services import record
from layani.intake.models import Report

from .models import ReportPrivacy, RequestKind, SubjectRequest
from .scrub import Secrets, scrub_text


def new_request(
    kind: str, handled_by: User | None, reason: str, count: int, now: datetime | None = None
) -> SubjectRequest:
    """A request row; the reason is kept outside the audit chain, with detectable data masked."""
    return SubjectRequest.objects.create(
        kind=kind,
        handled_by=handled_by,
        reason=scrub_text(reason.strip()[:1000], Secrets()),
        report_count=count,
        created_at=now or timezone.now(),
    )


def actor_ref(handled_by: User | None) -> str:
    return f"user:{handled_by.pk}" if handled_by is not None else "citizen"


@transaction.atomic
def set_restriction(
    reports: Iterable[Report],
    *,
    restricted: bool,
    handled_by: User | None,
    reason: str = "",
    now: datetime | None = None,
) -> SubjectRequest:
    """Restrict (or lift the restriction of) processing of the reporter's data on these reports.

    `handled_by` is None when the citizen acts themselves from their account.
    """
    now = now or timezone.now()
    reports = list(reports)
    kind = RequestKind.RESTRICTION if restricted else RequestKind.LIFT_RESTRICTION
    request = new_request(kind, handled_by, reason, len(reports), now)
    for report in reports:
        state, _ = ReportPrivacy.objects.select_for_update().get_or_create(report=report)
        if state.restricted == restricted:
            continue
        state.restricted, state.restricted_at = restricted, (now if restricted else None)
        state.save(update_fields=["restricted", "restricted_at"])
        action = "privacy.restricted" if restricted else "privacy.restriction_lifted"
        _record(action, report, handled_by, request, now)
    return request


def _record(
    action: str, report: Report, handled_by: User | None, request: SubjectRequest, now: datetime
) -> None:
    """The audit entry of a change made on a request: who, which report, which request row."""
    record(
        action,
        actor_ref=actor_ref(handled_by),
        object_type="report",
        object_ref=report.tracking_id,
        payload={"request": request.pk},
        now=now,
    )


@transaction.atomic
def set_legal_hold(
    report: Report, *, held: bool, handled_by: User, reason: str, now: datetime | None = None
) -> SubjectRequest:
    """Put a report under legal hold (never erased) or release it. A reason is required."""
    if len(reason.strip()) < 5:
        raise ValueError("Give a reason for the legal hold (at least 5 characters).")
    now = now or timezone.now()
    kind = RequestKind.LEGAL_HOLD if held else RequestKind.RELEASE_HOLD
    request = new_request(kind, handled_by, reason, 1, now)
    state, _ = ReportPrivacy.objects.select_for_update().get_or_create(report=report)
    if state.legal_hold != held:
        state.legal_hold, state.legal_hold_at = held, (now if held else None)
        state.save(update_fields=["legal_hold", "legal_hold_at"])
        _record(
            "privacy.hold_set" if held else "privacy.hold_released",
            report,
            handled_by,
            request,
            now,
        )
    return request
