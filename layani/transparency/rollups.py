"""Keeping the statistics rollups up to date: a full rebuild and an incremental run.

The incremental run follows the audit log, which every service that changes a report writes to in
the same transaction (``object_type="report"``, ``object_ref`` = tracking ID). Entries commit in
sequence order (appends are serialised), so "every report named by an entry after the watermark"
is exactly the set of reports that may have changed since the last run. For each, the old facts
are subtracted from the aggregates and the new ones added. Changes made behind the services' back
(bulk seeding, the Django admin, raw SQL) write no entry: run the full rebuild after them.

Both runs hold the one ``RollupState`` row locked, so two runs never interleave.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from layani.audit.models import AuditEntry
from layani.intake.models import Report
from layani.sla.calendar import WorkingCalendar

from .facts import Deltas, contributions, insert, merge, read_batch, stored_facts, stratum
from .models import (
    DeadlineCounter,
    Dimension,
    DurationBucket,
    Measure,
    ReportFact,
    RollupState,
    StatsCounter,
    TaskFact,
)

Progress = Callable[[int], object]
REPORT_OBJECT = "report"
STAR_COLUMNS = {f"stars_{star}": Count("pk", filter=Q(rating=star)) for star in range(1, 6)}


def _locked_state() -> RollupState:
    state, _ = RollupState.objects.select_for_update().get_or_create(pk=1)
    return state


def _audit_head() -> int:
    return AuditEntry.objects.aggregate(m=Max("sequence"))["m"] or 0


def rebuild(
    *, progress: Progress | None = None, batch_size: int = 5000, now: datetime | None = None
) -> int:
    """Recompute every fact and aggregate from the reports; returns the reports read.

    One transaction: readers see the old figures until the new ones are complete. Reports are read
    in primary-key ranges (two queries per batch); the aggregates are then built with one
    GROUP BY per table over the facts.
    """
    now = now or timezone.now()
    with transaction.atomic():
        state = _locked_state()
        head = _audit_head()
        for model in (ReportFact, TaskFact, StatsCounter, DurationBucket, DeadlineCounter):
            model.objects.all().delete()
        calendars: dict[tuple[str, str], WorkingCalendar] = {}
        last, read = 0, 0
        while True:
            pks = list(
                Report.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not pks:
                break
            low, high = pks[0], pks[-1]
            batch = read_batch(
                Q(pk__gte=low, pk__lte=high), Q(case_id__gte=low, case_id__lte=high), calendars
            )
            insert(ReportFact, batch.reports)
            insert(TaskFact, batch.tasks)
            last, read = high, read + len(pks)
            if progress is not None:
                progress(len(pks))
        _aggregate_facts()
        state.watermark, state.built_at, state.updated_at = head, now, now
        state.save()
    return read


def _aggregate_facts() -> None:
    """Fill the aggregate tables from the fact tables with set-based GROUP BY queries."""
    columns = {
        "reports": Count("pk"),
        "open": Count("pk", filter=Q(is_open=True)),
        "closed": Count("pk", filter=Q(is_closed=True)),
        "closable": Count("pk", filter=Q(closable=True)),
        "reopened": Count("pk", filter=Q(reopened=True)),
        **STAR_COLUMNS,
    }
    counters = []
    totals = ReportFact.objects.aggregate(**columns)
    if totals["reports"]:
        counters.append(StatsCounter(dimension=Dimension.ALL, key="", **totals))
    for dimension, fieldname in (
        (Dimension.CATEGORY, "main_category_id"),
        (Dimension.REGENCY, "regency"),
        (Dimension.MONTH, "month"),
        (Dimension.AGENCY, "lead_agency_id"),
    ):
        for row in ReportFact.objects.values(fieldname).annotate(**columns).order_by():
            value = row.pop(fieldname)
            key = value if isinstance(value, str) else stratum(value)
            counters.append(StatsCounter(dimension=dimension, key=key, **row))
    StatsCounter.objects.bulk_create(counters, batch_size=1000)
    buckets = []
    for measure in Measure:
        rows = (
            ReportFact.objects.filter(**{f"{measure.value}__isnull": False})
            .values_list(measure.value)
            .annotate(n=Count("pk"))
            .order_by()
        )
        buckets += [DurationBucket(measure=measure, bucket=b, reports=n) for b, n in rows]
    DurationBucket.objects.bulk_create(buckets, batch_size=1000)
    deadlines = (
        TaskFact.objects.filter(on_time__isnull=False)
        .values_list("agency_id", "main_category_id")
        .annotate(answered=Count("pk"), hits=Count("pk", filter=Q(on_time=True)))
        .order_by()
    )
    DeadlineCounter.objects.bulk_create(
        [
            DeadlineCounter(agency_id=a, stratum=stratum(m), answered=n, on_time=hits)
            for a, m, n, hits in deadlines
        ],
        batch_size=1000,
    )


def update(
    *, progress: Progress | None = None, chunk: int = 500, now: datetime | None = None
) -> int:
    """Fold in every report named in the audit log since the watermark; returns how many.

    The first run on a database that was never built does the full rebuild instead.
    """
    now = now or timezone.now()
    with transaction.atomic():
        state = _locked_state()
        if state.watermark is None:
            return rebuild(progress=progress, now=now)
        entries = AuditEntry.objects.filter(object_type=REPORT_OBJECT, sequence__gt=state.watermark)
        head = entries.aggregate(m=Max("sequence"))["m"]
        if head is None:
            state.updated_at = now
            state.save(update_fields=["updated_at"])
            return 0
        refs = sorted(set(entries.filter(sequence__lte=head).values_list("object_ref", flat=True)))
        done = 0
        for start in range(0, len(refs), chunk):
            tracking_ids = refs[start : start + chunk]
            pks = list(
                Report.objects.filter(tracking_id__in=tracking_ids).values_list("pk", flat=True)
            )
            _refold(pks)
            done += len(tracking_ids)
            if progress is not None:
                progress(len(tracking_ids))
        state.watermark, state.updated_at = head, now
        state.save(update_fields=["watermark", "updated_at"])
    return done


def _refold(pks: list[int]) -> None:
    """Replace these reports' facts and move the aggregates by the difference."""
    if not pks:
        return
    old = stored_facts(pks)
    batch = read_batch(Q(pk__in=pks), Q(case_id__in=pks))
    deltas = merge(
        contributions(old.reports, old.tasks, sign=-1), contributions(batch.reports, batch.tasks)
    )
    ReportFact.objects.filter(report_id__in=pks).delete()
    TaskFact.objects.filter(report_id__in=pks).delete()
    insert(ReportFact, batch.reports)
    insert(TaskFact, batch.tasks)
    apply(deltas)


