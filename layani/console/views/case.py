"""The case page: everything staff may see about one report, and the actions they may take."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from layani.accounts.models import Role, User
from layani.audit.models import AuditEntry
from layani.cases import presentation
from layani.cases.masking import mask_email, mask_name, mask_nik, mask_phone
from layani.cases.models import ACTIVE_TASK_STATUSES, Case, ResponseTemplate
from layani.cases.permissions import (
    IdentityAccess,
    actors_for,
    agency_ids,
    identity_access,
    is_coordinator_for,
    is_oversight_for,
    visible_messages,
)
from layani.cases.selectors import case_tasks
from layani.cases.workflow import REPORT_MOVES, Actor
from layani.directory.models import Agency, GovernmentLevel
from layani.directory.selectors import responsibility_by_level
from layani.intake.models import Report, ReporterIdentity, ReportStatus
from layani.intake.places import region_label
from layani.intake.supports import support_breakdown
from layani.routing.selectors import likely_duplicates, stored_suggestion

from .. import forms, words
from ..tasks import ask_for_suggestions
from . import attachments
from .base import report_or_404, staff_view

#: Where the coordinator still decides what the report is and who handles it.
TRIAGE_STATES = (ReportStatus.SUBMITTED, ReportStatus.ON_HOLD, ReportStatus.VERIFIED)


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
    # Coordinators and oversight read the report as written; agencies read anonymous reports with
    # any personal data the reporter typed into them masked (cases.presentation).
    audience = (
        presentation.Audience.REVEALED
        if access == IdentityAccess.REVEAL
        else (presentation.Audience.AGENCY)
    )
    case_messages = list(visible_messages(user, case)) if case else []
    allowed = {
        a.value for a, m in REPORT_MOVES.items() if report.status in m.sources and actors & m.actors
    }
    shown = presentation.report_text(report, audience)
    matrix, routing, duplicates, routing_pending = None, None, [], False
    if Actor.COORDINATOR in actors and report.status in TRIAGE_STATES:
        # The router only suggests: the coordinator sees its proposal, its reasons and the
        # likely duplicates, and decides. The proposal is the stored one; where none is stored
        # yet the queue computes it (console.tasks), so this page loads no model.
        routing = stored_suggestion(report)
        if routing is None and ask_for_suggestions([report.pk]):
            routing = stored_suggestion(report)  # a backend that ran the task at once
        routing_pending = routing is None
        duplicates = likely_duplicates(report, limit=5)
        category = report.category or (routing.category if routing else None)
        matrix = responsibility_by_level(category, report.region_id) if category else None
    return {
        "report": report,
        "case": case,
        "tasks": tasks,
        "my_tasks": my_tasks,
        "managed_agencies": managed,
        "messages_on_case": list(
            zip(
                case_messages,
                presentation.texts(audience, [(report.privacy, m.body) for m in case_messages]),
                strict=True,
            )
        ),
        "shown": shown,
        "pin_elsewhere": region_label(report.pin_region_id) if report.pin_region_id else "",
        # How the support count was reached: kinds, addresses, refusals (intake.supports).
        "supports": support_breakdown(report),
        "attachments": attachments.for_the_case_page(user, report),
        "reviews_attachments": is_coordinator_for(user, report) or is_oversight_for(user, report),
        "identity": _identity_view(report, access, revealed),
        "identity_access": access,
        # The audit trail in words, with people's names (words.timeline: two queries in all).
        "timeline": words.timeline(
            AuditEntry.objects.filter(object_type="report", object_ref=report.tracking_id).order_by(
                "sequence"
            )
        ),
        # The category's questions and the chosen options in words, not their codes.
        "answers": words.answers_in_words(report.category, shown.answers),
        "routing_class": words.service_class_words(routing.service_class) if routing else "",
        "allowed": allowed,
        "is_coordinator": Actor.COORDINATOR in actors,
        "is_lead": Actor.LEAD_AGENCY in actors,
        "matrix": matrix,
        # Each level of government in words ("Kabupaten/kota"), not its code.
        "matrix_levels": [(GovernmentLevel(level).label, a) for level, a in (matrix or {}).items()],
        "routing": routing,
        "routing_pending": routing_pending,
        "duplicates": list(
            zip(
                duplicates,
                presentation.texts(
                    audience, [(d.report.privacy, d.report.title) for d in duplicates]
                ),
                strict=True,
            )
        ),
        "agencies": Agency.objects.filter(is_active=True).order_by("name"),
        "templates": ResponseTemplate.objects.filter(agency__in=[None, *mine]),
        "forms": {
            "verify": forms.VerifyForm(
                initial={
                    "category": report.category_id or (routing.category.pk if routing else None),
                    "service_class": report.service_class
                    or (routing.service_class if routing else ""),
                }
            ),
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
