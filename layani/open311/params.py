"""Reading GET request filters: every malformed value becomes a 400 that names the parameter.

Datetimes follow W3C/ISO 8601; a value without an offset is read in Indonesia's western zone (WIB),
the zone of most reports, and a bare date means its midnight. The window rule is the spec's: with no
dates, the last 90 days; with one date, 90 days from or up to it; a range may not exceed 90 days.
``updated_after``/``updated_before`` replace the default window (a client syncing changes asks for
what changed, however old the report is).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from layani.intake.tracking import normalize_tracking_id

from .conf import DEFAULT_RADIUS_M, DEFAULT_WINDOW_DAYS, MAX_RADIUS_M, MAX_RESULTS
from .formats import Open311Error

WIB = ZoneInfo("Asia/Jakarta")
#: The instants a filter may name: a year inside the calendar's edges, so that the 90-day window
#: around one and its conversion to UTC (or to a region's zone) stay representable. A value outside
#: is a 400 naming the parameter, as the REST API answers, never an OverflowError.
EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
LATEST = datetime(9998, 12, 31, 23, 59, 59, tzinfo=UTC)


@dataclass
class RequestFilters:
    ids: list[str] = field(default_factory=list)
    service_codes: list[str] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)
    start: datetime | None = None
    end: datetime | None = None
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    near: tuple[float, float, float] | None = None  # lat, long, radius in metres
    page: int = 1
    page_size: int = MAX_RESULTS
    extensions: bool = False


def bad(parameter: str, message: str) -> Open311Error:
    return Open311Error(400, f"{parameter}: {message}")


def parse_moment(query: QueryDict, name: str) -> datetime | None:
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw.replace(" ", "+", 1) if "T" in raw else raw)
        if moment is None:
            day = parse_date(raw)
            if day is None:
                raise ValueError
            moment = datetime(day.year, day.month, day.day)  # noqa: DTZ001 (made aware below)
    except ValueError:
        raise bad(name, _("not a W3C datetime such as 2026-01-31T09:15:00+07:00.")) from None
    moment = moment if timezone.is_aware(moment) else moment.replace(tzinfo=WIB)
    try:
        in_utc = moment.astimezone(UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not EARLIEST <= in_utc <= LATEST:
        raise bad(
            name,
            _("out of range: give an instant between the years %(low)d and %(high)d.")
            % {"low": EARLIEST.year, "high": LATEST.year},
        )
    return in_utc


def parse_int(query: QueryDict, name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name, "").strip()
    if not raw:
        return default
    # ASCII digits only (str.isdigit() also accepts "²", which int() refuses), and few enough of
    # them that int() never meets Python's limit on long digit strings.
    valid = raw.isascii() and raw.isdigit() and len(raw) <= 12
    if not valid or not low <= int(raw) <= high:
        raise bad(name, _("a whole number from %(low)d to %(high)d.") % {"low": low, "high": high})
    return int(raw)


def parse_float(raw: str, name: str, limit: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise bad(name, _("not a number.")) from None
    if not math.isfinite(value) or abs(value) > limit:
        raise bad(name, _("out of range (at most %(limit)s either way).") % {"limit": limit})
    return value


def comma_list(query: QueryDict, name: str) -> list[str]:
    values: list[str] = []
    for raw in query.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values


def window(query: QueryDict, now: datetime) -> tuple[datetime | None, datetime | None]:
    start, end = parse_moment(query, "start_date"), parse_moment(query, "end_date")
    span = timedelta(days=DEFAULT_WINDOW_DAYS)
    if start and end:
        if end < start:
            raise bad("end_date", _("comes before start_date."))
        if end - start > span:
            raise bad("end_date", _("a range may span at most 90 days."))
    elif start:
        end = start + span
    elif end:
        start = end - span
    elif not (query.get("updated_after") or query.get("updated_before")):
        start, end = now - span, now
    return start, end


def request_filters(query: QueryDict, now: datetime | None = None) -> RequestFilters:
    """The filters of GET requests; `service_request_id` overrides every other filter."""
    now = now or timezone.now()
    page = parse_int(query, "page", 1, 1, 1_000_000)
    page_size = parse_int(query, "page_size", MAX_RESULTS, 1, 100_000)
    filters = RequestFilters(
        page=page,
        page_size=min(page_size, MAX_RESULTS),
        extensions=query.get("extensions", "").strip().lower() in ("true", "1"),
    )
    ids = comma_list(query, "service_request_id")
    if ids:
        # Unparseable IDs match nothing rather than everything: an empty list would drop the filter.
        filters.ids = [normalize_tracking_id(i) or "-" for i in ids[:MAX_RESULTS]]
        return filters
    filters.service_codes = comma_list(query, "service_code")
    statuses = {s.lower() for s in comma_list(query, "status")}
    if statuses - {"open", "closed"}:
        raise bad("status", _("open, closed or both (comma separated)."))
    filters.statuses = statuses
    filters.start, filters.end = window(query, now)
    filters.updated_after = parse_moment(query, "updated_after")
    filters.updated_before = parse_moment(query, "updated_before")
    lat, lng = query.get("lat", "").strip(), query.get("long", "").strip()
    if lat or lng:
        if not (lat and lng):
            raise bad("lat" if not lat else "long", _("lat and long go together."))
        radius = parse_int(query, "radius", DEFAULT_RADIUS_M, 1, MAX_RADIUS_M)
        filters.near = (parse_float(lat, "lat", 90), parse_float(lng, "long", 180), radius)
    return filters
