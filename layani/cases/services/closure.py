"""Closing honestly: the lead proposes an outcome, the reporter confirms or disputes, silence
closes it, and a closed case can be appealed once."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.intake.models import Report

from ..deadlines import first_follow_up_deadline, silence_deadline
from ..models import ACTIVE_TASK_STATUSES, Case, CaseMessage, MessageKind, Outcome, Task, TaskRole
from ..notify import notify_agency, notify_reporter
from ..workflow import Actor, ReportAction, WorkflowError
from .common import after_commit, audit, locked_case, move_report, now_or

#: How long after closure a reporter may appeal.
APPEAL_WINDOW = timedelta(days=30)


@transaction.atomic
def propose_closure(
    report: Report, *, actor: User, outcome: str, explanation: str, now: datetime | None = None
) -> Case:
    """The lead agency proposes how the case ended, with an honest outcome and its explanation.

    Co-handling tasks must be finished first: the citizen gets one answer covering everyone's part.
    """
    if outcome not in Outcome.values:
        raise WorkflowError("invalid_outcome", _("Choose an outcome."))
    if not explanation.strip():
        raise WorkflowError("text_required", _("Explain the outcome to the reporter."))
    now = now_or(now)
    case = locked_case(report)
    open_co = case.tasks.filter(role=TaskRole.CO_HANDLER, status__in=ACTIVE_TASK_STATUSES)
    if open_co.exists():
        raise WorkflowError(
            "co_handlers_still_working", _("Co-handling agencies have not finished their part yet.")
        )
    lead = case.tasks.filter(role=TaskRole.LEAD, status__in=ACTIVE_TASK_STATUSES).first()
    move_report(case, ReportAction.PROPOSE_CLOSURE, Actor.LEAD_AGENCY, actor, now)
    if lead is None:  # the LEAD_AGENCY capacity implies an active lead task; never trust it blindly
        raise WorkflowError("forbidden", _("Only the lead agency closes a case."))
    lead.status, lead.finished_at = "done", now
    lead.save(update_fields=["status", "finished_at"])
    case.outcome, case.outcome_note, case.closure_proposed_at = outcome, explanation.strip(), now
    case.save(update_fields=["outcome", "outcome_note", "closure_proposed_at"])
    CaseMessage.objects.create(
        case=case,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        agency=lead.agency,
        author=actor,
        body=explanation.strip(),
        created_at=now,
    )
    audit(
        case,
        "report.closure_proposed",
        actor,
        now,
        public=True,
        outcome=outcome,
        agency=lead.agency.slug,
    )
    after_commit(lambda: notify_reporter(report, explanation.strip()))
    return case


@transaction.atomic
def confirm_closure(
    report: Report, *, rating: int | None = None, comment: str = "", now: datetime | None = None
) -> Case:
    """The reporter accepts the outcome and may rate the service (1–5)."""
    if rating is not None and not 1 <= rating <= 5:
        raise WorkflowError("invalid_rating", _("Rate from 1 to 5."))
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.CONFIRM, Actor.REPORTER, None, now)
    case.rating, case.rating_comment = rating, comment.strip()
    case.save(update_fields=["rating", "rating_comment"])
    audit(case, "report.confirmed", None, now, public=True, actor="citizen", rating=rating)
    return case


@transaction.atomic
def dispute_closure(report: Report, *, reason: str, now: datetime | None = None) -> Case:
    """The reporter says the problem is not solved: the case reopens with the lead agency."""
    if not reason.strip():
        raise WorkflowError("reason_required", _("Tell us what is still wrong."))
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.DISPUTE, Actor.REPORTER, None, now)
    _reopen(case, now)
    CaseMessage.objects.create(
        case=case, kind=MessageKind.REPORTER_MESSAGE, body=reason.strip(), created_at=now
    )
    audit(
        case, "report.disputed", None, now, public=True, actor="citizen", reopened=case.reopen_count
    )
    return case


@transaction.atomic
def auto_close_case(report: Report, *, now: datetime | None = None) -> Case:
    """Close a proposed closure the reporter did not answer within the silence period."""
    now = now_or(now)
    case = locked_case(report)
    due = silence_deadline(case, now=now)
    if due is None or now < due:
        raise WorkflowError("too_early", _("The reporter still has time to answer."))
    move_report(case, ReportAction.AUTO_CLOSE, Actor.SYSTEM, None, now)
    audit(case, "report.auto_closed", None, now, public=True)
    return case


@transaction.atomic
def appeal_case(report: Report, *, reason: str, now: datetime | None = None) -> Case:
    """Once, within 30 days of closure, the reporter may appeal: the case reopens, flagged."""
    if not reason.strip():
        raise WorkflowError("reason_required", _("Tell us why you appeal."))
    now = now_or(now)
    case = locked_case(report)
    if case.appealed:
        raise WorkflowError("already_appealed", _("This case was already appealed once."))
    closed_at = case.report.closed_at
    if closed_at and now - closed_at > APPEAL_WINDOW:
        raise WorkflowError("appeal_window_over", _("The time to appeal has passed."))
    move_report(case, ReportAction.APPEAL, Actor.REPORTER, None, now)
    case.appealed = True
    _reopen(case, now)
    CaseMessage.objects.create(
        case=case, kind=MessageKind.REPORTER_MESSAGE, body=reason.strip(), created_at=now
    )
    audit(case, "report.appealed", None, now, public=True, actor="citizen")
    return case


def _reopen(case: Case, now: datetime) -> None:
    report = case.report
    case.reopen_count += 1
    case.outcome, case.closure_proposed_at = "", None
    case.save(update_fields=["reopen_count", "outcome", "closure_proposed_at", "appealed"])
    if case.lead_agency is not None:
        Task.objects.create(
            case=case,
            agency=case.lead_agency,
            role=TaskRole.LEAD,
            created_at=now,
            due_at=first_follow_up_deadline(report, case.lead_agency, now, now=now),
        )
        lead = case.lead_agency
        after_commit(lambda: notify_agency(lead, report, _("The reporter reopened this case.")))
