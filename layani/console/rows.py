"""The rows of the staff lists (the coordinator's queue, an agency's inbox), prepared in Python.

Django's template engine spends about half a millisecond on each row of these tables when the
template itself follows relations, calls ``get_status_display`` (which rebuilds the choices
mapping on every call), reverses a URL and formats two dates through the ``date`` filter. At 50
rows that was a third of the page's CPU (docs/benchmarks.md), so each row's values are read once
here and the templates only print them. `stamp` prints exactly what ``|date:"c"`` and
``|date:"d M Y H:i"`` print (tested against the filter).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3

from layani.accounts.models import User
from layani.cases import presentation
from layani.cases.models import ACTIVE_TASK_STATUSES, TaskRole, TaskStatus
from layani.cases.selectors import QueueClock
from layani.directory.models import localized_name
from layani.intake.models import ReportStatus
from layani.intake.places import region_label
from layani.intake.tracking import format_tracking_id


@dataclass(frozen=True)
class Stamp:
    """A moment in the active time zone: `iso` for ``<time datetime>``, `text` for people."""

    iso: str
    text: str
    #: The zone's abbreviation ("WIB"), printed after `text` where the zone matters.
    zone: str = ""


def stamp(value: datetime, zone: str = "") -> Stamp:
    """`value` in the active time zone, or in `zone` (a region's, e.g. "Asia/Makassar")."""
    local = timezone.localtime(value, ZoneInfo(zone) if zone else None)
    month = str(MONTHS_3[local.month]).title()
    return Stamp(local.isoformat(), f"{local:%d} {month} {local:%Y %H:%M}", local.tzname() or "")


def labels(choices: type[models.TextChoices]) -> dict[str, str]:
    """Value → label in the active language, translated once per page instead of once per row."""
    return {value: str(label) for value, label in choices.choices}


def case_urls() -> Callable[[str], str]:
    """The case page's URL for a tracking ID, reversed once per page instead of once per row
    (65 µs each). Tracking IDs are letters and digits, so nothing needs quoting."""
    placeholder = "0"
    pattern = reverse("console:case", args=[placeholder])
    head, tail = pattern.rsplit(placeholder, 1)
    return lambda tracking_id: f"{head}{tracking_id}{tail}"


@dataclass(frozen=True)
class QueueRow:
    """A row of the coordinator's queue, every cell already read. (A new report has no case or
    routing decision yet; a template asking ``r.case.bounced`` of such a report made the engine
    catch the missing relation and call ``dir()`` on the report, twice per row.)"""

    tracking_id: str
    display_id: str
    url: str
    title: str
    support_count: int
    category: str
    region: str
    #: Where the pin lies when it disagrees with the region named ("" when they agree).
    pin_elsewhere: str
    status: str
    submitted: Stamp
    bounced: bool
    #: The router's suggestion: category, its confidence in whole percent, agency (or "").
    suggestion: tuple[str, int, str] | None
    #: Working days since it arrived, on its province's calendar.
    age_days: int = 0
    #: The verification deadline (None when unknown) and how urgent the report is.
    due: Stamp | None = None
    overdue: bool = False
    due_soon: bool = False
    #: Reports already merged into this one as duplicates.
    duplicates: int = 0

    @property
    def urgency(self) -> str:
        """ "overdue", "soon" (due by the end of the next working day) or "" (on time)."""
        return "overdue" if self.overdue else "soon" if self.due_soon else ""


#: What a queue row shows, read with `values()`: fifty rows of seven joined models cost more to
#: build as model instances than the rest of the page's Python (docs/benchmarks.md).
QUEUE_FIELDS = (
    "pk",
    "tracking_id",
    "title",
    "privacy",
    "support_count",
    "status",
    "submitted_at",
    "category__name",
    "category__name_en",
    "region__name",
    "location_label",
    "pin_region_id",
    "case__bounced",
    "routing_decision__category_confidence",
    "routing_decision__suggested_category__name",
    "routing_decision__suggested_category__name_en",
    "routing_decision__suggested_agency__short_name",
    # The verification clock (cases.selectors.queue_clocks).
    "region_id",
    "region__timezone",
    "category__code",
    "category__parent__code",
)


def queue_rows(
    values: list[dict[str, Any]],
    audience: presentation.Audience,
    *,
    clocks: Mapping[int, QueueClock] | None = None,
    duplicates: Mapping[int, int] | None = None,
) -> list[QueueRow]:
    """The rows for `values` (dicts of QUEUE_FIELDS, in the queue's order); titles as `audience`
    may read them (`cases.presentation`). `clocks` and `duplicates` are read for the whole page
    beforehand. A report without a stored suggestion shows none (the queue view asks the worker
    for it: console.tasks)."""
    status, case_url = labels(ReportStatus), case_urls()
    clocks, duplicates = clocks or {}, duplicates or {}
    titles = presentation.texts(audience, [(row["privacy"], row["title"]) for row in values])

    def name(row: dict[str, Any], prefix: str) -> str:  # a category's display_name, or ""
        return localized_name(row[f"{prefix}name"] or "", row[f"{prefix}name_en"] or "")

    rows = []
    for row, title in zip(values, titles, strict=True):
        confidence = row["routing_decision__category_confidence"]
        suggestion = (
            (
                name(row, "routing_decision__suggested_category__"),
                round(confidence * 100),
                row["routing_decision__suggested_agency__short_name"] or "",
            )
            if confidence is not None
            else None
        )
        clock = clocks.get(row["pk"])
        rows.append(
            QueueRow(
                tracking_id=row["tracking_id"],
                display_id=format_tracking_id(row["tracking_id"]),
                url=case_url(row["tracking_id"]),
                title=title,
                support_count=row["support_count"],
                category=name(row, "category__"),
                region=row["location_label"] or row["region__name"],
                pin_elsewhere=region_label(row["pin_region_id"]) if row["pin_region_id"] else "",
                status=status.get(row["status"], row["status"]),
                submitted=stamp(row["submitted_at"]),
                bounced=bool(row["case__bounced"]),
                suggestion=suggestion,
                age_days=clock.age_days if clock else 0,
                due=stamp(clock.due, clock.time_zone) if clock else None,
                overdue=bool(clock and clock.overdue),
                due_soon=bool(clock and clock.due_soon),
                duplicates=duplicates.get(row["pk"], 0),
            )
        )
    return rows


@dataclass(frozen=True)
class InboxRow:
    """A row of an agency's inbox, every cell already read."""

    display_id: str
    url: str
    title: str
    role: str
    status: str
    officer: str
    due: Stamp | None
    overdue: bool


#: What an inbox row shows, read with `values()` (see QUEUE_FIELDS).
INBOX_FIELDS = (
    "case__report__tracking_id",
    "case__report__title",
    "case__report__privacy",
    "role",
    "status",
    "due_at",
    "assigned_officer_id",
)


def inbox_rows(values: list[dict[str, Any]], now: datetime) -> list[InboxRow]:
    """The rows for `values` (dicts of INBOX_FIELDS); officers are named as `User.__str__` does.
    An inbox is the agency's view: anonymous reports' titles are masked (`cases.presentation`)."""
    role, status, case_url = labels(TaskRole), labels(TaskStatus), case_urls()
    officers = User.objects.in_bulk({v["assigned_officer_id"] for v in values} - {None})
    titles = presentation.texts(
        presentation.Audience.AGENCY,
        [(row["case__report__privacy"], row["case__report__title"]) for row in values],
    )
    rows = []
    for row, title in zip(values, titles, strict=True):
        tracking_id, due = row["case__report__tracking_id"], row["due_at"]
        officer = officers.get(row["assigned_officer_id"])
        rows.append(
            InboxRow(
                display_id=format_tracking_id(tracking_id),
                url=case_url(tracking_id),
                title=title,
                role=role.get(row["role"], row["role"]),
                status=status.get(row["status"], row["status"]),
                officer=str(officer) if officer else "—",
                due=stamp(due) if due else None,
                overdue=bool(due and due < now and row["status"] in ACTIVE_TASK_STATUSES),
            )
        )
    return rows
