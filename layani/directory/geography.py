"""Point → region: which village, district, regency and province a latitude/longitude lies in.

``locate(lat, lng)`` answers from the `Boundary` rows (loaded by ``layani load_boundaries``),
through a per-process spatial index built lazily: a uniform grid whose cells list the boundaries
whose bounding box touches them, then an exact even–odd point-in-polygon test on the few
candidates. The index is rebuilt when boundaries change: at once in the process that loaded or
edited them (signals and the loader call `forget`), and within ``LAYANI_GEOGRAPHY_CHECK_SECONDS``
(default: ``LAYANI_LOOKUP_CACHE_SECONDS``, 30; 0 in tests) elsewhere, by comparing the rows' count
and highest id.

The order of the answer (docs/geography.md):

1. a village polygon holds the point → that village, ``precise=True``;
2. else a district polygon holds it, or a district's edge lies within `SNAP_DEGREES` (coasts
   and the slivers between simplified polygons) → that district, ``village=None``,
   ``precise=False``;
3. else the packaged province outlines of all Indonesia tell "another province" (`outside_area`,
   naming it) from "at sea or outside Indonesia" (`outside_indonesia`); where two simplified
   outlines overlap, the one the point lies deepest in counts; a point in the outline of a covered
   province but in none of its districts goes to the nearest district (``precise=False``).

Regions in the answers are shared by every caller in the process: treat them as read-only.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext

from .geometry import Grid, Shape, simplify
from .models import Boundary, Region, RegionLevel
from .names import province_label, region_label, title_case

#: A point this close (degrees, about 550 m) to a district's edge but inside none is given to it.
SNAP_DEGREES = 0.005

__all__ = [
    "LocateError",
    "Location",
    "covered_provinces",
    "forget",
    "locate",
    "outlines",
    "region_label",
    "version",
]


# ---------------------------------------------------------------------------------------------
# The answer


@dataclass(frozen=True)
class Location:
    village: Region | None  # None when the desa/kelurahan has no polygon: fell back to the district
    district: Region
    regency: Region
    province: Region
    precise: bool  # True when a village polygon contained the point

    @property
    def region(self) -> Region:
        """The most precise region known: the village, else the district."""
        return self.village or self.district

    def label(self) -> str:
        """ "Desa Sardonoharjo, Kec. Ngaglik, Kab. Sleman" / "Kec. Ngaglik, Kab. Sleman"."""
        parts = [self.village] if self.village else []
        parts += [self.district, self.regency]
        return ", ".join(region_label(r) for r in parts)


class LocateError(ValueError):
    """Why a point has no region: `code` is stable, `message` is translated."""

    INVALID_POINT = "invalid_point"
    OUTSIDE_INDONESIA = "outside_indonesia"
    OUTSIDE_AREA = "outside_area"

    def __init__(self, code: str, message: str, *, province: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        #: For `outside_area`: the name of the province the point lies in.
        self.province = province


# ---------------------------------------------------------------------------------------------
# The per-process index


@dataclass
class _Index:
    token: tuple[int, int]
    villages: Grid
    districts: Grid
    district_shapes: dict[str, Shape]
    regions: dict[str, Region]
    provinces: list[str]  # covered province codes


_lock = threading.Lock()
_index: _Index | None = None
_checked_at = 0.0
_outlines_cache: dict[tuple[int, str | None, float], dict[str, Any]] = {}


def _check_seconds() -> float:
    default = getattr(settings, "LAYANI_LOOKUP_CACHE_SECONDS", 30)
    return float(getattr(settings, "LAYANI_GEOGRAPHY_CHECK_SECONDS", default))


def _token() -> tuple[int, int]:
    row = Boundary.objects.aggregate(n=Count("id"), top=Max("id"))
    return int(row["n"] or 0), int(row["top"] or 0)


def forget(**_kwargs: Any) -> None:
    """Drop the index and cached outlines (connected to Boundary saves and deletes)."""
    global _index
    with _lock:
        _index = None
        _outlines_cache.clear()


def _build(token: tuple[int, int]) -> _Index:
    shapes: dict[int, list[Shape]] = {level: [] for level in RegionLevel.values}
    for code, level, polygon in Boundary.objects.values_list("region_id", "level", "polygon"):
        shapes[level].append(Shape(code, level, json.loads(polygon)))
    codes: set[str] = set()
    for shape in shapes[RegionLevel.VILLAGE] + shapes[RegionLevel.DISTRICT]:
        codes.update(Region.ancestor_codes(shape.code))
    covered = sorted({s.code[:2] for level_shapes in shapes.values() for s in level_shapes})
    codes.update(covered)
    regions = Region.objects.in_bulk(list(codes))
    return _Index(
        token=token,
        villages=Grid(shapes[RegionLevel.VILLAGE]),
        districts=Grid(shapes[RegionLevel.DISTRICT]),
        district_shapes={s.code: s for s in shapes[RegionLevel.DISTRICT]},
        regions=regions,
        provinces=[c for c in covered if c in regions],
    )


def _current() -> _Index:
    global _index, _checked_at
    index, now = _index, time.monotonic()
    if index is not None and now - _checked_at < _check_seconds():
        return index
    token = _token()
    if index is not None and index.token == token:
        _checked_at = now
        return index
    with _lock:
        if _index is None or _index.token != token:
            _outlines_cache.clear()
            _index = _build(token)
        _checked_at = now
        return _index


def version() -> str:
    """A short tag of the loaded boundaries that changes when they are reloaded ("0" when none
    are), for URLs that may be cached for long; as fresh as the index itself."""
    n, top = _current().token
    return hashlib.sha256(f"{n}:{top}".encode()).hexdigest()[:10] if n else "0"


post_save.connect(forget, sender=Boundary, dispatch_uid="geography-boundary-save")
post_delete.connect(forget, sender=Boundary, dispatch_uid="geography-boundary-delete")


# ---------------------------------------------------------------------------------------------
# Province outlines of all Indonesia (packaged)


class _Outlines:
    def __init__(self) -> None:
        from .boundaries import OUTLINES_FILE, read_package

        _meta, rows = read_package(OUTLINES_FILE)
        self.names = {b.code: b.name for b in rows}
        self.grid = Grid([Shape(b.code, RegionLevel.PROVINCE, b.polygons) for b in rows], 0.25)

    def containing(self, x: float, y: float) -> list[str]:
        """The provinces whose outline holds the point, the one it lies deepest in first (the
        simplified outlines of neighbours overlap a little along their border)."""
        holders = [s for s in self.grid.at(x, y) if s.contains(x, y)]
        if len(holders) > 1:
            holders.sort(key=lambda s: (-s.distance(x, y), s.code))
        return [s.code for s in holders]


_national: _Outlines | None = None


def _outlines_index() -> _Outlines:
    global _national
    if _national is None:
        _national = _Outlines()
    return _national


# ---------------------------------------------------------------------------------------------
# The service


def _coordinate(value: Any, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise TypeError
    number = float(value.strip() if isinstance(value, str) else value)
    if not math.isfinite(number) or abs(number) > limit:
        raise ValueError
    return number


def _invalid() -> LocateError:
    return LocateError(
        LocateError.INVALID_POINT,
        gettext(
            "The point is not valid: the latitude must be a number from -90 to 90 and the "
            "longitude a number from -180 to 180."
        ),
    )


def locate(latitude: float | Decimal | str, longitude: float | Decimal | str) -> Location:
    """The regions the point lies in; raises LocateError (module docstring for the order)."""
    try:
        y = _coordinate(latitude, 90.0)
        x = _coordinate(longitude, 180.0)
    except (TypeError, ValueError, ArithmeticError):
        raise _invalid() from None
    index = _current()
    village = index.villages.containing(x, y)
    if village is not None and village.code in index.regions:
        return _location(index, village.code, precise=True)
    district = index.districts.containing(x, y) or _nearest(index, x, y, SNAP_DEGREES)
    if district is not None:
        return _location(index, district.code, precise=False)
    national = _outlines_index()
    inside = national.containing(x, y)
    if inside and inside[0] in index.provinces:
        district = _nearest(index, x, y, math.inf)
        if district is not None:
            return _location(index, district.code, precise=False)
    if inside:
        raise _outside_area(index, national.names[inside[0]])
    raise LocateError(
        LocateError.OUTSIDE_INDONESIA, gettext("The point is at sea or outside Indonesia.")
    )


def _nearest(index: _Index, x: float, y: float, radius: float) -> Shape | None:
    if math.isinf(radius):
        candidates = list(index.district_shapes.values())
    else:
        candidates = index.districts.near(x, y, radius)
    best: tuple[float, str] | None = None
    for shape in candidates:
        x0, y0, x1, y1 = shape.bbox
        if x < x0 - radius or x > x1 + radius or y < y0 - radius or y > y1 + radius:
            continue
        d = shape.distance(x, y)
        if d <= radius and (best is None or (d, shape.code) < best):
            best = (d, shape.code)
    return index.district_shapes[best[1]] if best else None


def _location(index: _Index, code: str, *, precise: bool) -> Location:
    regions = index.regions
    codes = Region.ancestor_codes(code)  # nearest first
    if len(codes) == 4:
        village_code, district, regency, province = codes
        village = regions.get(village_code) if precise else None
    else:
        village, (district, regency, province) = None, codes[-3:]
    return Location(
        village=village,
        district=regions[district],
        regency=regions[regency],
        province=regions[province],
        precise=village is not None,
    )


def _outside_area(index: _Index, province_name: str) -> LocateError:
    name = province_label(province_name)
    covered = ", ".join(region_label(index.regions[c]) for c in index.provinces)
    if covered:
        message = gettext(
            "The point lies in %(province)s, outside the area this service covers (%(covered)s)."
        ) % {"province": name, "covered": covered}
    else:
        message = gettext(
            "The point lies in %(province)s; this service has no area boundaries loaded."
        ) % {"province": name}
    return LocateError(LocateError.OUTSIDE_AREA, message, province=name)


def covered_provinces() -> list[Region]:
    """The provinces this deployment has boundaries for, by code."""
    index = _current()
    return [index.regions[c] for c in index.provinces]


def outlines(level: int, within: str | None = None, *, tolerance: float = 0.0) -> dict[str, Any]:
    """A GeoJSON FeatureCollection ([lng, lat]) of the boundaries at RegionLevel `level` inside
    region `within` (a code; None: all), simplified to `tolerance` degrees (0: as stored);
    properties {code, name, label}. Cached per process until boundaries change."""

    index = _current()
    key = (int(level), within, float(tolerance))
    cached = _outlines_cache.get(key)
    if cached is not None:
        return cached
    rows = Boundary.objects.filter(level=level).select_related("region").order_by("region_id")
    if within:
        rows = rows.filter(Q(region_id=within) | Q(region__code__startswith=f"{within}."))
    features = []
    for b in rows:
        polygons = simplify(json.loads(b.polygon), tolerance) if tolerance > 0 else None
        features.append(
            {
                "type": "Feature",
                "id": b.region_id,
                "properties": {
                    "code": b.region_id,
                    "name": title_case(b.region.name),
                    "label": region_label(b.region),
                },
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": polygons if polygons is not None else json.loads(b.polygon),
                },
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    if _index is index:
        _outlines_cache[key] = collection
    return collection
