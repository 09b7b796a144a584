"""Reads behind the public statistics: volume, speed, deadlines kept, satisfaction, reopening.

Totals count every report that is real service work — all four privacy tiers, rahasia included —
and leave out only archived (spam, abuse) and merged (duplicate) reports. Nothing here returns a
report row: figures only, so a confidential report adds to a count and can never be identified.
Listing, mapping and exporting rows is `opendata.py`'s business and goes through
``Report.objects.public()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Min, Q, QuerySet
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.cases.models import ACTIVE_TASK_STATUSES, Case, Task
from layani.directory.models import Category, Region, localized_name
from layani.intake.models import Report, ReportStatus
from layani.sla.calendar import WorkingCalendar
from layani.sla.calendars import calendar_for_province

from .stats import Rate, percentile, wilson

#: Months are counted in WIB, the zone of most reports; a month boundary is a presentation choice.
MONTH_ZONE = ZoneInfo("Asia/Jakarta")
#: Statuses that are not service work: spam and duplicates.
NOT_COUNTED = (ReportStatus.ARCHIVED, ReportStatus.MERGED)


def counted_reports() -> QuerySet[Report]:
    """Every report that counts in the totals, in every privacy tier (never listed from here)."""
    return Report.objects.exclude(status__in=NOT_COUNTED)


def volume_by_category() -> list[tuple[str, int]]:
    """Reports per main category (sub-categories fold into their parent), largest first."""
    rows = (
        counted_reports()
        .annotate(main=Coalesce("category__parent_id", "category_id"))
        .values("main")
        .annotate(n=Count("pk"))
    )
    names = {
        pk: localized_name(name, name_en)
        for pk, name, name_en in Category.objects.filter(parent__isnull=True).values_list(
            "pk", "name", "name_en"
        )
    }
    result = [(names.get(r["main"], _("Not yet classified")), r["n"]) for r in rows]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def volume_by_region() -> list[tuple[str, int]]:
    """Reports per regency/city (the first five characters of the Kemendagri code), largest first."""
    rows = (
        counted_reports()
        .annotate(regency=Substr("region_id", 1, 5))
        .values("regency")
        .annotate(n=Count("pk"))
    )
    codes = [r["regency"] for r in rows]
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    result = [(names.get(r["regency"], r["regency"]), r["n"]) for r in rows]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def volume_by_month() -> list[tuple[str, int]]:
    """Reports per calendar month of submission (WIB), oldest first, as ("2026-09", n)."""
    rows = (
        counted_reports()
        .annotate(month=TruncMonth("submitted_at", tzinfo=MONTH_ZONE))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(r["month"].strftime("%Y-%m"), r["n"]) for r in rows]


def working_days(
    region_code: str,
    zone: str,
    start: datetime,
    end: datetime,
    calendars: dict[tuple[str, str], WorkingCalendar] | None = None,
) -> float:
    """Working time from ``start`` to ``end`` on the region's calendar, in working days.

    A working day is the calendar's office hours (08:00-16:00): 8 working hours are 1.0 day, so a
    report answered the next morning after a Friday afternoon counts a few hours, not a weekend.
    ``calendars`` memoises calendars over one computation: each lookup otherwise costs a query.
    """
    key = (region_code[:2], zone)
    calendar = calendars.get(key) if calendars is not None else None
    if calendar is None:
        calendar = calendar_for_province(*key)
        if calendars is not None:
            calendars[key] = calendar
    day = datetime.combine(start.date(), calendar.day_end) - datetime.combine(
        start.date(), calendar.day_start
    )
    return calendar.working_time_between(start, end) / day


def _in_working_days(rows: Iterable[tuple[str, str, datetime, datetime | None]]) -> list[float]:
    calendars: dict[tuple[str, str], WorkingCalendar] = {}
    return [working_days(code, tz, a, b, calendars) for code, tz, a, b in rows if b is not None]


@dataclass(frozen=True)
class Duration:
    """Median and 90th percentile of a duration in working days, over ``n`` reports."""

    n: int
    median: float | None
    p90: float | None


def _summarise(values: list[float]) -> Duration:
    return Duration(len(values), percentile(values, 50), percentile(values, 90))


def time_to_first_follow_up() -> Duration:
    """From submission to the first follow-up any agency posted on the case, per report."""
    rows = (
        counted_reports()
        .annotate(first=Min("case__tasks__first_follow_up_at"))
        .filter(first__isnull=False)
        .values_list("region_id", "region__timezone", "submitted_at", "first")
    )
    return _summarise(_in_working_days(rows))


def time_to_closure() -> Duration:
    """From submission to closure, for closed reports."""
    rows = (
        counted_reports()
        .filter(status=ReportStatus.CLOSED, closed_at__isnull=False)
        .values_list("region_id", "region__timezone", "submitted_at", "closed_at")
    )
    return _summarise(_in_working_days(rows))


def deadline_tasks(now: datetime) -> QuerySet[Task]:
    """Tasks whose first-follow-up deadline is settled: answered, or past due while still owed.

    Tasks still within their deadline are not judged yet; referred or withdrawn tasks that never
    posted a follow-up left without owing one and are left out too.
    """
    return Task.objects.filter(case__report__in=counted_reports(), due_at__isnull=False).filter(
        Q(first_follow_up_at__isnull=False) | Q(status__in=ACTIVE_TASK_STATUSES, due_at__lt=now)
    )


def on_time_filter() -> Q:
    """A settled task was on time when its first follow-up came at or before its deadline."""
    return Q(first_follow_up_at__isnull=False, first_follow_up_at__lte=F("due_at"))


def on_time_rate(now: datetime | None = None) -> Rate:
    """Share of settled tasks whose first follow-up met its deadline, with a Wilson interval."""
    counts = deadline_tasks(now or timezone.now()).aggregate(
        n=Count("pk"), hits=Count("pk", filter=on_time_filter())
    )
    return wilson(counts["hits"], counts["n"])


@dataclass(frozen=True)
class Satisfaction:
    """Ratings 1-5 given by reporters on closure: count per star, mean, and n."""

    n: int
    mean: float | None
    distribution: list[tuple[int, int]]


def rated_cases() -> QuerySet[Case]:
    return Case.objects.filter(report__in=counted_reports(), rating__isnull=False)


def satisfaction(cases: QuerySet[Case] | None = None) -> Satisfaction:
    """Mean rating and how many reporters gave each star."""
    cases = rated_cases() if cases is None else cases
    counts = dict(cases.values("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    n = sum(counts.values())
    mean = sum(star * k for star, k in counts.items()) / n if n else None
    return Satisfaction(n, mean, [(star, counts.get(star, 0)) for star in range(1, 6)])


def closable_cases() -> QuerySet[Case]:
    """Cases that reached a proposed closure at least once (now closed, proposed, or reopened)."""
    return Case.objects.filter(report__in=counted_reports()).filter(
        Q(closure_proposed_at__isnull=False)
        | Q(reopen_count__gt=0)
        | Q(report__status=ReportStatus.CLOSED)
    )


def reopen_rate(cases: QuerySet[Case] | None = None) -> Rate:
    """Share of cases brought to closure that the reporter reopened (dispute or appeal)."""
    cases = closable_cases() if cases is None else cases
    counts = cases.aggregate(n=Count("pk"), hits=Count("pk", filter=Q(reopen_count__gt=0)))
    return wilson(counts["hits"], counts["n"])


@dataclass(frozen=True)
class Overview:
    """Every figure of the public statistics page, computed at one instant."""

    computed_at: datetime
    total: int
    open: int
    closed: int
    by_category: list[tuple[str, int]]
    by_region: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    first_follow_up: Duration
    closure: Duration
    on_time: Rate
    satisfaction: Satisfaction
    reopen: Rate


def overview(now: datetime | None = None) -> Overview:
    """All statistics at ``now`` (default: the current time)."""
    now = now or timezone.now()
    counts = counted_reports().aggregate(
        total=Count("pk"),
        closed=Count("pk", filter=Q(status=ReportStatus.CLOSED)),
        open=Count(
            "pk", filter=~Q(status__in=[ReportStatus.CLOSED, ReportStatus.NOT_WITHIN_AUTHORITY])
        ),
    )
    return Overview(
        computed_at=now,
        total=counts["total"],
        open=counts["open"],
        closed=counts["closed"],
        by_category=volume_by_category(),
        by_region=volume_by_region(),
        by_month=volume_by_month(),
        first_follow_up=time_to_first_follow_up(),
        closure=time_to_closure(),
        on_time=on_time_rate(now),
        satisfaction=satisfaction(),
        reopen=reopen_rate(),
    )
