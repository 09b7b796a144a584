"""Verification and disposition: the coordinator's moves on a new report."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.directory.models import Agency, AgencyKind, Category
from layani.intake.models import Report, ReportStatus
from layani.routing.services import record_final_decision

from ..deadlines import first_follow_up_deadline
from ..models import Case, CaseMessage, MessageKind, Task, TaskRole
from ..notify import notify_agency, notify_reporter
from ..workflow import Actor, ReportAction, WorkflowError
from .common import after_commit, audit, locked_case, move_report, now_or


@transaction.atomic
def verify_report(
    report: Report,
    *,
    actor: User,
    category: Category | None = None,
    title: str = "",
    service_class: str = "",
    now: datetime | None = None,
) -> Case:
    """Confirm a report is a real, classifiable case: set its category, title and service class."""
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.VERIFY, Actor.COORDINATOR, actor, now)
    fields = ["service_class"]
    if category is not None:
        report.category = category
        fields.append("category")
    if title.strip():
        report.title = " ".join(title.split())[:200]
        fields.append("title")
    report.service_class = service_class or (
        report.category.default_service_class if report.category else ""
    )
    report.save(update_fields=fields)
    case.verified_by, case.verified_at = actor, now
    case.save(update_fields=["verified_by", "verified_at"])
    audit(
        case,
        "report.verified",
        actor,
        now,
        public=True,
        category=report.category.code if report.category else None,
        service_class=report.service_class or None,
    )
    return case


@transaction.atomic
def hold_report(report: Report, *, actor: User, question: str, now: datetime | None = None) -> Case:
    """Ask the reporter for more information; the verification clock pauses until they answer."""
    if not question.strip():
        raise WorkflowError("reason_required", _("Say what the reporter should add."))
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.HOLD, Actor.COORDINATOR, actor, now)
    case.hold_reason, case.held_at = question.strip(), now
    case.save(update_fields=["hold_reason", "held_at"])
    CaseMessage.objects.create(
        case=case,
        kind=MessageKind.REQUEST_TO_REPORTER,
        author=actor,
        body=question.strip(),
        created_at=now,
    )
    audit(case, "report.held", actor, now, public=True)
    after_commit(lambda: notify_reporter(report, question.strip()))
    return case


@transaction.atomic
def provide_information(report: Report, *, text: str, now: datetime | None = None) -> Case:
    """The reporter answers a hold: the report returns to verification."""
    if not text.strip():
        raise WorkflowError("text_required", _("Please write the information asked for."))
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.PROVIDE_INFO, Actor.REPORTER, None, now)
    CaseMessage.objects.create(
        case=case, kind=MessageKind.REPORTER_MESSAGE, body=text.strip(), created_at=now
    )
    audit(case, "report.information_provided", None, now, public=True, actor="citizen")
    return case


@transaction.atomic
def reject_as_not_within_authority(
    report: Report,
    *,
    actor: User,
    reason: str,
    redirect_to: str = "",
    now: datetime | None = None,
) -> Case:
    """Not for any agency here: say why and where the reporter should go instead."""
    return _decline(
        report,
        ReportAction.REJECT_AUTHORITY,
        "report.not_within_authority",
        actor,
        reason,
        redirect_to,
        now,
    )


@transaction.atomic
def archive_report(
    report: Report, *, actor: User, reason: str, now: datetime | None = None
) -> Case:
    """Spam, abuse or a test: kept (nothing is deleted) but not handled."""
    return _decline(report, ReportAction.ARCHIVE, "report.archived", actor, reason, "", now)


def _decline(
    report: Report,
    action: ReportAction,
    event: str,
    actor: User,
    reason: str,
    redirect_to: str,
    now: datetime | None,
) -> Case:
    if not reason.strip():
        raise WorkflowError("reason_required", _("A reason is required."))
    now = now_or(now)
    case = locked_case(report)
    move_report(case, action, Actor.COORDINATOR, actor, now)
    case.decision_reason, case.redirect_to = reason.strip(), redirect_to.strip()
    case.save(update_fields=["decision_reason", "redirect_to"])
    audit(case, event, actor, now, public=True)
    after_commit(lambda: notify_reporter(report, reason.strip()))
    return case


@transaction.atomic
def merge_report(report: Report, *, into: Report, actor: User, now: datetime | None = None) -> Case:
    """Merge a duplicate into the report that carries the work; its supports count there too."""
    if into.pk == report.pk:
        raise WorkflowError("merge_into_self", _("A report cannot be merged into itself."))
    if into.status in (ReportStatus.MERGED, ReportStatus.ARCHIVED):
        raise WorkflowError(
            "merge_target_closed", _("Merge into a report that is still being handled.")
        )
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.MERGE, Actor.COORDINATOR, actor, now)
    case.merged_into = into
    case.save(update_fields=["merged_into"])
    Report.objects.filter(pk=into.pk).update(
        support_count=F("support_count") + report.support_count + 1
    )
    audit(case, "report.merged", actor, now, public=True, into=into.tracking_id)
    return case


@transaction.atomic
def dispose_report(
    report: Report,
    *,
    actor: User,
    lead: Agency,
    co_handlers: list[Agency] | tuple[Agency, ...] = (),
    instructions: str = "",
    now: datetime | None = None,
) -> Case:
    """Send a verified report to one lead agency and any co-handling agencies, each with a task.

    The lead answers to the citizen; co-handlers carry their own part. Every task gets the
    first-follow-up deadline on the working-day clock of the report's region.
    """
    if lead in co_handlers or len(set(co_handlers)) != len(co_handlers):
        raise WorkflowError("duplicate_agency", _("Each agency may appear only once."))
    if any(agency.kind == AgencyKind.EXTERNAL_PEER for agency in co_handlers):
        # A forward hands the whole report over (docs/federation.md): a share of it cannot cross.
        raise WorkflowError(
            "peer_as_co_handler",
            _(
                "An outside complaint system can only take a report as the lead agency: make it "
                "the lead, or choose co-handlers inside this deployment."
            ),
        )
    now = now_or(now)
    case = locked_case(report)
    move_report(case, ReportAction.DISPOSE, Actor.COORDINATOR, actor, now)
    open_tasks(case, lead, co_handlers, instructions, now)
    if case.report.category is not None:
        # What the coordinator finally chose, beside what the router suggested: training data.
        record_final_decision(
            case.report, case.report.category, lead, actor, service_class=case.report.service_class
        )
    audit(
        case,
        "report.disposed",
        actor,
        now,
        public=True,
        lead=lead.slug,
        co_handlers=[a.slug for a in co_handlers],
    )
    return case


def open_tasks(
    case: Case,
    lead: Agency,
    co_handlers: list[Agency] | tuple[Agency, ...],
    instructions: str,
    now: datetime,
) -> None:
    """A task per agency, each with its first-follow-up deadline; the agencies hear after commit."""
    report = case.report
    for agency, role in [(lead, TaskRole.LEAD), *[(a, TaskRole.CO_HANDLER) for a in co_handlers]]:
        Task.objects.create(
            case=case,
            agency=agency,
            role=role,
            instructions=instructions,
            due_at=first_follow_up_deadline(report, agency, now, now=now),
            created_at=now,
        )
        after_commit(partial(notify_agency, agency, report, instructions or report.title))
    case.lead_agency = lead
    case.bounced = False
    case.save(update_fields=["lead_agency", "bounced"])
