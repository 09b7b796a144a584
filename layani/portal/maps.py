"""The public map at any scale: markers when few reports are in view, grid clusters when many.

The browser sends the part of the map it shows (``bbox=west,south,east,north``) and its zoom
level. When at most `MAX_MARKERS` public reports with a point lie in view, each gets a marker
(coordinates coarsened, as on every public page); otherwise the view is cut into square cells of
about `CELL_PIXELS` screen pixels and each cell with reports becomes one cluster, counted by the
database (``GROUP BY`` the cell), so a national view of a million reports sends a few hundred
numbers instead of a million points.

A cluster is drawn at the centre of its cell, not at the mean of its reports: a mean over a
handful of reports, next to their own markers a zoom level further in, could give away where an
anonymous reporter stood. Everything starts from `public_reports`, so confidential tiers,
archived and merged reports are never counted, clustered or marked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NotRequired, TypedDict

from django.db.models import Count, F, FloatField, Max, Min, QuerySet
from django.db.models.functions import Floor

from layani.intake.models import Report, public_coordinate

from .selectors import ReportFilters, public_reports

#: Above this many reports in view, the map shows clusters.
MAX_MARKERS = 300
#: The side of a cluster cell, in screen pixels of a 256-pixel map tile.
CELL_PIXELS = 64
#: The zoom of the first, whole-country view.
DEFAULT_ZOOM = 4
MAX_ZOOM = 19


class ViewError(ValueError):
    """A map view the server cannot use; `field` names the parameter."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class MapData(TypedDict):
    total: int
    markers: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    extent: NotRequired[list[list[float]] | None]


@dataclass(frozen=True)
class MapView:
    west: float
    south: float
    east: float
    north: float
    zoom: int


def parse_view(bbox: str | None, zoom: str | None) -> MapView | None:
    """The view from the query string; None when the browser has not sent one yet."""
    if not bbox:
        return None
    try:
        west, south, east, north = (float(part) for part in bbox.split(","))
    except ValueError:
        raise ViewError("bbox") from None
    corners = (west, south, east, north)
    if not all(math.isfinite(v) for v in corners) or not (
        -180 <= west <= east <= 180 and -90 <= south <= north <= 90
    ):
        raise ViewError("bbox")
    try:
        level = int(zoom or DEFAULT_ZOOM)
    except ValueError:
        raise ViewError("zoom") from None
    if not 0 <= level <= MAX_ZOOM:
        raise ViewError("zoom")
    return MapView(west, south, east, north, level)


def cell_degrees(zoom: int) -> float:
    """The side of a cluster cell in degrees: a 256-pixel tile spans 360 / 2**zoom degrees."""
    return 360 / 2**zoom * CELL_PIXELS / 256


def _with_points(filters: ReportFilters) -> QuerySet[Report]:
    return public_reports(filters).filter(latitude__isnull=False, longitude__isnull=False)


def coarsened(value: Decimal | float | None, privacy: str) -> float:
    """The marker's coordinate, as precise as the public may see it (`public_coordinate`)."""
    if value is None:  # filtered out by the query; here for the type checker
        raise ValueError("a point without a coordinate")
    return float(public_coordinate(value, privacy))


def extent(filters: ReportFilters) -> list[list[float]] | None:
    """South-west and north-east corners of every report with a point, rounded outwards to
    0.01° (about 1 km) so that the edge of the map never pins one report; None when empty."""
    box = (
        _with_points(filters)
        .order_by()
        .aggregate(s=Min("latitude"), w=Min("longitude"), n=Max("latitude"), e=Max("longitude"))
    )
    if box["s"] is None:
        return None
    return [
        [math.floor(float(box["s"]) * 100) / 100, math.floor(float(box["w"]) * 100) / 100],
        [math.ceil(float(box["n"]) * 100) / 100, math.ceil(float(box["e"]) * 100) / 100],
    ]


def map_view(filters: ReportFilters, view: MapView | None) -> MapData:
    """What the map shows: ``total`` reports in view, as ``markers`` or as ``clusters``."""
    reports = _with_points(filters)
    zoom = DEFAULT_ZOOM
    if view is not None:
        zoom = view.zoom
        reports = reports.filter(
            latitude__gte=view.south,
            latitude__lte=view.north,
            longitude__gte=view.west,
            longitude__lte=view.east,
        )
    total = reports.count()
    if total <= MAX_MARKERS:
        rows = reports.values("tracking_id", "title", "latitude", "longitude", "status", "privacy")
        markers = [
            {
                "id": row["tracking_id"],
                "title": row["title"],
                "lat": coarsened(row["latitude"], row["privacy"]),
                "lng": coarsened(row["longitude"], row["privacy"]),
                "status": row["status"],
            }
            for row in rows
        ]
        return {"total": total, "markers": markers, "clusters": []}
    return {"total": total, "markers": [], "clusters": clusters(reports, cell_degrees(zoom))}


def clusters(reports: QuerySet[Report], cell: float) -> list[dict[str, Any]]:
    """One cluster per grid cell that holds reports, counted by the database."""
    rows = (
        reports.order_by()
        .annotate(
            gy=Floor(F("latitude") / cell, output_field=FloatField()),
            gx=Floor(F("longitude") / cell, output_field=FloatField()),
        )
        .values("gy", "gx")
        .annotate(n=Count("pk"))
    )
    result = []
    for row in sorted(rows, key=lambda r: (-r["n"], r["gy"], r["gx"])):
        y, x = int(row["gy"]), int(row["gx"])
        south, west = y * cell, x * cell
        result.append(
            {
                "lat": round(south + cell / 2, 5),
                "lng": round(west + cell / 2, 5),
                "count": row["n"],
                "bounds": [
                    [round(south, 5), round(west, 5)],
                    [round(south + cell, 5), round(west + cell, 5)],
                ],
            }
        )
    return result
