"""What the reporter sees of their own case: status, public timeline, follow-ups, deadlines.

Used by every citizen-facing adapter (portal, messaging, API). Internal notes, the inter-agency
thread and internal audit entries never appear here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from layani.audit.models import AuditEntry
from layani.audit.selectors import public_timeline
from layani.intake.models import Report
from layani.intake.tracking import access_code_matches, normalize_tracking_id

from .models import ACTIVE_TASK_STATUSES, Case, CaseMessage, MessageKind, Task, TaskRole

REPORTER_KINDS = (
    MessageKind.PUBLIC_FOLLOW_UP,
    MessageKind.REQUEST_TO_REPORTER,
    MessageKind.REPORTER_MESSAGE,
)


def find_report_for_reporter(tracking_id: str, access_code: str) -> Report | None:
    """The report, when the tracking ID and its access code match; None otherwise (same for both)."""
    canonical = normalize_tracking_id(tracking_id)
    if canonical is None:
        return None
    report = (
        Report.objects.select_related("category", "region", "region__parent")
        .filter(tracking_id=canonical)
        .first()
    )
    if report is None or not access_code_matches(access_code, report.access_code_hash):
        return None
    return report


@dataclass(frozen=True)
class ReporterView:
    report: Report
    case: Case | None
    lead_agency_name: str | None
    due_at: datetime | None
    messages: list[CaseMessage]
    timeline: list[AuditEntry]


def reporter_view(report: Report) -> ReporterView:
    case = Case.objects.filter(pk=report.pk).select_related("lead_agency").first()
    lead_task = (
        Task.objects.filter(
            case_id=report.pk, role=TaskRole.LEAD, status__in=ACTIVE_TASK_STATUSES
        ).first()
        if case
        else None
    )
    messages = (
        list(case.messages.filter(kind__in=REPORTER_KINDS).select_related("agency")) if case else []
    )
    timeline = (
        list(public_timeline("report", report.tracking_id))
        if report.is_public
        else _private_timeline(report)
    )
    return ReporterView(
        report=report,
        case=case,
        lead_agency_name=case.lead_agency.name if case and case.lead_agency else None,
        due_at=lead_task.due_at if lead_task else None,
        messages=messages,
        timeline=timeline,
    )


def _private_timeline(report: Report) -> list[AuditEntry]:
    # A rahasia report has no public entries, but its own reporter still sees the main steps.
    steps = ("report.", "task.referred", "task.accepted", "message.follow_up", "message.request")
    return [
        e
        for e in AuditEntry.objects.filter(
            object_type="report", object_ref=report.tracking_id
        ).order_by("sequence")
        if e.action.startswith(steps)
    ]
