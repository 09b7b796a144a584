"""Reads over the directory: the responsibility lookup and region helpers."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Agency, Category, GovernmentLevel, Region, Responsibility


def responsible_agency(
    category: Category, region_code: str, level: str | None = None
) -> Agency | None:
    """The agency that handles `category` for a report in `region_code`, at `level` of government.

    `level` defaults to the category's usual level. The most specific category wins (the
    sub-category before its main category), then the most specific region (the village before its
    district, regency and province, and any of them before the national default with no region).
    Returns None when the matrix has no cell for it: the coordinator then decides by hand.
    """
    level = level or category.effective_level
    cells = _cells_for([category], region_code).filter(level=level)
    best = _most_specific(cells, category, region_code)
    return best.agency if best else None


def responsibility_by_level(category: Category, region_code: str) -> dict[str, Agency]:
    """For each level of government, the agency that handles `category` in `region_code`.

    The lead agency is normally the one at the category's usual level; the others are the natural
    co-handlers (the province behind a regency, the ministry behind both).
    """
    cells = list(_cells_for([category], region_code))
    result: dict[str, Agency] = {}
    for level in GovernmentLevel.values:
        best = _most_specific([c for c in cells if c.level == level], category, region_code)
        if best:
            result[level] = best.agency
    return result


def responsible_agencies(categories: list[Category], region_code: str) -> dict[int, Agency | None]:
    """`responsible_agency` for several categories in one region, with one query.

    The router weighs its few most likely categories at once; this keeps that to a single
    round trip. Each category's parent must be loaded (select_related("parent")).
    """
    cells = list(_cells_for(categories, region_code))
    result: dict[int, Agency | None] = {}
    for category in categories:
        own = {category.pk, category.parent_id}
        level = category.effective_level
        mine = [c for c in cells if c.category_id in own and c.level == level]
        best = _most_specific(mine, category, region_code)
        result[category.pk] = best.agency if best else None
    return result


def _cells_for(categories: list[Category], region_code: str) -> QuerySet[Responsibility]:
    """The matrix cells that may apply to `categories` (or their main categories) in the region."""
    category_ids = {c.pk for c in categories} | {c.parent_id for c in categories if c.parent_id}
    codes = Region.ancestor_codes(region_code)

    return Responsibility.objects.filter(
        Q(region_id__in=codes) | Q(region__isnull=True), category_id__in=category_ids
    ).select_related("agency")


def _most_specific(
    cells: QuerySet[Responsibility] | list[Responsibility], category: Category, region_code: str
) -> Responsibility | None:
    codes = Region.ancestor_codes(region_code)

    def rank(cell: Responsibility) -> tuple[int, int]:
        category_rank = 0 if cell.category_id == category.pk else 1
        region_rank = codes.index(cell.region_id) if cell.region_id else len(codes)
        return (category_rank, region_rank)

    ordered = sorted(cells, key=rank)
    return ordered[0] if ordered else None


def region_children(parent_code: str | None) -> QuerySet[Region]:
    """The direct children of a region (the provinces when `parent_code` is None)."""
    if parent_code is None:
        return Region.objects.filter(level=1)
    return Region.objects.filter(parent_id=parent_code)
