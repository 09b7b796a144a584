"""Who may see and do what on a case. Every view and API goes through these helpers.

Scopes: a coordinator or oversight member acts for every report inside their agency's region (a
national agency: everywhere). Agency staff act on cases where their agency has or had a task.
`visible_reports` (for lists, counts and exports) and `can_view_case` (for one case) are written
from the same rules, and the tests check they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from django.db.models import Q, QuerySet

from layani.accounts.models import Membership, Role, User
from layani.intake.models import ANONYMOUS_TIERS, Attachment, Report

from .models import ACTIVE_TASK_STATUSES, Case, CaseMessage, MessageKind, Task
from .workflow import Actor

AGENCY_STAFF_ROLES = (Role.AGENCY_ADMIN, Role.SUPERVISOR, Role.OFFICER)
TASK_MANAGER_ROLES = (Role.AGENCY_ADMIN, Role.SUPERVISOR)


def _memberships(user: User) -> list[Membership]:
    cached: list[Membership] | None = getattr(user, "_layani_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user, is_active=True).select_related("agency"))
        user._layani_memberships = cached  # type: ignore[attr-defined]
    return cached


def region_scope(user: User, role: str) -> Q | None:
    """A filter on Report for the regions where `user` holds `role`, or None when nowhere."""
    scope: Q | None = None
    for m in _memberships(user):
        if m.role != role:
            continue
        code = m.agency.region_id
        part = Q() if code is None else Q(region_id=code) | Q(region__code__startswith=f"{code}.")
        scope = part if scope is None else scope | part
    return scope


def _in_scope(user: User, role: str, report: Report) -> bool:
    for m in _memberships(user):
        if m.role == role:
            code = m.agency.region_id
            if code is None or report.region_id == code or report.region_id.startswith(f"{code}."):
                return True
    return False


def is_coordinator_for(user: User, report: Report) -> bool:
    return user.is_authenticated and _in_scope(user, Role.COORDINATOR, report)


def is_oversight_for(user: User, report: Report) -> bool:
    return user.is_authenticated and _in_scope(user, Role.OVERSIGHT, report)


def agency_ids(user: User, roles: tuple[str, ...] = AGENCY_STAFF_ROLES) -> set[int]:
    """The agencies in which `user` holds one of `roles`."""
    return {m.agency_id for m in _memberships(user) if m.role in roles}


def visible_reports(user: User) -> QuerySet[Report]:
    """Every report `user` may open in the console; the base of every staff list, count and export."""
    if not user.is_authenticated:
        return Report.objects.none()
    scope = Q(pk__in=[])
    for role in (Role.COORDINATOR, Role.OVERSIGHT):
        part = region_scope(user, role)
        if part is not None:
            scope |= part
    agencies = agency_ids(user)
    if agencies:
        scope |= Q(pk__in=Task.objects.filter(agency_id__in=agencies).values("case_id"))
    return Report.objects.filter(scope)


def can_view_case(user: User, report: Report) -> bool:
    """May `user` open this report's case page? Must agree with `visible_reports`."""
    if not user.is_authenticated:
        return False
    if is_coordinator_for(user, report) or is_oversight_for(user, report):
        return True
    agencies = agency_ids(user)
    return (
        bool(agencies) and Task.objects.filter(case_id=report.pk, agency_id__in=agencies).exists()
    )


def actors_for(user: User, report: Report, task: Task | None = None) -> set[Actor]:
    """The capacities in which `user` may act on this report (and on `task`, when given)."""
    actors: set[Actor] = set()
    if is_coordinator_for(user, report):
        actors.add(Actor.COORDINATOR)
    staff = agency_ids(user)
    managers = agency_ids(user, TASK_MANAGER_ROLES)
    lead = Task.objects.filter(
        case_id=report.pk, role="lead", status__in=ACTIVE_TASK_STATUSES, agency_id__in=staff
    )
    if staff and lead.exists():
        actors.add(Actor.LEAD_AGENCY)
    if task is not None and task.agency_id in staff:
        actors.add(Actor.TASK_AGENCY)
        if task.agency_id in managers:
            actors.add(Actor.TASK_MANAGER)
    return actors


#: Checks that withhold a report's identity from all staff because the reporter restricted its
#: processing (UU PDP). The privacy app registers its check at start-up, so that this app does not
#: import the app above it.
IDENTITY_RESTRICTIONS: list[Callable[[Report], bool]] = []


def identity_restricted(report: Report) -> bool:
    """Has the reporter restricted processing of their identity on this report?"""
    return any(check(report) for check in IDENTITY_RESTRICTIONS)


class IdentityAccess(StrEnum):
    NONE = "none"  # not even masked: anonymous tiers for the handling agency, or no access
    MASKED = "masked"  # masked values only
    REVEAL = "reveal"  # masked by default, may reveal with a reason (audited)


def identity_access(user: User, report: Report) -> IdentityAccess:
    """How much of the reporter's identity `user` may see on this report."""
    if identity_restricted(report):
        return IdentityAccess.NONE
    if is_coordinator_for(user, report) or is_oversight_for(user, report):
        return IdentityAccess.REVEAL
    staff = agency_ids(user)
    if not staff or not Task.objects.filter(case_id=report.pk, agency_id__in=staff).exists():
        return IdentityAccess.NONE
    if report.privacy in ANONYMOUS_TIERS:
        return IdentityAccess.NONE
    managers = agency_ids(user, TASK_MANAGER_ROLES)
    on_case = Task.objects.filter(case_id=report.pk, agency_id__in=managers).exists()
    return IdentityAccess.REVEAL if on_case else IdentityAccess.MASKED


def can_see_attachment(user: User, attachment: Attachment) -> bool:
    """Anonymous reports' attachments reach the agency only after review (photos identify people)."""
    report = attachment.report
    if is_coordinator_for(user, report) or is_oversight_for(user, report):
        return True
    if not can_view_case(user, report):
        return False
    return attachment.reviewed or report.privacy not in ANONYMOUS_TIERS


def visible_messages(user: User, case: Case) -> QuerySet[CaseMessage]:
    """The messages on `case` that `user` may read (internal notes stay inside their agency)."""
    messages = case.messages.select_related("agency", "author")
    report = case.report
    if is_coordinator_for(user, report) or is_oversight_for(user, report):
        return messages
    staff = agency_ids(user)
    if not can_view_case(user, report):
        return messages.none()
    return messages.filter(~Q(kind=MessageKind.INTERNAL_NOTE) | Q(agency_id__in=staff))


def get_report_for_staff(user: User, tracking_id: str) -> Report:
    """Fetch a report by tracking ID and check the user may open it, in one step.

    Raises Report.DoesNotExist both when the report does not exist and when the user may not see it,
    so that the console never confirms the existence of someone else's case.
    """
    report = (
        Report.objects.select_related("category", "category__parent", "region", "region__parent")
        .filter(tracking_id=tracking_id)
        .first()
    )
    if report is None or not can_view_case(user, report):
        raise Report.DoesNotExist(tracking_id)
    return report
