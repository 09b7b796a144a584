"""Reads for the console: queues, inboxes, workloads, timelines — joins done, scope applied."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency
from layani.intake.models import Report, ReportStatus

from .models import ACTIVE_TASK_STATUSES, Task
from .permissions import agency_ids, region_scope, visible_reports


def coordinator_queue(user: User) -> QuerySet[Report]:
    """What the coordinator must decide: new and answered reports, and bounced ones, oldest first."""
    scope = region_scope(user, Role.COORDINATOR)
    if scope is None:
        return Report.objects.none()
    waiting = Q(status=ReportStatus.SUBMITTED) | Q(status=ReportStatus.VERIFIED)
    return (
        Report.objects.filter(scope)
        .filter(waiting)
        .select_related(
            "category",
            "category__parent",
            "region",
            "region__parent",
            "case",
            "routing_decision__suggested_category",
            "routing_decision__suggested_agency",
        )
        .order_by("-case__bounced", "submitted_at")
    )


def agency_inbox(
    user: User,
    agency: Agency,
    *,
    status: str = "active",
    officer: User | None = None,
    overdue_at: object = None,
) -> QuerySet[Task]:
    """The agency's tasks, soonest deadline first; only for the agency's own staff."""
    if agency.pk not in agency_ids(user):
        return Task.objects.none()
    tasks = Task.objects.filter(agency=agency).select_related(
        "case__report",
        "case__report__category",
        "case__report__region",
        "assigned_officer",
        "assigned_unit",
    )
    if status == "active":
        tasks = tasks.filter(status__in=ACTIVE_TASK_STATUSES)
    elif status:
        tasks = tasks.filter(status=status)
    if officer is not None:
        tasks = tasks.filter(assigned_officer=officer)
    if overdue_at is not None:
        tasks = tasks.filter(due_at__lt=overdue_at, status__in=ACTIVE_TASK_STATUSES)
    return tasks.order_by("due_at", "created_at")


def officer_workload(agency: Agency) -> list[tuple[User, int]]:
    """Each officer of the agency with the number of open tasks assigned to them."""
    officers = User.objects.filter(
        memberships__agency=agency, memberships__role=Role.OFFICER, memberships__is_active=True
    ).annotate(
        open_tasks=Count(
            "assigned_tasks",
            filter=Q(
                assigned_tasks__agency=agency, assigned_tasks__status__in=ACTIVE_TASK_STATUSES
            ),
        )
    )
    return [(o, o.open_tasks) for o in officers.order_by("-open_tasks", "username")]


def case_tasks(report: Report) -> QuerySet[Task]:
    return Task.objects.filter(case_id=report.pk).select_related(
        "agency", "assigned_unit", "assigned_officer"
    )


def searchable_reports(user: User, query: str = "") -> QuerySet[Report]:
    """Staff search: only within what the user may open."""
    reports = visible_reports(user)
    if query:
        reports = reports.filter(Q(title__icontains=query) | Q(tracking_id=query.upper()))
    return reports


def staff_agencies(user: User) -> QuerySet[Agency]:
    return Agency.objects.filter(
        pk__in=Membership.objects.filter(user=user, is_active=True).values("agency_id")
    )
