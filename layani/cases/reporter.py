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
    steps = (
        "report.",
        "task.referred",
        "task.accepted",
        "message.follow_up",
        "message.request",
        "federation.forwarded",  # "Forwarded to <the peer's public name>" (docs/federation.md)
    )
    return [
        e
        for e in AuditEntry.objects.filter(
            object_type="report", object_ref=report.tracking_id
        ).order_by("sequence")
        if e.action.startswith(steps)
    ]


@dataclass(frozen=True)
class StageDeadline:
    """The clock the report runs against now: its stage (`sla.models.Stage`) and when it ends."""

    stage: str
    due_at: datetime


def current_deadline(report: Report, case: Case | None) -> StageDeadline | None:
    """The working-day deadline of the report's current stage, None when no clock runs.

    Submitted: the coordinator's verification. Verified or being handled: the lead agency's task
    (first follow-up, then resolution by service class). Resolution proposed: when the case closes
    by itself if the reporter does not answer. On hold (the clock waits for the reporter) and final
    statuses: none.
    """
    # Imported here: deadlines reads the service policies, which only this function needs.
    from layani.intake.models import ReportStatus
    from layani.sla.models import Stage

    from . import deadlines

    if report.status == ReportStatus.SUBMITTED:
        return StageDeadline(Stage.VERIFICATION, deadlines.verification_deadline(report))
    if case is None:
        return None
    if report.status in (ReportStatus.VERIFIED, ReportStatus.IN_PROGRESS):
        task = (
            Task.objects.filter(
                case_id=case.pk, role=TaskRole.LEAD, status__in=ACTIVE_TASK_STATUSES
            )
            .select_related("agency", "case__report__region", "case__report__category__parent")
            .first()
        )
        if task is None:
            return None
        stage, due_at = deadlines.task_deadline(task)
        return StageDeadline(stage, due_at) if due_at else None
    if report.status == ReportStatus.CLOSURE_PROPOSED:
        due_at = deadlines.silence_deadline(case)
        return StageDeadline(Stage.SILENCE, due_at) if due_at else None
    return None


@dataclass(frozen=True)
class ContactChannels:
    """How Layani can reach this reporter: whether they left an e-mail address or a phone, and
    the channel updates would go by (`notify.notify_reporter`'s choice; "" when none)."""

    email: bool
    phone: bool
    updates: str


def contact_channels(report: Report) -> ContactChannels:
    """What the receipt may promise: never the addresses themselves, only which kinds exist."""
    from layani.intake.models import ReporterIdentity

    from .notify import _reporter_route
    from .permissions import identity_restricted

    identity = ReporterIdentity.objects.filter(report=report).only("email", "phone").first()
    if identity is None:
        return ContactChannels(email=False, phone=False, updates="")
    channel, address = _reporter_route(report, identity)
    reachable = bool(address) and not identity_restricted(report)
    return ContactChannels(
        email=bool(identity.email), phone=bool(identity.phone), updates=channel if reachable else ""
    )
