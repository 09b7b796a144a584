"""Write endpoints: messages, task moves and the closure proposal.

Each endpoint finds its object within the token's agency (404 otherwise), resolves references
(units, officers, agencies) within what the agency may name (400 naming the field otherwise), and
then calls the very service the console calls, with the token's service user as the actor. The
services check capacity and the workflow table; their `WorkflowError` becomes a `{code, message}`
body (errors.py). Nothing here decides anything about the workflow.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.params import Path

from layani.accounts.models import Role, User
from layani.cases import services
from layani.cases.models import Task
from layani.directory.models import Agency, Unit

from . import representations as rep
from .auth import writing_token
from .errors import ApiError
from .models import ApiToken
from .reads import fetch_report
from .schemas import (
    ClosureIn,
    ClosureOut,
    CompleteIn,
    DelegateIn,
    Error,
    MessageIn,
    MessageOut,
    ReferIn,
    ReferralOut,
    TaskOut,
)

router = Router(tags=["actions"])

WRITE_ERRORS: dict[int, type] = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error}
TaskId = Path(..., ge=1, le=2**63 - 1, description="The task's `id` from the inbox.")


@router.post(
    "/cases/{tracking_id}/messages",
    response={201: MessageOut, **WRITE_ERRORS},
    summary="Write on a case",
)
def post_message(
    request: HttpRequest, payload: MessageIn, tracking_id: str = Path(..., max_length=40)
) -> Status:
    """A public follow-up or a question to the reporter (lead agency only), a message to the other
    agencies on the case, or an internal note of the token's agency."""
    token = writing_token(request)
    report = fetch_report(token.service_user, tracking_id)
    message = services.post_message(
        report,
        actor=token.service_user,
        kind=payload.kind,
        body=payload.body,
        agency=token.agency,
    )
    return Status(201, rep.message_out(message))


@router.post("/tasks/{task_id}/accept", response={200: TaskOut, **WRITE_ERRORS})
def accept(request: HttpRequest, task_id: int = TaskId) -> dict[str, object]:
    """Take the task on."""
    token = writing_token(request)
    task = services.accept_task(own_task(token, task_id), actor=token.service_user)
    return task_view(token, task)


@router.post("/tasks/{task_id}/delegate", response={200: TaskOut, **WRITE_ERRORS})
def delegate(request: HttpRequest, payload: DelegateIn, task_id: int = TaskId) -> dict[str, object]:
    """Give the task to a unit and/or an officer of the agency (see GET /agency)."""
    token = writing_token(request)
    task = own_task(token, task_id)
    unit = officer = None
    if payload.unit_id is not None:
        unit = Unit.objects.filter(pk=payload.unit_id, agency=token.agency, is_active=True).first()
        if unit is None:
            raise ApiError(400, "invalid", "No such unit in this agency.", field="unit_id")
    if payload.officer_id is not None:
        officer = (
            User.objects.filter(
                pk=payload.officer_id,
                memberships__agency=token.agency,
                memberships__role=Role.OFFICER,
                memberships__is_active=True,
            )
            .distinct()
            .first()
        )
        if officer is None:
            raise ApiError(400, "invalid", "No such officer in this agency.", field="officer_id")
    task = services.delegate_task(task, actor=token.service_user, unit=unit, officer=officer)
    return task_view(token, task)


@router.post("/tasks/{task_id}/refer", response={200: ReferralOut, **WRITE_ERRORS})
def refer(request: HttpRequest, payload: ReferIn, task_id: int = TaskId) -> dict[str, object]:
    """Pass the task to the agency it belongs to, with the reason; the second referral on a case
    sends it back to the coordinator instead (`bounced`, no new task)."""
    token = writing_token(request)
    task = own_task(token, task_id)
    to = Agency.objects.filter(slug=payload.to_agency, is_active=True).first()
    if to is None:
        raise ApiError(400, "invalid", "No such agency.", field="to_agency")
    new = services.refer_task(task, actor=token.service_user, to=to, reason=payload.reason)
    referred = Task.objects.select_related("agency", "case__report").get(pk=task.pk)
    return {
        "referred_task": task_view(token, referred),
        "new_task": None if new is None else task_view(token, new),
        "bounced": new is None,
    }


@router.post("/tasks/{task_id}/complete", response={200: TaskOut, **WRITE_ERRORS})
def complete(request: HttpRequest, payload: CompleteIn, task_id: int = TaskId) -> dict[str, object]:
    """A co-handling agency reports its part done (the lead finishes by proposing closure)."""
    token = writing_token(request)
    task = services.complete_task(
        own_task(token, task_id), actor=token.service_user, summary=payload.summary
    )
    return task_view(token, task)


@router.post(
    "/cases/{tracking_id}/closure-proposal",
    response={200: ClosureOut, **WRITE_ERRORS},
    summary="Propose closure",
)
def propose_closure(
    request: HttpRequest, payload: ClosureIn, tracking_id: str = Path(..., max_length=40)
) -> dict[str, object]:
    """The lead agency proposes the outcome; the reporter then confirms or disputes it."""
    token = writing_token(request)
    report = fetch_report(token.service_user, tracking_id)
    case = services.propose_closure(
        report,
        actor=token.service_user,
        outcome=payload.outcome,
        explanation=payload.explanation,
    )
    return {
        "tracking_id": report.tracking_id,
        "status": case.report.status,
        "outcome": case.outcome,
    }


def own_task(token: ApiToken, task_id: int) -> Task:
    """One of the token agency's tasks; another agency's task answers 404 like a missing one."""
    task = (
        Task.objects.select_related("agency", "case__report")
        .filter(pk=task_id, agency=token.agency)
        .first()
    )
    if task is None:
        raise ApiError(404, "not_found", "No such task for this agency.")
    return task


def task_view(token: ApiToken, task: Task) -> dict[str, object]:
    fresh = Task.objects.select_related(
        "agency", "case__report", "assigned_unit", "assigned_officer"
    ).get(pk=task.pk)
    return rep.task_out(fresh, viewer=token.agency, now=timezone.now())
