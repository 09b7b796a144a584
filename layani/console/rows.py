"""The rows of the staff lists (the coordinator's queue, an agency's inbox), prepared in Python.

Django's template engine spends about half a millisecond on each row of these tables when the
template itself follows relations, calls ``get_status_display`` (which rebuilds the choices
mapping on every call), reverses a URL and formats two dates through the ``date`` filter. At 50
rows that was a third of the page's CPU (docs/benchmarks.md), so each row's values are read once
here and the templates only print them. `stamp` prints exactly what ``|date:"c"`` and
``|date:"d M Y H:i"`` print (tested against the filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3

from layani.cases.models import ACTIVE_TASK_STATUSES, Task, TaskRole, TaskStatus
from layani.intake.models import Report, ReportStatus
from layani.routing.models import RoutingDecision


@dataclass(frozen=True)
class Stamp:
    """A moment in the active time zone: `iso` for ``<time datetime>``, `text` for people."""

    iso: str
    text: str


def stamp(value: datetime) -> Stamp:
    local = timezone.localtime(value)
    month = str(MONTHS_3[local.month]).title()
    return Stamp(local.isoformat(), f"{local:%d} {month} {local:%Y %H:%M}")


def labels(choices: type[models.TextChoices]) -> dict[str, str]:
    """Value → label in the active language, translated once per page instead of once per row."""
    return {value: str(label) for value, label in choices.choices}


def case_url(tracking_id: str) -> str:
    return reverse("console:case", args=[tracking_id])


@dataclass(frozen=True)
class QueueRow:
    """A row of the coordinator's queue, every cell already read. A new report has no case or
    routing decision yet: read here with a default, because a template asking ``r.case.bounced``
    of such a report made the engine catch the missing relation and call ``dir()`` on the
    report, twice per row."""

    tracking_id: str
    display_id: str
    url: str
    title: str
    support_count: int
    category: str
    region: str
    status: str
    submitted: Stamp
    bounced: bool
    #: The router's suggestion: category, its confidence in whole percent, agency (or "").
    suggestion: tuple[str, int, str] | None


def _suggestion(decision: RoutingDecision | None) -> tuple[str, int, str] | None:
    if decision is None:
        return None
    agency, category = decision.suggested_agency, decision.suggested_category
    return (
        category.display_name if category else "",
        round(decision.category_confidence * 100),
        agency.short_name if agency else "",
    )


def queue_rows(reports: list[Report]) -> list[QueueRow]:
    status = labels(ReportStatus)
    rows = []
    for report in reports:
        case = getattr(report, "case", None)
        rows.append(
            QueueRow(
                tracking_id=report.tracking_id,
                display_id=report.display_tracking_id,
                url=case_url(report.tracking_id),
                title=report.title,
                support_count=report.support_count,
                category=report.category.display_name if report.category else "",
                region=report.region.name,
                status=status.get(report.status, report.status),
                submitted=stamp(report.submitted_at),
                bounced=bool(case and case.bounced),
                suggestion=_suggestion(getattr(report, "routing_decision", None)),
            )
        )
    return rows


@dataclass(frozen=True)
class InboxRow:
    """A row of an agency's inbox."""

    task: Task
    report: Report
    url: str
    role: str
    status: str
    officer: str
    due: Stamp | None
    overdue: bool


def inbox_rows(tasks: list[Task], now: datetime) -> list[InboxRow]:
    role, status = labels(TaskRole), labels(TaskStatus)
    rows = []
    for task in tasks:
        report = task.case.report
        officer = task.assigned_officer
        rows.append(
            InboxRow(
                task=task,
                report=report,
                url=case_url(report.tracking_id),
                role=role.get(task.role, task.role),
                status=status.get(task.status, task.status),
                officer=str(officer) if officer else "—",
                due=stamp(task.due_at) if task.due_at else None,
                overdue=bool(
                    task.due_at and task.due_at < now and task.status in ACTIVE_TASK_STATUSES
                ),
            )
        )
    return rows