def apply(deltas: Deltas) -> None:
    """Add the deltas to the aggregate rows, creating rows that do not exist yet."""
    for (table, key), columns in deltas.items():
        changes = {column: delta for column, delta in columns.items() if delta}
        if not changes:
            continue
        if table == "stats":
            model: type[StatsCounter | DurationBucket | DeadlineCounter] = StatsCounter
            lookup = {"dimension": key[0], "key": key[1]}
        elif table == "duration":
            model, lookup = DurationBucket, {"measure": key[0], "bucket": key[1]}
        else:
            model, lookup = DeadlineCounter, {"agency_id": key[0], "stratum": key[1]}
        updated = model.objects.filter(**lookup).update(
            **{column: F(column) + delta for column, delta in changes.items()}
        )
        if not updated:
            model.objects.create(**lookup, **changes)


def state() -> RollupState | None:
    return RollupState.objects.filter(pk=1).first()


def build_if_small() -> bool:
    """Build rollups never built yet when the deployment is small (``TRANSPARENCY_AUTO_BUILD``
    reports, default 20,000: a few seconds), so a fresh regency or the demo shows figures before
    the scheduler's first run. A larger deployment waits for ``layani rollup_stats``."""
    current = state()
    if current is not None and current.watermark is not None:
        return False
    limit = int(getattr(settings, "TRANSPARENCY_AUTO_BUILD", 20_000))
    if Report.objects.count() > limit:
        return False
    update()
    return True
