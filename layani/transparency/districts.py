"""Reports per district (kecamatan) of the covered area: the statistics page's map and its table.

**Counting.** Every counted report (all four privacy tiers, as every total on the statistics page;
archived and merged ones left out, `selectors.counted_reports`) is counted by the first eight
characters of its region code ("34.04.07" of a village "34.04.07.2001" or of the district
itself); a report that names only its regency or province is counted as "not placed in a
district". That is one ``GROUP BY`` over every report — seconds at a million — so it never runs on
a page view of a large deployment: ``refresh()`` counts and keeps the result in the shared cache
(``KEY``, for ``TIMEOUT``), and the scheduler runs it with the statistics rollups every
``LAYANI_ROLLUP_MINUTES`` (``transparency.tasks.update_statistics_rollups``), the way the home
page's counts are kept (``intake.selectors.report_counts``). A page that finds the cache empty
counts at once only when the deployment is small (``TRANSPARENCY_AUTO_BUILD`` reports, as for the
rollups); otherwise it says the map is being prepared. The result holds numbers per district
only, never a report.

**The minimum.** A district with fewer reports than the scorecards' minimum
(``TRANSPARENCY_MIN_CASES``, `scorecards.minimum_cases`) is drawn hatched and listed as "too few
to show", not coloured by a small number; the others fall into up to five classes of a sequential,
colour-blind-safe palette (ColorBrewer YlGnBu), each class holding about as many districts.

**The drawing** is an SVG made here from the district outlines (`directory.geography.outlines`,
projected to a flat plane around the area's middle latitude), so the map needs no JavaScript,
prints, and the table below it carries the same numbers for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import Substr
from django.utils import timezone

from layani.directory.geography import covered_provinces, outlines
from layani.directory.models import Region, RegionLevel
from layani.directory.names import region_label

from . import rollups
from .scorecards import minimum_cases
from .selectors import counted_reports

KEY = "transparency:district-counts:1"
#: How long counts stay if the scheduler stops; it refreshes them every few minutes.
TIMEOUT = 60 * 60
#: ColorBrewer YlGnBu, 5 classes (sequential, colour-blind safe), light to dark.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
#: Text on each class's colour in the legend (contrast ≥ 4.5:1).
INK = ("#1b1f23", "#1b1f23", "#1b1f23", "#ffffff", "#ffffff")
WIDTH = 640
TOLERANCE = 0.0008


@dataclass(frozen=True)
class DistrictCounts:
    computed_at: datetime
    counts: dict[str, int]
    unplaced: int


def count() -> DistrictCounts:
    """Counted reports per district code, and those placed no finer than a regency."""
    rows = (
        counted_reports()
        .annotate(district=Substr("region_id", 1, 8))
        .values("district")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, int] = {}
    unplaced = 0
    for row in rows:
        code = row["district"]
        if code.count(".") == 2:
            counts[code] = counts.get(code, 0) + row["n"]
        else:
            unplaced += row["n"]
    return DistrictCounts(timezone.now(), counts, unplaced)


def refresh() -> DistrictCounts:
    """Count anew into the cache (the scheduler's job)."""
    counts = count()
    cache.set(KEY, counts, TIMEOUT)
    return counts


def cached(total: int) -> DistrictCounts | None:
    """The kept counts; counted now only for a small deployment (`total` reports, as the built
    rollups say; rollups not built yet mean a deployment too large to build them on a view)."""
    counts = cache.get(KEY)
    if isinstance(counts, DistrictCounts):
        return counts
    built = rollups.state()
    small = total <= int(getattr(settings, "TRANSPARENCY_AUTO_BUILD", 20_000))
    if small and built is not None and built.watermark is not None:  # `total` is known
        return refresh()
    return None


# ---------------------------------------------------------------------------------------------
# Classes


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    fill: str
    ink: str


def bands(values: list[int], minimum: int) -> list[Band]:
    """Up to five classes over the values that may be shown (≥ minimum), each holding about as
    many districts; every class has distinct bounds."""
    shown = sorted(v for v in values if v >= minimum)
    if not shown:
        return []
    k = min(len(PALETTE), len(set(shown)))
    cuts: list[int] = []
    for i in range(1, k):
        cut = shown[math.ceil(i * len(shown) / k) - 1]
        if (not cuts or cut > cuts[-1]) and cut < shown[-1]:
            cuts.append(cut)
    lows = [shown[0], *(c + 1 for c in cuts)]
    highs = [*cuts, shown[-1]]
    # Spread the colours over the whole palette when there are fewer classes than colours.
    n = len(lows)
    picks = [round(i * (len(PALETTE) - 1) / (n - 1)) if n > 1 else 2 for i in range(n)]
    return [
        Band(low, high, PALETTE[p], INK[p]) for low, high, p in zip(lows, highs, picks, strict=True)
    ]


def band_of(value: int, classes: list[Band]) -> Band | None:
    return next((b for b in classes if b.low <= value <= b.high), None)


# ---------------------------------------------------------------------------------------------
# The drawing


@dataclass
class Area:
    code: str
    name: str
    label: str
    regency: str
    reports: int
    shown: bool
    fill: str
    d: str = field(repr=False)


@dataclass
class DistrictMap:
    computed_at: datetime | None
    minimum: int
    width: int
    height: int
    areas: list[Area]
    borders: list[str]  # regency outlines, drawn over the districts
    bands: list[Band]
    unplaced: int
    ready: bool

    @property
    def rows(self) -> list[Area]:
        return sorted(self.areas, key=lambda a: (a.regency, a.name))

    @property
    def too_few(self) -> int:
        return sum(1 for a in self.areas if not a.shown)


class _Projection:
    def __init__(self, features: list[dict[str, Any]]) -> None:
        xs = [p[0] for f in features for poly in f["geometry"]["coordinates"] for p in poly[0]]
        ys = [p[1] for f in features for poly in f["geometry"]["coordinates"] for p in poly[0]]
        self.west, self.north = min(xs), max(ys)
        self.k = math.cos(math.radians((min(ys) + max(ys)) / 2))
        span = (max(xs) - self.west) * self.k or 1.0
        self.scale = WIDTH / span
        self.height = math.ceil((self.north - min(ys)) * self.scale)

    def path(self, polygons: list[Any]) -> str:
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = " ".join(
                    f"{(x - self.west) * self.k * self.scale:.1f},{(self.north - y) * self.scale:.1f}"
                    for x, y in ring[:-1]
                )
                parts.append(f"M{points}Z")
        return "".join(parts)


_drawn: dict[tuple[str, ...], tuple[list[Any], dict[str, str], list[str], int]] = {}


def _drawing() -> tuple[list[dict[str, Any]], dict[str, str], list[str], int]:
    """(district features, their paths, regency outline paths, height), kept per process until
    the boundaries change (outlines() returns new collections then)."""
    provinces = [p.code for p in covered_provinces()]
    districts = [outlines(RegionLevel.DISTRICT, p, tolerance=TOLERANCE) for p in provinces]
    regencies = [outlines(RegionLevel.REGENCY, p, tolerance=TOLERANCE) for p in provinces]
    key = tuple(provinces)
    kept = _drawn.get(key)
    if kept is not None and all(
        a is b for a, b in zip(kept[0], districts + regencies, strict=True)
    ):
        _sources, paths, borders, height = kept
        features = [f for c in districts for f in c["features"]]
        return features, paths, borders, height
    features = [f for c in districts for f in c["features"]]
    if not features:
        return [], {}, [], 0
    projection = _Projection(features + [f for c in regencies for f in c["features"]])
    paths = {f["id"]: projection.path(f["geometry"]["coordinates"]) for f in features}
    borders = [
        projection.path(f["geometry"]["coordinates"]) for c in regencies for f in c["features"]
    ]
    _drawn[key] = (districts + regencies, paths, borders, projection.height)
    return features, paths, borders, projection.height


def district_map(total: int) -> DistrictMap | None:
    """The statistics page's map; None when no boundaries are loaded."""
    features, paths, borders, height = _drawing()
    if not features:
        return None
    minimum = minimum_cases()
    counts = cached(total)
    numbers = counts.counts if counts else {}
    classes = bands([numbers.get(f["id"], 0) for f in features], minimum)
    regency_names = {f["id"][:5]: f["id"][:5] for f in features}
    for region in Region.objects.filter(code__in=list(regency_names)):
        regency_names[region.code] = region_label(region)
    areas = []
    for f in features:
        n = numbers.get(f["id"], 0)
        band = band_of(n, classes) if n >= minimum else None
        areas.append(
            Area(
                code=f["id"],
                name=f["properties"]["name"],
                label=f["properties"]["label"],
                regency=regency_names[f["id"][:5]],
                reports=n,
                shown=band is not None,
                fill=band.fill if band else "url(#too-few)",
                d=paths[f["id"]],
            )
        )
    return DistrictMap(
        computed_at=counts.computed_at if counts else None,
        minimum=minimum,
        width=WIDTH,
        height=height,
        areas=areas,
        borders=borders,
        bands=classes,
        unplaced=counts.unplaced if counts else 0,
        ready=counts is not None,
    )


__all__ = ["DistrictCounts", "DistrictMap", "bands", "cached", "count", "district_map", "refresh"]
