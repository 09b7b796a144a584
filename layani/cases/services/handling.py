"""Handling inside and between agencies: accept, delegate, refer, complete, and write on the case."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency, Unit
from layani.intake.models import FINAL_STATUSES, Report, ReportStatus

from ..deadlines import BOUNCE_AFTER_REFERRALS, first_follow_up_deadline
from ..models import ACTIVE_TASK_STATUSES, Case, CaseMessage, MessageKind, Referral, Task, TaskRole
from ..notify import notify_agency, notify_reporter
from ..permissions import AGENCY_STAFF_ROLES, actors_for, is_coordinator_for
from ..workflow import (
    HANDLING_STATES,
    Actor,
    ReportAction,
    TaskAction,
    WorkflowError,
    check_report_move,
    check_task_move,
)
from .common import after_commit, audit, locked_case, now_or
from .verification import provide_information


def _locked_task(task: Task) -> tuple[Task, Case]:
    case = locked_case(task.case.report)
    fresh = Task.objects.select_related("agency").get(pk=task.pk)
    if case.report.status not in HANDLING_STATES:
        raise WorkflowError("case_not_in_handling", _("This case is not being handled now."))
    return fresh, case


def _move_task(task: Task, action: TaskAction, user: User, needed: Actor) -> None:
    target = check_task_move(action, task.status, needed)
    if needed not in actors_for(user, task.case.report, task=task):
        raise WorkflowError("forbidden", _("You may not take this step on this task."))
    task.status = target


@transaction.atomic
def accept_task(task: Task, *, actor: User, now: datetime | None = None) -> Task:
    """The agency takes the task on: from now on it is the agency's work, on its deadline."""
    now = now_or(now)
    task, case = _locked_task(task)
    _move_task(task, TaskAction.ACCEPT, actor, Actor.TASK_AGENCY)
    task.accepted_at = now
    task.save(update_fields=["status", "accepted_at"])
    audit(case, "task.accepted", actor, now, public=True, agency=task.agency.slug)
    return task


@transaction.atomic
def delegate_task(
    task: Task,
    *,
    actor: User,
    unit: Unit | None = None,
    officer: User | None = None,
    now: datetime | None = None,
) -> Task:
    """Give the task to a unit and/or an officer of the same agency (accepting it if needed)."""
    now = now_or(now)
    task, case = _locked_task(task)
    if unit is not None and unit.agency_id != task.agency_id:
        raise WorkflowError("unit_not_in_agency", _("The unit must belong to this agency."))
    if (
        officer is not None
        and not Membership.objects.filter(
            user=officer, agency_id=task.agency_id, role=Role.OFFICER, is_active=True
        ).exists()
    ):
        raise WorkflowError("officer_not_in_agency", _("The officer must work for this agency."))
    if unit is None and officer is None:
        raise WorkflowError("nobody_to_delegate_to", _("Choose a unit or an officer."))
    _move_task(task, TaskAction.DELEGATE, actor, Actor.TASK_MANAGER)
    task.assigned_unit = unit or task.assigned_unit
    task.assigned_officer = officer or task.assigned_officer
    task.accepted_at = task.accepted_at or now
    task.save(update_fields=["status", "assigned_unit", "assigned_officer", "accepted_at"])
    audit(
        case,
        "task.delegated",
        actor,
        now,
        agency=task.agency.slug,
        unit=unit.pk if unit else None,
        officer=f"user:{officer.pk}" if officer else None,
    )
    return task


