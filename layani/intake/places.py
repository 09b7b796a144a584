"""Where a report is: the region it names, the point it was sent with, or both.

A citizen knows where the pothole is, not the Kemendagri code of the village it lies in. So a
submission may name its region (the form's lists, Open311's ``address_id``), send a point (a pin on
the map, a phone's location, Open311's ``lat``/``long``), or both:

- a **point alone** is placed by ``directory.geography.locate``: the village whose boundary holds it
  (or its district, where the village has no boundary); a point at sea, outside Indonesia or outside
  the area this deployment covers is refused with a message that says which;
- a **region alone** is taken as named;
- **both**: the named region is kept, and when the point lies in a region that is neither the named
  one nor inside or around it, that region is remembered as ``pin_region`` so the coordinator sees
  the disagreement and decides — neither the list nor the pin is silently trusted. A point outside
  the covered area, next to a named region, is kept without a flag (boundaries may be missing).

Every report also stores its region in words ("Desa Sardonoharjo, Kec. Ngaglik, Kab. Sleman"), for
pages, Open311's ``address`` and exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext as _

from layani.directory import geography, lookups, names
from layani.directory.models import Region

from .errors import SubmissionError


@dataclass(frozen=True)
class Place:
    region_code: str
    label: str
    #: The region the point lies in when it disagrees with the named one; "" otherwise.
    pin_region_code: str = ""


def place_report(region_code: str, latitude: Decimal | None, longitude: Decimal | None) -> Place:
    """The report's region, its readable label and any disagreement; SubmissionError if none."""
    has_point = latitude is not None and longitude is not None
    if region_code:
        if not lookups.region_exists(region_code):
            raise SubmissionError("unknown_region", "region", _("Unknown region code."))
        pin = _pin_region(latitude, longitude) if has_point else ""
        related = not pin or pin.startswith(region_code) or region_code.startswith(pin)
        return Place(region_code, region_label(region_code), "" if related else pin)
    if not has_point:
        raise SubmissionError(
            "location_required",
            "region",
            _("Say where it happened: choose the village or district, or put a pin on the map."),
        )
    try:
        location = geography.locate(latitude, longitude)  # type: ignore[arg-type]
    except geography.LocateError as refused:
        raise SubmissionError(refused.code, "location", refused.message) from None
    return Place(location.region.code, location.label())


def _pin_region(latitude: Decimal | None, longitude: Decimal | None) -> str:
    try:
        return geography.locate(latitude, longitude).region.code  # type: ignore[arg-type]
    except geography.LocateError:
        return ""


def region_label(code: str) -> str:
    """A region code in words: the village (if any), its district and its regency."""
    return _label(code)


@lru_cache(maxsize=4096)
def _label(code: str) -> str:
    codes = Region.ancestor_codes(code)  # nearest first
    regions = Region.objects.in_bulk(codes)
    shown = [regions[c] for c in codes[:3] if c in regions and regions[c].level > 1]
    if not shown and code in regions:
        shown = [regions[code]]
    return ", ".join(names.region_label(r) for r in shown)
