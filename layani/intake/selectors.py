"""Reads over reports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, QuerySet

from layani.directory.models import Category

from .models import Report, ReportStatus

#: The home page's figures are counted over every report, which at a million reports takes
#: seconds; they are kept in the cache (shared through Redis when scaled out) and refreshed by the
#: scheduler every few minutes (`escalation.tasks.refresh_report_counts`). The timeout only bounds
#: how stale they can get if the scheduler stops.
COUNTS_KEY = "intake:report-counts:1"
COUNTS_TIMEOUT = 15 * 60


def cached_count(reports: QuerySet[Report], key: str, seconds: int) -> int:
    """`reports.count()`, kept in the shared cache for `seconds` per `key` and newest report.

    For the totals shown above long lists ("N reports found", "N reports wait"), where counting
    scans tens of thousands of index entries on every page view at a million reports. A new
    report starts a new count at once (its id is part of the cache key); a status change, which
    can take a report out of the counted set, shows within `seconds`. The rows themselves are
    never cached."""
    newest = Report.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"intake:count:{digest}:{list(newest)}"
    total = cache.get(cache_key)
    if total is None:
        total = reports.count()
        cache.set(cache_key, total, seconds)
    return int(total)


def recent_public_reports(limit: int = 10) -> QuerySet[Report]:
    """The newest reports the public may read, with category and region loaded."""
    return (
        Report.objects.public()
        .select_related("category", "category__parent", "region", "region__parent")
        .order_by("-submitted_at")[:limit]
    )


def report_counts_by_status() -> dict[str, int]:
    """How many reports stand in each status (all tiers: counts reveal no content)."""
    rows = Report.objects.values("status").annotate(n=Count("id"))
    counts = dict.fromkeys(ReportStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def report_counts_by_main_category() -> list[tuple[str, int]]:
    """(main category name, count) pairs, largest first; uncategorised reports are left out.

    Counted per category id alone (the ``(category, submitted_at)`` index answers it), then folded
    into main categories here: the taxonomy has a few dozen rows."""
    rows = (
        Report.objects.filter(category__isnull=False)
        .values("category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    categories = {c.pk: c for c in Category.objects.select_related("parent")}
    totals: dict[int, int] = {}
    for row in rows:
        category = categories[row["category_id"]]
        main = category.parent or category
        totals[main.pk] = totals.get(main.pk, 0) + row["n"]
    # Named in the language of the page that shows them (the result is cached for every visitor).
    named = [(categories[pk].lazy_display_name, n) for pk, n in totals.items()]
    return sorted(named, key=lambda item: -item[1])


def report_counts_by_channel() -> list[tuple[str, int]]:
    rows = Report.objects.values("channel").annotate(n=Count("id")).order_by("-n")
    return [(row["channel"], row["n"]) for row in rows]


@dataclass(frozen=True)
class ReportCounts:
    by_status: dict[str, int]
    by_main_category: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]


def report_counts(*, fresh: bool = False) -> ReportCounts:
    """The home page's figures, from the cache unless `fresh` (then counted and cached anew)."""
    if not fresh:
        cached = cache.get(COUNTS_KEY)
        if isinstance(cached, ReportCounts):
            return cached
    counts = ReportCounts(
        report_counts_by_status(), report_counts_by_main_category(), report_counts_by_channel()
    )
    cache.set(COUNTS_KEY, counts, COUNTS_TIMEOUT)
    return counts
