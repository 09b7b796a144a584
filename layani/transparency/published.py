"""The public figures read from the rollups: a few small tables, whatever the number of reports.

Gives the same ``Overview`` as ``selectors.overview`` (which computes from raw reports and stays as
the reference the tests compare with), except that durations come from histogram buckets of
1/96 working day, so a median or 90th percentile is exact to within 5 working minutes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.directory.models import Category, Region, localized_name

from .facts import stratum
from .models import (
    BUCKETS_PER_DAY,
    DeadlineCounter,
    Dimension,
    DurationBucket,
    Measure,
    StatsCounter,
    TaskFact,
)
from .selectors import Duration, Overview, Satisfaction
from .stats import Rate, histogram_percentile, wilson


def satisfaction_of(counter: StatsCounter | None) -> Satisfaction:
    stars = [(s, getattr(counter, f"stars_{s}", 0) if counter else 0) for s in range(1, 6)]
    n = sum(k for _, k in stars)
    mean = sum(s * k for s, k in stars) / n if n else None
    return Satisfaction(n, mean, stars)


def reopen_of(counter: StatsCounter | None) -> Rate:
    return wilson(counter.reopened, counter.closable) if counter else wilson(0, 0)


def _duration(measure: Measure) -> Duration:
    rows = list(
        DurationBucket.objects.filter(measure=measure, reports__gt=0)
        .order_by("bucket")
        .values_list("bucket", "reports")
    )
    histogram = [(b / BUCKETS_PER_DAY, n) for b, n in rows]
    return Duration(
        sum(n for _, n in rows),
        histogram_percentile(histogram, 50),
        histogram_percentile(histogram, 90),
    )


def deadline_strata(now: datetime) -> dict[int, dict[str, tuple[int, int]]]:
    """Per agency, per main category: (on-time tasks, settled tasks) at ``now``.

    Answered tasks come from the counters; tasks still owing their first follow-up count as late
    once their deadline has passed, read from the task facts through a partial index.
    """
    result: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for agency, key, answered, hits in DeadlineCounter.objects.filter(answered__gt=0).values_list(
        "agency_id", "stratum", "answered", "on_time"
    ):
        result[agency][key] = (hits, answered)
    owed = (
        TaskFact.objects.filter(owed_due_at__isnull=False, owed_due_at__lt=now)
        .values_list("agency_id", "main_category_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for agency, main, n in owed:
        hits, settled = result[agency].get(stratum(main), (0, 0))
        result[agency][stratum(main)] = (hits, settled + n)
    return result


def on_time_rate(now: datetime) -> Rate:
    answered = DeadlineCounter.objects.aggregate(n=Sum("answered"), hits=Sum("on_time"))
    owed = TaskFact.objects.filter(owed_due_at__isnull=False, owed_due_at__lt=now).count()
    return wilson(answered["hits"] or 0, (answered["n"] or 0) + owed)


def agency_counters(agency_ids: list[int]) -> dict[int, StatsCounter]:
    """The report counters of the cases each agency led."""
    rows = StatsCounter.objects.filter(
        dimension=Dimension.AGENCY, key__in=[str(pk) for pk in agency_ids]
    )
    return {int(row.key): row for row in rows}


def _series(
    rows: list[StatsCounter], names: dict[str, str], fallback: str | None
) -> list[tuple[str, int]]:
    result = [(names.get(r.key, fallback or r.key), r.reports) for r in rows]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def overview(now: datetime | None = None) -> Overview:
    """Every figure of the public statistics page from the rollups."""
    now = now or timezone.now()
    counters: dict[str, list[StatsCounter]] = defaultdict(list)
    for row in StatsCounter.objects.filter(reports__gt=0).exclude(dimension=Dimension.AGENCY):
        counters[row.dimension].append(row)
    total = counters[Dimension.ALL][0] if counters[Dimension.ALL] else None
    categories = {
        str(pk): localized_name(name, name_en)
        for pk, name, name_en in Category.objects.filter(parent__isnull=True).values_list(
            "pk", "name", "name_en"
        )
    }
    regencies = [r.key for r in counters[Dimension.REGENCY]]
    regions = dict(Region.objects.filter(code__in=regencies).values_list("code", "name"))
    months = sorted((r.key, r.reports) for r in counters[Dimension.MONTH])
    return Overview(
        computed_at=now,
        total=total.reports if total else 0,
        open=total.open if total else 0,
        closed=total.closed if total else 0,
        by_category=_series(counters[Dimension.CATEGORY], categories, _("Not yet classified")),
        by_region=_series(counters[Dimension.REGENCY], regions, None),
        by_month=months,
        first_follow_up=_duration(Measure.FIRST_FOLLOW_UP),
        closure=_duration(Measure.CLOSURE),
        on_time=on_time_rate(now),
        satisfaction=satisfaction_of(total),
        reopen=reopen_of(total),
    )


__all__ = [
    "agency_counters",
    "deadline_strata",
    "on_time_rate",
    "overview",
    "reopen_of",
    "satisfaction_of",
]
