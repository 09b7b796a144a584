"""Read endpoints: the agency itself, its inbox of tasks, and one case.

Every query starts from the token's agency (the inbox) or from `cases.permissions` with the token's
service user (one case), the same helpers the console uses, so the API can never list, count or
open a case that the agency's staff could not open at the console. Another agency's case answers
404, exactly like a case that does not exist.
"""

from __future__ import annotations

from typing import Literal

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.params import Path

from layani.accounts.models import Role, User
from layani.audit.models import AuditEntry
from layani.cases.models import Case, CaseMessage, Task
from layani.cases.permissions import get_report_for_staff, visible_messages
from layani.cases.selectors import agency_inbox, case_tasks
from layani.intake.models import Report
from layani.intake.tracking import normalize_tracking_id

from . import representations as rep
from .auth import token_of
from .errors import ApiError
from .schemas import AgencyOut, CaseOut, Error, InboxPage, Instant

router = Router(tags=["cases"])

TaskStatusFilter = Literal["active", "pending", "accepted", "done", "referred", "withdrawn"]
READ_ERRORS: dict[int, type] = {400: Error, 401: Error, 404: Error}


@router.get("/agency", response={200: AgencyOut, 401: Error}, summary="The token's agency")
def agency(request: HttpRequest) -> dict[str, object]:
    """Who the token speaks for, and the units and officers its tasks can be delegated to."""
    token = token_of(request)
    officers = User.objects.filter(
        memberships__agency=token.agency,
        memberships__role=Role.OFFICER,
        memberships__is_active=True,
    ).order_by("pk")
    return {
        "slug": token.agency.slug,
        "name": token.agency.name,
        "token_name": token.name,
        "scopes": token.scopes,
        "units": [rep.unit_out(u) for u in token.agency.units.filter(is_active=True)],
        "officers": [rep.officer_out(u) for u in officers.distinct()],
    }


@router.get("/tasks", response={200: InboxPage, **READ_ERRORS}, summary="The agency's inbox")
def inbox(
    request: HttpRequest,
    status: TaskStatusFilter | None = None,
    overdue: bool = False,
    updated_since: Instant | None = None,
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> dict[str, object]:
    """The agency's tasks (one per case it has or had a part in), soonest deadline first.

    `status=active` means pending or accepted; no status means every task. `overdue=true` keeps the
    active tasks past their deadline. `updated_since` keeps tasks whose case has any event at or
    after that instant (from the audit log, so a new message counts, not only status changes).
    """
    token = token_of(request)
    now = timezone.now()
    tasks = agency_inbox(
        token.service_user,
        token.agency,
        status=status or "",
        overdue_at=now if overdue else None,
    )
    if updated_since is not None:
        events = AuditEntry.objects.filter(
            object_type="report",
            object_ref=OuterRef("case__report__tracking_id"),
            occurred_at__gte=updated_since,
        )
        tasks = tasks.filter(Exists(events))
    tasks = tasks.select_related("agency", "case__report__region").order_by(
        "due_at", "created_at", "pk"
    )
    page = list(tasks[offset : offset + limit])
    return {
        "count": tasks.count(),
        "limit": limit,
        "offset": offset,
        "items": [rep.inbox_item(t, viewer=token.agency, now=now) for t in page],
    }


@router.get("/cases/{tracking_id}", response={200: CaseOut, **READ_ERRORS}, summary="One case")
def case_detail(
    request: HttpRequest,
    tracking_id: str = Path(..., max_length=40),
) -> dict[str, object]:
    """The case's content (never the reporter's identity), its tasks with their deadlines, and
    the messages the agency may read: follow-ups, questions and replies, the inter-agency thread and
    the agency's own internal notes."""
    token = token_of(request)
    report = fetch_report(token.service_user, tracking_id)
    case = Case.objects.select_related("lead_agency").filter(pk=report.pk).first()
    tasks: list[Task] = []
    messages: list[CaseMessage] = []
    if case is not None:
        case.report = report
        tasks = list(case_tasks(report))
        for t in tasks:
            t.case = case
        messages = list(visible_messages(token.service_user, case))
    return rep.case_out(report, case, tasks, messages, viewer=token.agency, now=timezone.now())


def fetch_report(user: User, tracking_id: str) -> Report:
    """The report if the token's agency may open it; 404 alike when it may not or does not exist."""
    canonical = normalize_tracking_id(tracking_id[:40])
    try:
        if canonical is None:
            raise Report.DoesNotExist(tracking_id)
        return get_report_for_staff(user, canonical)
    except Report.DoesNotExist:
        raise ApiError(404, "not_found", "No such case for this agency.") from None
