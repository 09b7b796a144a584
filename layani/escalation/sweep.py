"""One pass of the service clock over the database: remind, escalate, close silent cases.

Everything is decided from the database state and the ``now`` of the pass, never from timers:
a pass after a week of downtime finds every threshold already crossed and fires each missing
level once. Exactly once is enforced by the ``Escalation`` unique constraints: each level is
fired in its own transaction that inserts the row, records its notifications and its audit entry
together, so a concurrent pass that loses the insert race rolls back and moves on, and a crash
before commit leaves nothing half-done for the next pass to trip over.

Levels per stage: a reminder ``remind_days_before`` working days before the deadline; at the
deadline the supervisor; ``second_escalation_after_days`` working days later the coordinator and
oversight. A reminder first discovered after its deadline is recorded as skipped, not sent.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.audit.services import record
from layani.cases import deadlines
from layani.cases.models import ACTIVE_TASK_STATUSES, Case, Task
from layani.cases.services import auto_close_case, auto_dispose_if_confident
from layani.cases.workflow import WorkflowError
from layani.intake.models import Report, ReportStatus
from layani.notifications.services import notify_user, retry_due
from layani.routing.services import suggest_for_report
from layani.sla.models import Stage
from layani.sla.policies import Policy

from .models import Escalation, Level
from .recipients import recipients

logger = logging.getLogger(__name__)

EVENTS = {
    Level.REMINDER: "deadline.reminder",
    Level.SUPERVISOR: "deadline.breached",
    Level.COORDINATOR: "deadline.escalated",
}


def sweep(*, now: datetime | None = None) -> Counter[str]:
    """Process every report and task whose clock has crossed a threshold by ``now``."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    routed = route_new_reports()
    if routed:
        counts["routed"] = routed
    reports = (
        Report.objects.filter(status=ReportStatus.SUBMITTED)
        .exclude(Exists(_top_level_fired(Stage.VERIFICATION, report=OuterRef("pk"), task=None)))
        .select_related("region", "category__parent")
    )
    for report in _iterate(reports):
        policy = deadlines.policy_for(report, Stage.VERIFICATION)
        due = deadlines.verification_deadline(report, now=now)
        counts += _process(report, None, Stage.VERIFICATION, due, policy, now)
    tasks = (
        Task.objects.filter(
            status__in=ACTIVE_TASK_STATUSES, case__report__status=ReportStatus.IN_PROGRESS
        )
        # Nothing left to fire: the last level of the task's current stage has gone out.
        .exclude(
            Q(first_follow_up_at__isnull=True)
            & Exists(_top_level_fired(Stage.FIRST_FOLLOW_UP, task=OuterRef("pk")))
        )
        .exclude(
            Q(first_follow_up_at__isnull=False)
            & Exists(_top_level_fired(Stage.RESOLUTION, task=OuterRef("pk")))
        )
        .select_related(
            "agency", "assigned_officer", "case__report__region", "case__report__category__parent"
        )
    )
    for task in _iterate(tasks):
        report = task.case.report
        stage, task_due = deadlines.task_deadline(task, now=now)
        if task_due is not None:
            policy = deadlines.policy_for(report, stage, task.agency)
            counts += _process(report, task, stage, task_due, policy, now)
    silent = Case.objects.filter(report__status=ReportStatus.CLOSURE_PROPOSED).select_related(
        "report__region", "report__category__parent"
    )
    for case in _iterate(silent):
        silence_due = deadlines.silence_deadline(case, now=now)
        if silence_due is not None and now >= silence_due:
            try:
                auto_close_case(case.report, now=now)
                counts["auto_closed"] += 1
            except WorkflowError:
                pass  # another worker closed it, or the reporter answered meanwhile
    counts["notifications_queued"] += retry_due(now=now)
    return counts


def _top_level_fired(stage: str, **scope: Any) -> QuerySet[Escalation]:
    """The last level of `stage` for the scope. Levels fire lowest first and never twice, so once
    this one exists nothing is left to fire for that stage."""
    return Escalation.objects.filter(stage=stage, level=Level.COORDINATOR, **scope)


