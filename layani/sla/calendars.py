"""Working calendars per province, built from the national calendar plus ``CalendarDay`` rows.

Calendars are cached per process and rebuilt when the rows change: each lookup costs one small
aggregate query (row count and last change), which is cheaper than rebuilding a year of dates and
means an admin's edit takes effect on the next deadline computed, in every worker.
"""

from __future__ import annotations

import threading
from datetime import datetime

from django.db.models import Count, Max, Q

from .calendar import WorkingCalendar
from .models import CalendarDay, DayKind

_lock = threading.Lock()
_cache: dict[tuple[str, str], tuple[tuple[int, datetime | None], WorkingCalendar]] = {}


def _version(province_code: str) -> tuple[int, datetime | None]:
    agg = CalendarDay.objects.filter(
        Q(province_code="") | Q(province_code=province_code)
    ).aggregate(n=Count("pk"), last=Max("updated_at"))
    return agg["n"], agg["last"]


def calendar_for_province(province_code: str, time_zone: str) -> WorkingCalendar:
    """The working calendar of offices in a province (two-digit code) in its time zone."""
    key = (province_code[:2], time_zone)
    version = _version(key[0])
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
    holidays, working = set(), set()
    rows = CalendarDay.objects.filter(Q(province_code="") | Q(province_code=key[0]))
    # A province's own row overrides a nationwide row for the same date.
    for row in sorted(rows, key=lambda r: r.province_code != ""):
        holidays.discard(row.date)
        working.discard(row.date)
        (holidays if row.kind == DayKind.HOLIDAY else working).add(row.date)
    calendar = WorkingCalendar(time_zone, extra_holidays=holidays, forced_working_days=working)
    with _lock:
        _cache[key] = (version, calendar)
    return calendar