@transaction.atomic
def refer_task(
    task: Task, *, actor: User, to: Agency, reason: str, now: datetime | None = None
) -> Task | None:
    """Pass the task to another agency with a reason — a warm transfer, counted.

    Returns the new task, or None when this referral reached the bounce threshold: the report then
    goes back to the coordinator flagged as bounced, every open task is withdrawn, and the
    coordinator disposes it again (the "sectoral ego" alarm).
    """
    if not reason.strip():
        raise WorkflowError("reason_required", _("Say why the task belongs elsewhere."))
    now = now_or(now)
    task, case = _locked_task(task)
    if to.pk == task.agency_id:
        raise WorkflowError("refer_to_self", _("Choose another agency."))
    if case.tasks.filter(agency=to, status__in=ACTIVE_TASK_STATUSES).exists():
        raise WorkflowError("already_on_case", _("That agency already has a task on this case."))
    _move_task(task, TaskAction.REFER, actor, Actor.TASK_MANAGER)
    task.finished_at = now
    task.save(update_fields=["status", "finished_at"])
    Referral.objects.create(
        case=case,
        from_task=task,
        from_agency=task.agency,
        to_agency=to,
        reason=reason.strip(),
        actor=actor,
        created_at=now,
    )
    case.referral_count += 1
    audit(
        case,
        "task.referred",
        actor,
        now,
        public=True,
        from_agency=task.agency.slug,
        to_agency=to.slug,
        count=case.referral_count,
    )
    if case.referral_count >= BOUNCE_AFTER_REFERRALS:
        _bounce(case, now)
        return None
    new = Task.objects.create(
        case=case,
        agency=to,
        role=task.role,
        instructions=task.instructions,
        referred_from=task,
        due_at=first_follow_up_deadline(case.report, to, now, now=now),
        created_at=now,
    )
    if task.role == TaskRole.LEAD:
        case.lead_agency = to
    case.save(update_fields=["referral_count", "lead_agency"])
    after_commit(lambda: notify_agency(to, case.report, reason.strip()))
    return new


def _bounce(case: Case, now: datetime) -> None:
    report = case.report
    report.status = check_report_move(ReportAction.BOUNCE, report.status, Actor.SYSTEM)
    report.updated_at = now
    report.save(update_fields=["status", "updated_at"])
    case.tasks.filter(status__in=ACTIVE_TASK_STATUSES).update(status="withdrawn", finished_at=now)
    case.bounced, case.lead_agency = True, None
    case.save(update_fields=["referral_count", "bounced", "lead_agency"])
    audit(case, "report.bounced", None, now, referrals=case.referral_count)


@transaction.atomic
def return_from_outside(report: Report, *, reason: str, now: datetime | None = None) -> Case:
    """An outside complaint system (federation) handed the report back: it counts as a bounce,
    the open tasks are withdrawn and the coordinator disposes it again."""
    now = now_or(now)
    case = locked_case(report)
    case.referral_count += 1
    _bounce(case, now)
    audit(case, "report.returned_from_outside", None, now, public=True)
    if reason.strip():
        CaseMessage.objects.create(
            case=case, kind=MessageKind.AGENCY_THREAD, body=reason.strip(), created_at=now
        )
    return case


@transaction.atomic
def complete_task(task: Task, *, actor: User, summary: str, now: datetime | None = None) -> Task:
    """A co-handling agency reports its part done (the lead closes through propose_closure)."""
    if task.role == TaskRole.LEAD:
        raise WorkflowError(
            "lead_completes_by_closure", _("The lead agency finishes by proposing the closure.")
        )
    if not summary.strip():
        raise WorkflowError("text_required", _("Describe what your agency did."))
    now = now_or(now)
    task, case = _locked_task(task)
    _move_task(task, TaskAction.COMPLETE, actor, Actor.TASK_AGENCY)
    task.finished_at = now
    task.save(update_fields=["status", "finished_at"])
    CaseMessage.objects.create(
        case=case,
        kind=MessageKind.AGENCY_THREAD,
        agency=task.agency,
        author=actor,
        body=summary.strip(),
        created_at=now,
    )
    audit(case, "task.completed", actor, now, public=True, agency=task.agency.slug)
    return task


