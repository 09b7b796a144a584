"""Who hears about a deadline at each level, from agency memberships.

"In scope" means an agency whose region contains the report's region, or a national agency, as
for the coordinator's own queue.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from layani.accounts.models import Role, User
from layani.cases.models import Task
from layani.directory.models import Region
from layani.intake.models import Report

from .models import Level


def _members(roles: tuple[str, ...], agency_filter: Q) -> QuerySet[User]:
    return (
        User.objects.filter(
            Q(memberships__role__in=roles, memberships__is_active=True, is_active=True),
            agency_filter,
        )
        .distinct()
        .order_by("pk")
    )


def _in_scope(report: Report) -> Q:
    codes = Region.ancestor_codes(report.region_id)
    return Q(memberships__agency__region_id__in=codes) | Q(memberships__agency__region__isnull=True)


def recipients(report: Report, task: Task | None, level: int) -> list[User]:
    """The staff to notify for ``level`` of a report's verification (no task) or of a task."""
    if task is None:
        if level == Level.REMINDER:
            return list(_members((Role.COORDINATOR,), _in_scope(report)))
        if level == Level.SUPERVISOR:
            coordinating = _members((Role.COORDINATOR,), _in_scope(report)).values(
                "memberships__agency"
            )
            return list(
                _members((Role.SUPERVISOR,), Q(memberships__agency__in=coordinating))
            ) or list(_members((Role.COORDINATOR,), _in_scope(report)))
        return list(_members((Role.OVERSIGHT,), _in_scope(report)))
    if level == Level.REMINDER:
        if task.assigned_officer is not None and task.assigned_officer.is_active:
            return [task.assigned_officer]
        return list(_members((Role.AGENCY_ADMIN,), Q(memberships__agency=task.agency_id)))
    if level == Level.SUPERVISOR:
        return list(_members((Role.SUPERVISOR,), Q(memberships__agency=task.agency_id)))
    return list(_members((Role.COORDINATOR, Role.OVERSIGHT), _in_scope(report)))