def route_new_reports(limit: int = 2000) -> int:
    """Give every new report the router's suggestion, so the coordinator's queue shows it.

    Done here rather than inside each channel's request: submission stays fast and never fails
    because of the router, and reports that arrived while the worker was down are caught up.
    """
    waiting = Report.objects.filter(
        status=ReportStatus.SUBMITTED, routing_decision__isnull=True
    ).select_related("category", "region")[:limit]
    routed = 0
    for report in waiting:
        try:
            with transaction.atomic():
                suggestion = suggest_for_report(report)
            routed += 1
        except IntegrityError:
            continue  # another worker stored its suggestion first
        # Where the deployment allows it, a sure suggestion skips the coordinator's queue.
        auto_dispose_if_confident(report, suggestion)
    return routed


def _iterate(queryset: Iterable) -> Iterable:
    """Rows in primary-key order, in chunks, so a large backlog does not sit in memory."""
    return queryset.order_by("pk").iterator(chunk_size=500)  # type: ignore[attr-defined]


def levels_due(due: datetime, policy: Policy, report: Report, now: datetime) -> list[int]:
    """The levels whose threshold ``now`` has crossed, lowest first."""
    calendar = deadlines.calendar_for(report)
    if now < due:
        day = datetime.combine(due.date(), calendar.day_end) - datetime.combine(
            due.date(), calendar.day_start
        )
        remaining = calendar.working_time_between(now, due)
        return [Level.REMINDER] if remaining <= day * policy.remind_days_before else []
    levels: list[int] = [Level.REMINDER, Level.SUPERVISOR]
    if now >= calendar.add_working_days(due, policy.second_escalation_after_days):
        levels.append(Level.COORDINATOR)
    return levels


def _process(
    report: Report, task: Task | None, stage: str, due: datetime, policy: Policy, now: datetime
) -> Counter[str]:
    counts: Counter[str] = Counter()
    wanted = levels_due(due, policy, report, now)
    if not wanted:
        return counts
    fired = set(
        Escalation.objects.filter(report=report, task=task, stage=stage).values_list(
            "level", flat=True
        )
    )
    for level in wanted:
        if level in fired:
            continue
        skipped = level == Level.REMINDER and now >= due
        if fire(report, task, stage, level, due, now, skipped=skipped):
            counts["skipped" if skipped else Level(level).name.lower()] += 1
    return counts


@transaction.atomic
def fire(
    report: Report,
    task: Task | None,
    stage: str,
    level: int,
    due: datetime,
    now: datetime,
    *,
    skipped: bool = False,
) -> bool:
    """Fire one level once: the row, its notifications and its audit entry commit together.

    Returns False when the level had already fired (another worker won the unique insert).
    """
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                report=report,
                task=task,
                stage=stage,
                level=level,
                due_at=due,
                fired_at=now,
                skipped=skipped,
            )
    except IntegrityError:
        return False
    if skipped:
        return True
    local_due = timezone.localtime(due, deadlines.calendar_for(report).zone)
    subject, body = _message(report, task, stage, level, local_due)
    for user in recipients(report, task, level):
        notify_user(
            user,
            event=EVENTS[Level(level)],
            subject=subject,
            body=body,
            dedupe_key=f"escalation:{escalation.pk}:user:{user.pk}",
            now=now,
        )
    if level != Level.REMINDER:
        record(
            "deadline.escalated",
            actor_ref="system",
            object_type="report",
            object_ref=report.tracking_id,
            payload={
                "stage": stage,
                "level": Level(level).name.lower(),
                "agency": task.agency.slug if task is not None else None,
                "task": task.pk if task is not None else None,
                "due": local_due.strftime("%Y-%m-%dT%H:%M%z"),
            },
            now=now,
        )
    return True


def _message(
    report: Report, task: Task | None, stage: str, level: int, local_due: datetime
) -> tuple[str, str]:
    """Subject and text naming the report by tracking ID only (no reporter data)."""
    ids = {
        "id": report.display_tracking_id,
        "stage": Stage(stage).label,
        "due": local_due.strftime("%d-%m-%Y %H:%M %Z"),
        "agency": task.agency.name if task is not None else "",
    }
    if level == Level.REMINDER:
        subject = _("Deadline approaching: report %(id)s") % ids
        body = _("%(stage)s for report %(id)s is due %(due)s.") % ids
    elif level == Level.SUPERVISOR:
        subject = _("Deadline missed: report %(id)s") % ids
        body = _("%(stage)s for report %(id)s was due %(due)s and is overdue.") % ids
    else:
        subject = _("Escalated: report %(id)s still overdue") % ids
        body = _("%(stage)s for report %(id)s was due %(due)s and is still overdue.") % ids
    if ids["agency"]:
        body += "\n" + _("Agency: %(agency)s") % ids
    return subject, body
