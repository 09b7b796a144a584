"""Reads over reports."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from .models import Report, ReportStatus


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
    """(main category name, count) pairs, largest first; uncategorised reports are left out."""
    rows = (
        Report.objects.filter(category__isnull=False)
        .values("category__parent__name", "category__name")
        .annotate(n=Count("id"))
    )
    totals: dict[str, int] = {}
    for row in rows:
        name = row["category__parent__name"] or row["category__name"]
        totals[name] = totals.get(name, 0) + row["n"]
    return sorted(totals.items(), key=lambda item: -item[1])


def report_counts_by_channel() -> list[tuple[str, int]]:
    rows = Report.objects.values("channel").annotate(n=Count("id")).order_by("-n")
    return [(row["channel"], row["n"]) for row in rows]
