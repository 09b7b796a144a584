"""Reads behind the Open311 endpoints, with their joins done so that no response runs N+1 queries.

Services are the active sub-categories under active main categories; requests are public reports
(``Report.objects.public()``) and nothing else, ordered newest first with the primary key as the
tie-breaker so that pages never overlap or skip.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet

from layani.audit.models import AuditEntry, Visibility
from layani.directory import lookups
from layani.directory.models import Agency, Category, CategoryQuestion, Region, Responsibility
from layani.directory.names import region_label
from layani.intake.models import Attachment, Report

REPORT_OBJECT_TYPE = "report"


def services() -> QuerySet[Category]:
    """Every category a request may name, with its main category and a `has_questions` flag."""
    return (
        Category.objects.filter(is_active=True, parent__isnull=False, parent__is_active=True)
        .select_related("parent")
        .annotate(has_questions=Exists(CategoryQuestion.objects.filter(category=OuterRef("pk"))))
        .order_by("parent__order", "parent__name", "order", "name", "pk")
    )


def service(code: str) -> Category | None:
    """One service with its questions loaded, or None when no active service has that code."""
    return services().prefetch_related("questions").filter(code=code).first()


def postable_service(code: str) -> Category | None:
    """What `service` answers for a POST, from intake's per-process lookup memory (a few seconds
    stale at most, see directory.lookups): a submission must not pay for reading the taxonomy."""
    category = lookups.active_category(code)
    if category is None or category.parent is None or not category.parent.is_active:
        return None
    return category


def public_requests() -> QuerySet[Report]:
    """The public reports in the order every list uses, joined for rendering."""
    return (
        Report.objects.public()
        .select_related("category", "category__parent", "region")
        .order_by("-submitted_at", "-pk")
    )


def locations(codes: Iterable[str]) -> dict[str, str]:
    """Each region code -> the region and its parents as an address writes them, most specific
    first ("Desa Caturtunggal, Kec. Depok, Kab. Sleman, DI Yogyakarta"; each part named by
    `directory.names.region_label`), for a whole page in one query. Unknown codes are left
    out."""
    wanted = {c for c in codes if c}
    chains = {code: Region.ancestor_codes(code) for code in wanted}
    every = {a for chain in chains.values() for a in chain}
    if not every:
        return {}
    rows = {r.code: region_label(r) for r in Region.objects.filter(code__in=every)}
    return {
        code: ", ".join(rows[a] for a in chain if a in rows)
        for code, chain in chains.items()
        if code in rows
    }


def regions(codes: Iterable[str]) -> dict[str, Region]:
    """Regions by code, in one query (unknown codes are left out)."""
    return {r.code: r for r in Region.objects.filter(code__in={c for c in codes if c})}


def first_photos(reports: Iterable[Report]) -> dict[int, int]:
    """Report pk -> pk of its first reviewed attachment, for ``media_url``, in one query.

    The reports are public already (they come from `public_requests`); only attachments the
    coordinator checked are public (the same rule as the portal's public downloads).
    """
    first: dict[int, int] = {}
    rows = (
        Attachment.objects.filter(report__in=[r.pk for r in reports], reviewed=True)
        .order_by("report_id", "created_at", "pk")
        .values_list("report_id", "pk")
    )
    for report_id, pk in rows:
        first.setdefault(report_id, pk)
    return first


def lead_agencies(reports: Iterable[Report]) -> dict[int, Agency]:
    """The responsible agency of each report (by report pk), looked up for all of them at once.

    Same rule as ``directory.selectors.responsible_agency`` — the most specific category, then the
    most specific region, at the category's usual level — but with one query for the whole page
    instead of one per report. A test holds the two to the same answers.
    """
    reports = [r for r in reports if r.category is not None]
    category_ids = {r.category_id for r in reports} | {
        r.category.parent_id for r in reports if r.category and r.category.parent_id
    }
    cells: dict[int, list[Responsibility]] = defaultdict(list)
    for cell in Responsibility.objects.filter(category_id__in=category_ids).select_related(
        "agency"
    ):
        cells[cell.category_id].append(cell)
    result: dict[int, Agency] = {}
    for report in reports:
        category = report.category
        if category is None:
            continue
        codes = Region.ancestor_codes(report.region_id)
        level = category.effective_level
        best: tuple[tuple[int, int], Responsibility] | None = None
        for rank_category, cat_id in enumerate([category.pk, category.parent_id]):
            for cell in cells.get(cat_id, []) if cat_id else []:
                if cell.level != level:
                    continue
                if cell.region_id is not None and cell.region_id not in codes:
                    continue
                rank_region = codes.index(cell.region_id) if cell.region_id else len(codes)
                rank = (rank_category, rank_region)
                if best is None or rank < best[0]:
                    best = (rank, cell)
        if best is not None:
            result[report.pk] = best[1].agency
    return result


def public_notes(tracking_ids: Iterable[str]) -> dict[str, list[AuditEntry]]:
    """The public timeline of each report (by canonical tracking ID), in one query.

    The same entries ``audit.selectors.public_timeline`` returns for a single report.
    """
    notes: dict[str, list[AuditEntry]] = defaultdict(list)
    refs = list(tracking_ids)
    if not refs:
        return notes
    entries = AuditEntry.objects.filter(
        object_type=REPORT_OBJECT_TYPE, object_ref__in=refs, visibility=Visibility.PUBLIC
    ).order_by("sequence")
    for entry in entries:
        notes[entry.object_ref].append(entry)
    return notes


def public_updates(start: datetime, end: datetime, limit: int) -> list[tuple[AuditEntry, Report]]:
    """Public timeline entries of public reports between `start` and `end`, oldest first.

    Feeds mySociety's ``servicerequestupdates``: one update per public event.
    """
    entries = list(
        AuditEntry.objects.filter(
            object_type=REPORT_OBJECT_TYPE,
            visibility=Visibility.PUBLIC,
            occurred_at__gte=start,
            occurred_at__lte=end,
            object_ref__in=Report.objects.public().values("tracking_id"),
        ).order_by("sequence")[:limit]
    )
    reports = {
        r.tracking_id: r
        for r in public_requests().filter(tracking_id__in={e.object_ref for e in entries})
    }
    return [(e, reports[e.object_ref]) for e in entries if e.object_ref in reports]
