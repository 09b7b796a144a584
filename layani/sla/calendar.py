"""Working-day calendar for Indonesian government offices: the service clock's notion of time.

Pure Python: imports nothing from Django and no other ``layani`` app. National holidays and cuti
bersama come from :mod:`layani.sla.holidays_id`; a :class:`WorkingCalendar` adds a time zone
(WIB/WITA/WIT), regional holidays, forced working days and working hours on top.

All instants going in must be timezone-aware (naive ones raise ``ValueError``); instants coming out
are in the calendar's local zone. Indonesia's three zones have fixed UTC offsets (+7, +8, +9) and
no daylight saving time, so wall-clock arithmetic inside a local day equals elapsed time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from layani.sla.holidays_id import non_working_dates

#: The supported IANA zones and their Indonesian names.
TIME_ZONES: dict[str, str] = {
    "Asia/Jakarta": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

#: Monday to Friday, as ``date.weekday()`` numbers.
MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))

#: A span during which the clock is stopped (e.g. the report waits for the citizen): (start, end).
Pause = tuple[datetime, datetime]

_MAX_EMPTY_YEARS = 10  # give up if this many consecutive years have no working day at all


def _time_us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


class WorkingCalendar:
    """Working days and working hours of offices in one Indonesian time zone.

    A date is a working day when it is in ``forced_working_days``, or else when its weekday is a
    working weekday and it is neither in ``extra_holidays`` (e.g. a province's own holiday) nor a
    national holiday nor, if ``cuti_bersama_closed``, a cuti bersama day. A working day has
    working hours from ``day_start`` to ``day_end`` local time (08:00-16:00 by default); other
    days have none.

    Instances are immutable in behaviour and safe to share between threads; per-year data is cached.
    """

    def __init__(
        self,
        time_zone: str = "Asia/Jakarta",
        *,
        extra_holidays: Iterable[date] = (),
        forced_working_days: Iterable[date] = (),
        cuti_bersama_closed: bool = True,
        working_weekdays: Iterable[int] = MONDAY_TO_FRIDAY,
        day_start: time = time(8),
        day_end: time = time(16),
    ) -> None:
        if time_zone not in TIME_ZONES:
            raise ValueError(
                f"unsupported time zone {time_zone!r}; use one of {sorted(TIME_ZONES)}"
            )
        self.time_zone = time_zone
        self.zone = ZoneInfo(time_zone)
        self.extra_holidays = _plain_dates(extra_holidays, "extra_holidays")
        self.forced_working_days = _plain_dates(forced_working_days, "forced_working_days")
        clash = self.extra_holidays & self.forced_working_days
        if clash:
            raise ValueError(f"dates both extra holidays and forced working days: {sorted(clash)}")
        self.cuti_bersama_closed = cuti_bersama_closed
        self.working_weekdays = frozenset(working_weekdays)
        if not self.working_weekdays or not self.working_weekdays <= frozenset(range(7)):
            raise ValueError(
                "working_weekdays must be a non-empty subset of 0 (Monday) .. 6 (Sunday)"
            )
        if day_start.tzinfo is not None or day_end.tzinfo is not None:
            raise ValueError("day_start and day_end are local wall-clock times; pass naive times")
        if day_start >= day_end:
            raise ValueError("day_start must be before day_end")
        self.day_start = day_start
        self.day_end = day_end
        self._start_us = _time_us(day_start)
        self._end_us = _time_us(day_end)
        self._day_us = self._end_us - self._start_us
        # year -> sorted ordinals of that year's working days (built once per year, never mutated)
        self._working_ordinals: dict[int, list[int]] = {}

    def __repr__(self) -> str:
        return f"WorkingCalendar({self.time_zone!r})"

    # -- days ---------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` (a date, or an aware datetime at its local date) is a working day."""
        return self._is_working(self._local_date(day))

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day`` (a date, or an aware datetime's date)."""
        return self._nth_working_on_or_after(self._local_date(day).toordinal() + 1, 0)

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days ``d`` with ``start <= d < end`` (negative if end < start).

        Same half-open convention as ``numpy.busday_count``: Monday to the next Monday of an
        ordinary week is 5. Datetimes (aware) are taken at their local date.
        """
        o1 = self._local_date(start).toordinal()
        o2 = self._local_date(end).toordinal()
        if o2 < o1:
            return -self._count_working(o2, o1)
        return self._count_working(o1, o2)

    # -- deadlines ----------------------------------------------------------------------------

    def add_working_days(
        self, start: datetime, n: int, *, pauses: Iterable[Pause] = ()
    ) -> datetime:
        """The deadline ``n`` working days after the aware instant ``start``, in local time.

        The rule, in the calendar's local time:

        * Day 0 is the local date of ``start`` if it is a working day and ``start`` is at or before
          the end of working hours (``day_end``, 16:00 by default); a report submitted before 08:00
          or exactly at 16:00 counts that day. Otherwise (after 16:00, or on a weekend, holiday or
          cuti bersama) day 0 is the next working day.
        * The deadline is the end of working hours (16:00) of the ``n``-th working day after day 0;
          with ``n == 0`` it is 16:00 of day 0.

        So a report at 10:00 on a Monday of an ordinary week with ``n=3`` is due Thursday 16:00,
        and so is one submitted at 18:00 the previous Friday (day 0 is then that Monday).

        ``pauses`` are spans during which the clock stops. The deadline moves later by the working
        time paused between ``start`` and the deadline: it is the earliest instant at which the
        un-paused working time since ``start`` equals the working time from ``start`` to the
        deadline without pauses. A pause of whole working days keeps the deadline at 16:00; a pause
        of three working hours moves a 16:00 deadline to 11:00 of the next working day. Pauses may
        overlap each other, start before ``start`` (only the part after it counts) or lie outside
        working hours (they then change nothing).
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        local = self._localize(start, "start")
        day = local.date()
        first = day.toordinal()
        if not (self._is_working(day) and self._tod_us(local) <= self._end_us):
            first += 1
        deadline_ordinal = self._nth_working_on_or_after(first, n).toordinal()
        deadline = self._at(deadline_ordinal, self._end_us)
        merged = self._merge_pauses(pauses)
        if not merged:
            return deadline
        return self._deadline_with_pauses(local, deadline, merged)

    def working_time_between(
        self, a: datetime, b: datetime, *, pauses: Iterable[Pause] = ()
    ) -> timedelta:
        """Working time (inside working hours of working days, local time) from ``a`` to ``b``.

        Signed: negative when ``b`` is before ``a``, so that it is additive over any split point.
        Time inside ``pauses`` does not count.
        """
        la = self._localize(a, "a")
        lb = self._localize(b, "b")
        sign = 1
        if lb < la:
            la, lb, sign = lb, la, -1
        total = self._span_us(la, lb)
        for ps, pe in self._merge_pauses(pauses):
            s, e = max(ps, la), min(pe, lb)
            if s < e:
                total -= self._span_us(s, e)
        return timedelta(microseconds=sign * total)

    # -- internals ----------------------------------------------------------------------------

    def _localize(self, value: datetime, name: str) -> datetime:
        if not isinstance(value, datetime):
            raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
        return value.astimezone(self.zone)

    def _local_date(self, day: date) -> date:
        if isinstance(day, datetime):
            return self._localize(day, "day").date()
        if not isinstance(day, date):
            raise TypeError(f"expected a date, not {type(day).__name__}")
        return day

    def _is_working(self, day: date) -> bool:
        if day in self.forced_working_days:
            return True
        if day.weekday() not in self.working_weekdays or day in self.extra_holidays:
            return False
        return day not in non_working_dates(day.year, include_cuti_bersama=self.cuti_bersama_closed)

    def _year_ordinals(self, year: int) -> list[int]:
        ordinals = self._working_ordinals.get(year)
        if ordinals is None:
            first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            ordinals = [o for o in range(first, last + 1) if self._is_working(date.fromordinal(o))]
            self._working_ordinals[year] = ordinals
        return ordinals

    def _nth_working_on_or_after(self, ordinal: int, n: int) -> date:
        """The ``n``-th working day after the first working day on or after ``ordinal``."""
        year = date.fromordinal(ordinal).year
        ordinals = self._year_ordinals(year)
        i = bisect_left(ordinals, ordinal) + n
        empty_years = 0
        while i >= len(ordinals):
            i -= len(ordinals)
            empty_years = empty_years + 1 if not ordinals else 0
            if empty_years >= _MAX_EMPTY_YEARS:
                raise ValueError(f"no working day in {_MAX_EMPTY_YEARS} years after {year}")
            year += 1
            ordinals = self._year_ordinals(year)
        return date.fromordinal(ordinals[i])

    def _count_working(self, o1: int, o2: int) -> int:
        """Working days with ordinal in ``[o1, o2)``; requires ``o1 <= o2``."""
        y1, y2 = date.fromordinal(o1).year, date.fromordinal(o2).year
        first = self._year_ordinals(y1)
        if y1 == y2:
            return bisect_left(first, o2) - bisect_left(first, o1)
        count = len(first) - bisect_left(first, o1)
        count += sum(len(self._year_ordinals(y)) for y in range(y1 + 1, y2))
        return count + bisect_left(self._year_ordinals(y2), o2)

    @staticmethod
    def _tod_us(local: datetime) -> int:
        return _time_us(local.time())

    def _elapsed_us(self, local: datetime) -> int:
        """Working time elapsed on ``local``'s own date, up to ``local``."""
        if not self._is_working(local.date()):
            return 0
        return min(max(self._tod_us(local) - self._start_us, 0), self._day_us)

    def _span_us(self, a: datetime, b: datetime) -> int:
        """Working microseconds from local ``a`` to local ``b``; requires ``a <= b``."""
        days = self._count_working(a.date().toordinal(), b.date().toordinal())
        return days * self._day_us + self._elapsed_us(b) - self._elapsed_us(a)

    def _at(self, ordinal: int, tod_us: int) -> datetime:
        midnight = datetime.combine(date.fromordinal(ordinal), time(), tzinfo=self.zone)
        return midnight + timedelta(microseconds=tod_us)

    def _advance(self, local: datetime, work_us: int) -> datetime:
        """The earliest instant at which ``work_us`` of working time has passed since ``local``."""
        if work_us <= 0:
            return local
        target = self._elapsed_us(local) + work_us  # counted from the start of local's date
        k = (target - 1) // self._day_us  # the k-th working day on or after local's date
        day = self._nth_working_on_or_after(local.date().toordinal(), k)
        return self._at(day.toordinal(), self._start_us + target - k * self._day_us)

    def _merge_pauses(self, pauses: Iterable[Pause]) -> list[Pause]:
        spans = []
        for ps, pe in pauses:
            s, e = self._localize(ps, "pause start"), self._localize(pe, "pause end")
            if e < s:
                raise ValueError(
                    f"pause ends before it starts: {ps.isoformat()} > {pe.isoformat()}"
                )
            if s < e:
                spans.append((s, e))
        spans.sort()
        merged: list[Pause] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged

    def _deadline_with_pauses(
        self, start: datetime, deadline: datetime, pauses: list[Pause]
    ) -> datetime:
        remaining = self._span_us(start, deadline)
        if remaining == 0:
            return deadline
        cursor = start
        for ps, pe in pauses:
            if pe <= cursor:
                continue
            if ps > cursor:
                active = self._span_us(cursor, ps)
                if active >= remaining:
                    return self._advance(cursor, remaining)
                remaining -= active
            cursor = pe
        return self._advance(cursor, remaining)


def _plain_dates(values: Iterable[date], name: str) -> frozenset[date]:
    result = frozenset(values)
    for value in result:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{name} must contain dates, got {value!r}")
    return result
