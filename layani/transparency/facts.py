"""From report and task rows to facts, and from facts to what they add to each aggregate.

Both the full rebuild and the incremental run read reports in batches through ``read_batch`` (two
queries per batch, no per-report query) and turn them into facts here. ``contributions`` says what
one fact adds to the aggregate tables, so the incremental run can subtract a report's old facts and
add its new ones without rescanning anything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Model, Q

from layani.cases.models import ACTIVE_TASK_STATUSES, Task
from layani.intake.models import Report, ReportStatus
from layani.sla.calendar import WorkingCalendar

from .models import BUCKETS_PER_DAY, Dimension, Measure, ReportFact, TaskFact
from .selectors import MONTH_ZONE, NOT_COUNTED, working_days

REPORT_FIELDS = (
    "pk",
    "status",
    "submitted_at",
    "closed_at",
    "region_id",
    "region__timezone",
    "category_id",
    "category__parent_id",
    "case__pk",
    "case__lead_agency_id",
    "case__rating",
    "case__reopen_count",
    "case__closure_proposed_at",
)
TASK_FIELDS = ("pk", "case_id", "agency_id", "status", "due_at", "first_follow_up_at")

#: Keys of the aggregate tables: (table, key tuple) -> {column: delta}.
Deltas = dict[tuple[str, tuple[Any, ...]], Counter[str]]


def bucket(days: float) -> int:
    """A working-day duration rounded to the nearest 1/BUCKETS_PER_DAY (never below zero)."""
    return max(0, round(days * BUCKETS_PER_DAY))


class ReportRow(NamedTuple):
    """A ``ReportFact`` as a plain tuple, in the table's column order (cheap to build and insert)."""

    report_id: int
    month: str
    regency: str
    main_category_id: int | None
    lead_agency_id: int | None
    is_open: bool
    is_closed: bool
    rating: int | None
    closable: bool
    reopened: bool
    first_follow_up: int | None
    closure: int | None


class TaskRow(NamedTuple):
    """A ``TaskFact`` as a plain tuple, in the table's column order."""

    task_id: int
    report_id: int
    agency_id: int
    main_category_id: int | None
    on_time: bool | None
    owed_due_at: datetime | None


@dataclass
class Batch:
    reports: list[ReportRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)


def stored_facts(report_ids: list[int]) -> Batch:
    """The facts stored now for these reports (to subtract before the new ones are added)."""
    return Batch(
        [
            ReportRow(*row)
            for row in ReportFact.objects.filter(report_id__in=report_ids).values_list(
                *ReportRow._fields
            )
        ],
        [
            TaskRow(*row)
            for row in TaskFact.objects.filter(report_id__in=report_ids).values_list(
                *TaskRow._fields
            )
        ],
    )


def insert(model: type[Model], rows: list[ReportRow] | list[TaskRow], size: int = 2000) -> None:
    """Insert fact tuples with one executemany per ``size`` rows: no model instance per row."""
    if not rows:
        return
    names = rows[0]._fields
    by_name = {f.name: str(f.column) for f in model._meta.concrete_fields}
    columns = [by_name[name] for name in names]
    quote = connection.ops.quote_name
    # Table and column names come from the model's metadata, never from input.
    table, names_sql = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names_sql}) VALUES ({marks})"  # noqa: S608  # nosec B608
    adapt = connection.ops.adapt_datetimefield_value
    dated = [i for i, name in enumerate(names) if name == "owed_due_at"]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk: list[Any] = rows[start : start + size]
            if dated:
                chunk = [
                    tuple(adapt(v) if i in dated else v for i, v in enumerate(row)) for row in chunk
                ]
            cursor.executemany(sql, chunk)


def read_batch(
    reports: Q, tasks: Q, calendars: dict[tuple[str, str], WorkingCalendar] | None = None
) -> Batch:
    """Facts for the reports matching ``reports`` and their tasks matching ``tasks`` (the same
    pk range or pk list, expressed on ``Report.pk`` and ``Task.case_id``)."""
    calendars = {} if calendars is None else calendars
    rows = list(Report.objects.filter(reports).values_list(*REPORT_FIELDS))
    counted = {row[0]: row for row in rows if row[1] not in NOT_COUNTED}
    tasks_by_case: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    if counted:
        for task in Task.objects.filter(tasks).values_list(*TASK_FIELDS):
            tasks_by_case[task[1]].append(task)
    batch = Batch()
    for pk, row in counted.items():
        own = tasks_by_case.get(pk, [])
        main = row[7] or row[6]
        batch.reports.append(_report_fact(row, own, main, calendars))
        batch.tasks.extend(fact for fact in (_task_fact(t, main) for t in own) if fact)
    return batch


