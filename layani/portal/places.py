"""Maps without a tile server: where a point lies, and the region outlines to draw.

Two small JSON endpoints over `directory.geography`, for the report form's pin, the public map and
the console's case map (static/portal/basemap.js draws them):

- ``GET /lapor/wilayah/titik/?lat=&lng=`` → the regions holding the point (their codes, for the
  form's selects) and a readable label, or a 400 with geography's own message. Never cached: the
  point may be where the citizen stands.
- ``GET /peta/batas.json?level=&within=&v=`` → the outlines at one level inside one region, as
  GeoJSON. The page puts the boundaries' `version` in the URL, so a response is ``immutable`` for a
  year (a new version is a new URL); without the current version it is cached for an hour. Each body
  is serialised once per process and carries an ETag.

Weight (DI Yogyakarta, measured by the tests): regencies about 6 KB, the 78 districts about 32 KB
(8 KB gzipped), one district's villages about 9 KB (2.5 KB gzipped). Villages are only served one
district at a time (`MAX_SPAN`): a whole province's villages would be a megabyte.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from layani.directory.geography import LocateError, covered_provinces, locate, outlines, version
from layani.directory.geometry import label_point
from layani.directory.models import Region, RegionLevel
from layani.security.ratelimit import rate_limited

#: Douglas–Peucker tolerance (degrees) per level drawn: districts are drawn at zoom ≤ 12, where a
#: pixel is about 0.0003°; villages at zoom ≥ 13 (a pixel ≤ 0.00017°).
TOLERANCE = {
    RegionLevel.PROVINCE: 0.001,
    RegionLevel.REGENCY: 0.0005,
    RegionLevel.DISTRICT: 0.0005,
    RegionLevel.VILLAGE: 0.0002,
}
#: Coordinates kept (4 decimals ≈ 11 m, below every tolerance above).
DECIMALS = 4
#: How many levels below `within` may be asked for: villages only inside a district (or one
#: village), districts inside a regency or a province.
MAX_SPAN = {
    RegionLevel.PROVINCE: 0,
    RegionLevel.REGENCY: 1,
    RegionLevel.DISTRICT: 2,
    RegionLevel.VILLAGE: 1,
}
#: Seconds a response with the current version in its URL is kept (a year).
IMMUTABLE_SECONDS = 365 * 24 * 3600
#: Seconds a response without it is kept.
SHORT_SECONDS = 3600


# ---------------------------------------------------------------------------------------------
# The point


@require_POST
@rate_limited("point")
def point(request: HttpRequest) -> JsonResponse:
    """Which province, regency, district and village hold ``lat``/``lng``.

    A POST (with the form's CSRF token), not a GET: the point may be where the citizen stands, and
    a query string ends up in access logs and browser history (docs/security.md, item 6)."""
    try:
        found = locate(request.POST.get("lat", ""), request.POST.get("lng", ""))
    except LocateError as refused:
        response = JsonResponse({"error": refused.message, "code": refused.code}, status=400)
    else:
        response = JsonResponse(
            {
                "codes": {
                    "province": found.province.code,
                    "regency": found.regency.code,
                    "district": found.district.code,
                    "village": found.village.code if found.village else None,
                },
                "label": found.label(),
                "precise": found.precise,
            }
        )
    response["Cache-Control"] = "no-store"
    patch_vary_headers(response, ["Accept-Language"])
    return response


# ---------------------------------------------------------------------------------------------
# The outlines


@dataclass(frozen=True)
class Body:
    source: dict[str, Any]  # the geography collection it was made from (identity = freshness)
    content: bytes
    etag: str


_lock = threading.Lock()
_bodies: dict[tuple[int, str], Body] = {}


def _round_ring(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _body(level: int, within: str) -> Body:
    source = outlines(level, within, tolerance=TOLERANCE[RegionLevel(level)])
    key = (level, within)
    cached = _bodies.get(key)
    if cached is not None and cached.source is source:
        return cached
    features = []
    for feature in source["features"]:
        polygons = [
            [r for r in (_round_ring(ring) for ring in polygon) if len(r) >= 4]
            for polygon in feature["geometry"]["coordinates"]
        ]
        polygons = [p for p in polygons if p]
        if not polygons:
            continue
        properties = dict(feature["properties"])
        at = label_point(polygons)
        properties["at"] = [round(v, DECIMALS) for v in at] if at else None
        features.append(
            {
                "type": "Feature",
                "id": feature["id"],
                "properties": properties,
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    content = json.dumps(
        {"type": "FeatureCollection", "features": features},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    body = Body(source, content, '"' + hashlib.sha256(content).hexdigest()[:20] + '"')
    with _lock:
        _bodies[key] = body
    return body


class OutlineRequestError(ValueError):
    pass


def _parse(request: HttpRequest) -> tuple[int, str]:
    try:
        level = int(request.GET.get("level", ""))
        RegionLevel(level)
    except ValueError:
        raise OutlineRequestError(_("level must be 1 (province) to 4 (village).")) from None
    within = request.GET.get("within", "").strip()
    region = Region.objects.filter(code=within).only("level").first() if within else None
    if region is None:
        raise OutlineRequestError(_("within must be the code of a region."))
    if not 0 <= level - region.level <= MAX_SPAN[RegionLevel(level)]:
        raise OutlineRequestError(
            _("Villages are drawn one district at a time, districts one regency or province.")
        )
    return level, within


@require_GET
def outline(request: HttpRequest) -> HttpResponse:
    """The outlines at ``level`` inside region ``within`` (GeoJSON, [lng, lat])."""
    try:
        level, within = _parse(request)
    except OutlineRequestError as bad:
        return JsonResponse({"error": str(bad)}, status=400)
    body = _body(level, within)
    current = request.GET.get("v") == version()
    seconds = IMMUTABLE_SECONDS if current else SHORT_SECONDS
    cache_control = f"public, max-age={seconds}" + (", immutable" if current else "")
    if request.headers.get("If-None-Match") == body.etag:
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = body.etag
        not_modified["Cache-Control"] = cache_control
        return not_modified
    response = HttpResponse(body.content, content_type="application/geo+json")
    response["ETag"] = body.etag
    response["Cache-Control"] = cache_control
    return response


# ---------------------------------------------------------------------------------------------
# For the pages that draw maps


def map_settings() -> dict[str, Any]:
    """What a page needs to draw a map: tiles (or none), the outlines' URL and the covered area,
    for basemap.js (data attributes, see templates/portal/_map_data.html)."""
    return {
        "map_tile_url": getattr(settings, "LAYANI_MAP_TILE_URL", ""),
        "map_attribution": getattr(settings, "LAYANI_MAP_ATTRIBUTION", ""),
        "map_outlines_url": f"{reverse('portal:map-outlines')}?v={version()}",
        "map_areas": ",".join(r.code for r in covered_provinces()),
    }
