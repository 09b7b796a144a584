"""Model rows → the output shapes of schemas.py, from the point of view of one agency.

Kept apart from the endpoints so that each field the API returns is chosen here, explicitly: the
report's content and workflow facts, never the reporter's identity (`ReporterIdentity` is not
imported anywhere in this app).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from layani.accounts.models import User
from layani.cases import presentation
from layani.cases.models import Case, CaseMessage, Task
from layani.directory.models import Agency, Unit
from layani.intake.models import Report

#: The API speaks for one agency: anonymous reports' texts are masked (`cases.presentation`).
AGENCY = presentation.Audience.AGENCY


def agency_ref(agency: Agency | None) -> dict[str, str] | None:
    return None if agency is None else {"slug": agency.slug, "name": agency.name}


def unit_out(unit: Unit | None) -> dict[str, Any] | None:
    return None if unit is None else {"id": unit.pk, "name": unit.name}


def officer_out(user: User | None) -> dict[str, Any] | None:
    return None if user is None else {"id": user.pk, "display_name": str(user)}


def task_out(task: Task, *, viewer: Agency, now: datetime) -> dict[str, Any]:
    """A task; assignment and instructions only when it is the viewing agency's own task."""
    own = task.agency_id == viewer.pk
    return {
        "id": task.pk,
        "tracking_id": task.case.report.tracking_id,
        "agency": agency_ref(task.agency),
        "role": task.role,
        "status": task.status,
        "is_active": task.is_active,
        "overdue": task.is_active and task.due_at is not None and task.due_at < now,
        "due_at": task.due_at,
        "created_at": task.created_at,
        "accepted_at": task.accepted_at,
        "finished_at": task.finished_at,
        "instructions": task.instructions if own else "",
        "assigned_unit": unit_out(task.assigned_unit) if own else None,
        "assigned_officer": officer_out(task.assigned_officer) if own else None,
    }


def report_summary(report: Report) -> dict[str, Any]:
    category = report.category
    return {
        "tracking_id": report.tracking_id,
        "display_tracking_id": report.display_tracking_id,
        "type": report.type,
        "title": presentation.text(AGENCY, report.privacy, report.title),
        "status": report.status,
        "privacy": report.privacy,
        "category": None if category is None else {"code": category.code, "name": category.name},
        "region": {"code": report.region.code, "name": report.region.name},
        "submitted_at": report.submitted_at,
        "updated_at": report.updated_at,
    }


def inbox_item(task: Task, *, viewer: Agency, now: datetime) -> dict[str, Any]:
    return {
        "task": task_out(task, viewer=viewer, now=now),
        "report": report_summary(task.case.report),
    }


def message_out(message: CaseMessage) -> dict[str, Any]:
    return {
        "id": message.pk,
        "kind": message.kind,
        "agency": agency_ref(message.agency),
        "body": presentation.text(AGENCY, message.case.report.privacy, message.body),
        "created_at": message.created_at,
    }


def case_out(
    report: Report,
    case: Case | None,
    tasks: list[Task],
    messages: list[CaseMessage],
    *,
    viewer: Agency,
    now: datetime,
) -> dict[str, Any]:
    """The whole case as `viewer` may read it (the caller has checked it may read it at all)."""
    shown = presentation.report_text(report, AGENCY)
    return {
        "report": report_summary(report),
        "description": shown.description,
        "address": shown.address,
        "latitude": None if report.latitude is None else float(report.latitude),
        "longitude": None if report.longitude is None else float(report.longitude),
        "answers": shown.answers,
        "case": {
            "lead_agency": agency_ref(case.lead_agency if case else None),
            "referral_count": case.referral_count if case else 0,
            "bounced": case.bounced if case else False,
            "outcome": case.outcome if case else "",
            "outcome_note": case.outcome_note if case else "",
            "closure_proposed_at": case.closure_proposed_at if case else None,
        },
        "tasks": [task_out(t, viewer=viewer, now=now) for t in tasks],
        "messages": [message_out(m) for m in messages],
    }