def _report_fact(
    row: tuple[Any, ...],
    tasks: list[tuple[Any, ...]],
    main: int | None,
    calendars: dict[tuple[str, str], WorkingCalendar],
) -> ReportRow:
    (
        pk,
        status,
        submitted,
        closed_at,
        region,
        zone,
        _c,
        _p,
        case,
        lead,
        rating,
        reopens,
        proposed,
    ) = row
    follow_ups = [t[5] for t in tasks if t[5] is not None]
    first = min(follow_ups) if follow_ups else None
    is_closed = status == ReportStatus.CLOSED
    return ReportRow(
        report_id=pk,
        month=submitted.astimezone(MONTH_ZONE).strftime("%Y-%m"),
        regency=region[:5],
        main_category_id=main,
        lead_agency_id=lead,
        is_open=status not in (ReportStatus.CLOSED, ReportStatus.NOT_WITHIN_AUTHORITY),
        is_closed=is_closed,
        rating=rating,
        closable=case is not None and (proposed is not None or reopens > 0 or is_closed),
        reopened=case is not None and reopens > 0,
        first_follow_up=(
            bucket(working_days(region, zone, submitted, first, calendars)) if first else None
        ),
        closure=(
            bucket(working_days(region, zone, submitted, closed_at, calendars))
            if is_closed and closed_at is not None
            else None
        ),
    )


def _task_fact(row: tuple[Any, ...], main: int | None) -> TaskRow | None:
    pk, case, agency, status, due, follow_up = row
    if due is None:
        return None
    if follow_up is not None:
        on_time, owed = follow_up <= due, None
    elif status in ACTIVE_TASK_STATUSES:
        on_time, owed = None, due
    else:
        return None  # referred or withdrawn without a follow-up: left without owing one
    return TaskRow(
        task_id=pk,
        report_id=case,
        agency_id=agency,
        main_category_id=main,
        on_time=on_time,
        owed_due_at=owed,
    )


def stratum(main_category_id: int | None) -> str:
    return "" if main_category_id is None else str(main_category_id)


def contributions(reports: Iterable[ReportRow], tasks: Iterable[TaskRow], sign: int = 1) -> Deltas:
    """What these facts add to (``sign=1``) or take from (``sign=-1``) each aggregate row."""
    deltas: Deltas = defaultdict(Counter)
    for fact in reports:
        columns: Counter[str] = Counter(reports=sign)
        columns["open"] += sign * fact.is_open
        columns["closed"] += sign * fact.is_closed
        if fact.rating in range(1, 6):
            columns[f"stars_{fact.rating}"] += sign
        columns["closable"] += sign * fact.closable
        columns["reopened"] += sign * fact.reopened
        keys = (
            (Dimension.ALL, ""),
            (Dimension.CATEGORY, stratum(fact.main_category_id)),
            (Dimension.REGENCY, fact.regency),
            (Dimension.MONTH, fact.month),
            (Dimension.AGENCY, stratum(fact.lead_agency_id)),
        )
        for key in keys:
            deltas[("stats", (str(key[0]), key[1]))].update(columns)
        for measure, value in (
            (Measure.FIRST_FOLLOW_UP, fact.first_follow_up),
            (Measure.CLOSURE, fact.closure),
        ):
            if value is not None:
                deltas[("duration", (str(measure), value))]["reports"] += sign
    for task in tasks:
        if task.on_time is not None:
            cell = deltas[("deadline", (task.agency_id, stratum(task.main_category_id)))]
            cell["answered"] += sign
            cell["on_time"] += sign * task.on_time
    return deltas


def merge(into: Deltas, other: Deltas) -> Deltas:
    for key, columns in other.items():
        into.setdefault(key, Counter()).update(columns)
    return into
