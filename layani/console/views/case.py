"""The case page: everything staff may see about one report, and the actions they may take."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from layani.accounts.models import Role, User
from layani.audit.models import AuditEntry
from layani.cases.masking import mask_email, mask_name, mask_nik, mask_phone
from layani.cases.models import ACTIVE_TASK_STATUSES, Case, CaseMessage, ResponseTemplate
from layani.cases.permissions import (
    IdentityAccess,
    actors_for,
    agency_ids,
    can_see_attachment,
    identity_access,
    visible_messages,
)
from layani.cases.selectors import case_tasks
from layani.cases.workflow import REPORT_MOVES, Actor
from layani.directory.models import Agency
from layani.directory.selectors import responsibility_by_level
from layani.intake.models import Report, ReporterIdentity

from .. import forms
from .base import report_or_404, staff_view


@staff_view
def case_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    report = report_or_404(user, tracking_id)
    return render(request, "console/case.html", case_context(user, report))


def case_context(
    user: User, report: Report, revealed: ReporterIdentity | None = None
) -> dict[str, object]:
    # A report gets its Case row at its first workflow move; reading the page writes nothing.
    case = Case.objects.filter(pk=report.pk).first()
    actors = actors_for(user, report)
    tasks = list(case_tasks(report))
    mine = agency_ids(user)
    managed = agency_ids(user, (Role.AGENCY_ADMIN, Role.SUPERVISOR))
    my_tasks = [t for t in tasks if t.agency_id in mine and t.status in ACTIVE_TASK_STATUSES]
    access = identity_access(user, report)
    allowed = {
        a.value for a, m in REPORT_MOVES.items() if report.status in m.sources and actors & m.actors
    }
    suggestion = None
    if Actor.COORDINATOR in actors and report.category_id:
        suggestion = responsibility_by_level(report.category, report.region_id)  # type: ignore[arg-type]
    return {
        "report": report,
        "case": case,
        "tasks": tasks,
        "my_tasks": my_tasks,
        "managed_agencies": managed,
        "messages_on_case": visible_messages(user, case) if case else CaseMessage.objects.none(),
        "attachments": [a for a in report.attachments.all() if can_see_attachment(user, a)],
        "identity": _identity_view(report, access, revealed),
        "identity_access": access,
        "timeline": AuditEntry.objects.filter(
            object_type="report", object_ref=report.tracking_id
        ).order_by("sequence"),
        "allowed": allowed,
        "is_coordinator": Actor.COORDINATOR in actors,
        "is_lead": Actor.LEAD_AGENCY in actors,
        "suggestion": suggestion,
        "agencies": Agency.objects.filter(is_active=True).order_by("name"),
        "templates": ResponseTemplate.objects.filter(agency__in=[None, *mine]),
        "forms": {
            "verify": forms.VerifyForm(initial={"category": report.category_id}),
            "message": forms.MessageForm(),
            "closure": forms.ClosureForm(),
        },
    }


def _identity_view(
    report: Report, access: IdentityAccess, revealed: ReporterIdentity | None
) -> dict[str, str] | None:
    if access == IdentityAccess.NONE:
        return None
    identity = revealed or ReporterIdentity.objects.filter(report=report).first()
    if identity is None:
        return None
    if revealed is not None:
        return {
            "name": identity.name,
            "nik": identity.nik,
            "phone": identity.phone,
            "email": identity.email,
            "revealed": "1",
        }
    return {
        "name": mask_name(identity.name),
        "nik": mask_nik(identity.nik),
        "phone": mask_phone(identity.phone),
        "email": mask_email(identity.email),
    }