@transaction.atomic
def withdraw_task(task: Task, *, actor: User, reason: str, now: datetime | None = None) -> Task:
    """The coordinator takes a co-handling task back (e.g. disposed by mistake)."""
    if task.role == TaskRole.LEAD:
        raise WorkflowError(
            "lead_cannot_be_withdrawn", _("Refer or re-dispose the case to change its lead agency.")
        )
    now = now_or(now)
    task, case = _locked_task(task)
    _move_task(task, TaskAction.WITHDRAW, actor, Actor.COORDINATOR)
    task.finished_at = now
    task.save(update_fields=["status", "finished_at"])
    audit(case, "task.withdrawn", actor, now, agency=task.agency.slug)
    return task


@transaction.atomic
def post_message(
    report: Report,
    *,
    actor: User,
    kind: str,
    body: str,
    agency: Agency | None = None,
    now: datetime | None = None,
) -> CaseMessage:
    """Write on a case as staff: a public follow-up (lead agency), a question to the reporter
    (lead agency), an internal note (own agency) or a message on the inter-agency thread."""
    if not body.strip():
        raise WorkflowError("text_required", _("The message is empty."))
    now = now_or(now)
    case = locked_case(report)
    if case.report.status in FINAL_STATUSES:
        raise WorkflowError("case_closed", _("This case is closed."))
    coordinator = is_coordinator_for(actor, case.report)
    tasks = Task.objects.filter(
        case=case,
        agency__memberships__user=actor,
        agency__memberships__is_active=True,
        agency__memberships__role__in=AGENCY_STAFF_ROLES,
    ).distinct()
    if agency is not None:
        tasks = tasks.filter(agency=agency)
    active = tasks.filter(status__in=ACTIVE_TASK_STATUSES)
    if kind in (MessageKind.PUBLIC_FOLLOW_UP, MessageKind.REQUEST_TO_REPORTER):
        task = active.filter(role=TaskRole.LEAD).first()
        if task is None or case.report.status not in HANDLING_STATES:
            raise WorkflowError("forbidden", _("Only the lead agency answers the reporter."))
        if kind == MessageKind.PUBLIC_FOLLOW_UP and task.first_follow_up_at is None:
            task.first_follow_up_at = now
            task.save(update_fields=["first_follow_up_at"])
        agency = task.agency
    elif kind in (MessageKind.INTERNAL_NOTE, MessageKind.AGENCY_THREAD):
        task = (active if kind == MessageKind.AGENCY_THREAD else tasks).first()
        if task is None and not coordinator:
            raise WorkflowError("forbidden", _("Your agency has no task on this case."))
        agency = task.agency if task else None
    else:
        raise WorkflowError("invalid_kind", _("Staff cannot write this kind of message."))
    message = CaseMessage.objects.create(
        case=case, kind=kind, agency=agency, author=actor, body=body.strip(), created_at=now
    )
    public = kind in (MessageKind.PUBLIC_FOLLOW_UP, MessageKind.REQUEST_TO_REPORTER)
    audit(
        case,
        f"message.{kind}",
        actor,
        now,
        public=public,
        message=message.pk,
        agency=agency.slug if agency else None,
    )
    if public:
        after_commit(lambda: notify_reporter(case.report, body.strip()))
    return message


@transaction.atomic
def post_reporter_reply(report: Report, *, text: str, now: datetime | None = None) -> CaseMessage:
    """The reporter writes on their own case (identity proven upstream by the access code).

    While the report is held this is the answer that returns it to verification; otherwise it is
    a message the handling agencies see on the case.
    """
    if not text.strip():
        raise WorkflowError("text_required", _("The message is empty."))
    if report.status == ReportStatus.ON_HOLD:
        provide_information(report, text=text, now=now)
        return CaseMessage.objects.filter(case_id=report.pk).latest("created_at", "pk")
    now = now_or(now)
    case = locked_case(report)
    if case.report.status in FINAL_STATUSES:
        raise WorkflowError("case_closed", _("This case is closed."))
    message = CaseMessage.objects.create(
        case=case, kind=MessageKind.REPORTER_MESSAGE, body=text.strip(), created_at=now
    )
    audit(case, "message.reporter", None, now, public=True, actor="citizen", message=message.pk)
    return message
