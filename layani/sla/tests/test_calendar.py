"""The working-day calendar: decree data, deadlines, working time, pauses, time zones.

Every expected value is computed by hand from the 2025 and 2026 SKB 3 Menteri (see holidays_id.py).
No database is touched.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from layani.sla import holidays_id
from layani.sla.calendar import TIME_ZONES, WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

CALENDARS = {name: WorkingCalendar(name) for name in TIME_ZONES}
JAKARTA = CALENDARS["Asia/Jakarta"]


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


def at(y: int, m: int, day: int, hour: int = 0, minute: int = 0, tz: ZoneInfo = WIB) -> datetime:
    return datetime(y, m, day, hour, minute, tzinfo=tz)


# -- the decrees -----------------------------------------------------------------------------

# SKB No. 1017/2024, 2/2024, 2/2024: national holidays 2025.
NATIONAL_2025 = {
    d(2025, 1, 1), d(2025, 1, 27), d(2025, 1, 29), d(2025, 3, 29), d(2025, 3, 31), d(2025, 4, 1),
    d(2025, 4, 18), d(2025, 4, 20), d(2025, 5, 1), d(2025, 5, 12), d(2025, 5, 29), d(2025, 6, 1),
    d(2025, 6, 6), d(2025, 6, 27), d(2025, 8, 17), d(2025, 9, 5), d(2025, 12, 25),
}  # fmt: skip
# Same decree: cuti bersama 2025. 9 June (Idul Adha) is in the original decree (10 days in total).
CUTI_BERSAMA_2025 = {
    d(2025, 1, 28), d(2025, 3, 28), d(2025, 4, 2), d(2025, 4, 3), d(2025, 4, 4), d(2025, 4, 7),
    d(2025, 5, 13), d(2025, 5, 30), d(2025, 6, 9), d(2025, 12, 26),
}  # fmt: skip
# Revision SKB No. 933/2025 (7 Aug 2025): cuti bersama on Mon 18 Aug 2025 (80th Independence Day).
CUTI_BERSAMA_2025_REVISION = {d(2025, 8, 18)}

# SKB No. 1497/2025, 2/2025, 5/2025 (announced 19 Sep 2025): national holidays 2026.
NATIONAL_2026 = {
    d(2026, 1, 1), d(2026, 1, 16), d(2026, 2, 17), d(2026, 3, 19), d(2026, 3, 21), d(2026, 3, 22),
    d(2026, 4, 3), d(2026, 4, 5), d(2026, 5, 1), d(2026, 5, 14), d(2026, 5, 27), d(2026, 5, 31),
    d(2026, 6, 1), d(2026, 6, 16), d(2026, 8, 17), d(2026, 8, 25), d(2026, 12, 25),
}  # fmt: skip
CUTI_BERSAMA_2026 = {
    d(2026, 2, 16), d(2026, 3, 18), d(2026, 3, 20), d(2026, 3, 23), d(2026, 3, 24), d(2026, 5, 15),
    d(2026, 5, 28), d(2026, 12, 24),
}  # fmt: skip


def non_working_weekdays(calendar: WorkingCalendar, year: int) -> set[date]:
    day, result = date(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not calendar.is_working_day(day):
            result.add(day)
        day += timedelta(days=1)
    return result


def weekdays(dates: set[date]) -> set[date]:
    return {x for x in dates if x.weekday() < 5}


def test_holiday_data_matches_the_decrees_exactly() -> None:
    assert len(NATIONAL_2025) == 17 and len(NATIONAL_2026) == 17
    assert holidays_id.national_holidays(2025) == NATIONAL_2025
    assert holidays_id.cuti_bersama(2025) == CUTI_BERSAMA_2025 | CUTI_BERSAMA_2025_REVISION
    assert holidays_id.national_holidays(2026) == NATIONAL_2026
    assert holidays_id.cuti_bersama(2026) == CUTI_BERSAMA_2026


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2025, NATIONAL_2025 | CUTI_BERSAMA_2025 | CUTI_BERSAMA_2025_REVISION),
        (2026, NATIONAL_2026 | CUTI_BERSAMA_2026),
    ],
)
def test_non_working_weekdays_are_exactly_the_decreed_days(year: int, expected: set[date]) -> None:
    for calendar in CALENDARS.values():
        assert non_working_weekdays(calendar, year) == weekdays(expected)


def test_without_cuti_bersama_only_national_holidays_close() -> None:
    calendar = WorkingCalendar(cuti_bersama_closed=False)
    assert non_working_weekdays(calendar, 2025) == weekdays(NATIONAL_2025)
    assert non_working_weekdays(calendar, 2026) == weekdays(NATIONAL_2026)
    assert calendar.is_working_day(d(2025, 12, 26))


# -- deadlines around real holidays ----------------------------------------------------------


def test_idul_fitri_2025_block() -> None:
    # Thu 27 Mar is day 0; 28 Mar cuti (Nyepi), 29-30 weekend, 31 Mar-1 Apr Idul Fitri,
    # 2-4 Apr cuti, 5-6 weekend, 7 Apr cuti: days 1, 2, 3 are 8, 9, 10 April.
    assert JAKARTA.add_working_days(at(2025, 3, 27, 10), 1) == at(2025, 4, 8, 16)
    assert JAKARTA.add_working_days(at(2025, 3, 27, 10), 3) == at(2025, 4, 10, 16)
    # Where cuti bersama are working days, only the two Idul Fitri days and the weekend intervene.
    open_offices = WorkingCalendar(cuti_bersama_closed=False)
    assert open_offices.add_working_days(at(2025, 3, 27, 10), 3) == at(2025, 4, 3, 16)
    assert JAKARTA.next_working_day(d(2025, 3, 27)) == d(2025, 4, 8)
    # 24 Mar - 14 Apr: 24-27 Mar and 8-11 Apr.
    assert JAKARTA.working_days_between(d(2025, 3, 24), d(2025, 4, 14)) == 8
    assert JAKARTA.working_days_between(d(2025, 4, 14), d(2025, 3, 24)) == -8


def test_christmas_2025_and_year_end() -> None:
    # Wed 24 Dec is day 0; 25 Dec Christmas, 26 Dec cuti, 27-28 weekend.
    start = at(2025, 12, 24, 14)
    assert JAKARTA.add_working_days(start, 0) == at(2025, 12, 24, 16)
    assert JAKARTA.add_working_days(start, 1) == at(2025, 12, 29, 16)
    assert JAKARTA.add_working_days(start, 3) == at(2025, 12, 31, 16)
    # 1 Jan 2026 is New Year's Day.
    assert JAKARTA.add_working_days(start, 4) == at(2026, 1, 2, 16)
    assert JAKARTA.add_working_days(at(2025, 12, 31, 10), 1) == at(2026, 1, 2, 16)
    assert JAKARTA.add_working_days(at(2025, 12, 31, 17), 0) == at(2026, 1, 2, 16)
    assert JAKARTA.next_working_day(d(2025, 12, 31)) == d(2026, 1, 2)
    # 22-24, 29-31 Dec and 2 Jan.
    assert JAKARTA.working_days_between(d(2025, 12, 22), d(2026, 1, 5)) == 7


def test_lebaran_2026_block() -> None:
    # 18 Mar cuti, 19 Nyepi, 20 cuti, 21-22 Idul Fitri (weekend), 23-24 cuti: 25 Mar is next.
    calendar = CALENDARS["Asia/Makassar"]
    afternoon = at(2026, 3, 17, 15, tz=WITA)
    assert calendar.add_working_days(afternoon, 1) == at(2026, 3, 25, 16, tz=WITA)
    assert calendar.add_working_days(afternoon, 2) == at(2026, 3, 26, 16, tz=WITA)
    # After hours on the 17th: day 0 is the 25th.
    assert calendar.add_working_days(at(2026, 3, 17, 16, 30, tz=WITA), 1) == at(
        2026, 3, 26, 16, tz=WITA
    )
    assert not any(calendar.is_working_day(d(2026, 3, day)) for day in range(18, 25))


def test_month_ends_and_imlek_2026() -> None:
    assert JAKARTA.add_working_days(at(2026, 1, 30, 9), 1) == at(2026, 2, 2, 16)
    # 16 Feb cuti, 17 Feb Imlek.
    assert JAKARTA.add_working_days(at(2026, 2, 13, 9), 1) == at(2026, 2, 18, 16)
    # 1 May 2026 (Friday) is Labour Day.
    assert JAKARTA.add_working_days(at(2026, 4, 30, 9), 1) == at(2026, 5, 4, 16)
    # 31 Jan 2025 (Fri) -> Mon 3 Feb; 28 Feb 2025 (Fri) after hours -> day 0 Mon 3 Mar.
    assert JAKARTA.add_working_days(at(2025, 1, 31, 11), 1) == at(2025, 2, 3, 16)
    assert JAKARTA.add_working_days(at(2025, 2, 28, 20), 1) == at(2025, 3, 4, 16)


# -- the day-0 rule --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted", "deadline"),
    [
        (at(2025, 7, 7, 6), at(2025, 7, 8, 16)),  # before hours: Monday counts
        (at(2025, 7, 7, 10), at(2025, 7, 8, 16)),  # during hours
        (at(2025, 7, 7, 16), at(2025, 7, 8, 16)),  # exactly at closing: Monday still counts
        (at(2025, 7, 7, 16, 1), at(2025, 7, 9, 16)),  # after hours: day 0 is Tuesday
        (at(2025, 7, 5, 10), at(2025, 7, 8, 16)),  # Saturday: day 0 is Monday
        (at(2025, 7, 4, 18), at(2025, 7, 8, 16)),  # Friday evening: day 0 is Monday
    ],
)
def test_day_zero_rule(submitted: datetime, deadline: datetime) -> None:
    assert JAKARTA.add_working_days(submitted, 1) == deadline


def test_ordinary_week() -> None:
    assert JAKARTA.add_working_days(at(2025, 7, 7, 10), 3) == at(2025, 7, 10, 16)
    assert JAKARTA.add_working_days(at(2025, 7, 4, 18), 3) == at(2025, 7, 10, 16)
    assert JAKARTA.working_days_between(d(2025, 7, 7), d(2025, 7, 14)) == 5
    assert JAKARTA.next_working_day(d(2025, 7, 4)) == d(2025, 7, 7)


# -- time zones ------------------------------------------------------------------------------


def test_same_instant_in_three_zones() -> None:
    # 2025-06-30T08:30Z is Mon 15:30 WIB (within hours), 16:30 WITA and 17:30 WIT (after hours).
    instant = datetime(2025, 6, 30, 8, 30, tzinfo=UTC)
    assert CALENDARS["Asia/Jakarta"].add_working_days(instant, 1) == at(2025, 7, 1, 16)
    assert CALENDARS["Asia/Makassar"].add_working_days(instant, 1) == at(2025, 7, 2, 16, tz=WITA)
    assert CALENDARS["Asia/Jayapura"].add_working_days(instant, 1) == at(2025, 7, 2, 16, tz=WIT)
    # 2025-06-30T16:30Z is Mon 23:30 WIB but already Tue 00:30 WITA / 01:30 WIT: day 0 is Tuesday
    # everywhere, though for different reasons; the deadlines are different instants.
    late = datetime(2025, 6, 30, 16, 30, tzinfo=UTC)
    deadlines = {name: cal.add_working_days(late, 0) for name, cal in CALENDARS.items()}
    assert deadlines == {
        "Asia/Jakarta": at(2025, 7, 1, 16),
        "Asia/Makassar": at(2025, 7, 1, 16, tz=WITA),
        "Asia/Jayapura": at(2025, 7, 1, 16, tz=WIT),
    }
    assert sorted(x.astimezone(UTC).hour for x in deadlines.values()) == [7, 8, 9]
    assert CALENDARS["Asia/Jakarta"].is_working_day(late)  # Monday in WIB
    assert CALENDARS["Asia/Jayapura"].is_working_day(late)  # Tuesday in WIT


def test_results_are_in_the_local_zone() -> None:
    for name, calendar in CALENDARS.items():
        result = calendar.add_working_days(datetime(2025, 7, 7, 3, tzinfo=UTC), 2)
        assert isinstance(result.tzinfo, ZoneInfo) and result.tzinfo.key == name
        assert result.time() == time(16)


def test_local_date_decides_holidays() -> None:
    # 2025-12-24T16:30Z: Wed 23:30 WIB (a working day), Thu 00:30 WITA (Christmas).
    instant = datetime(2025, 12, 24, 16, 30, tzinfo=UTC)
    assert CALENDARS["Asia/Jakarta"].is_working_day(instant)
    assert not CALENDARS["Asia/Makassar"].is_working_day(instant)


def test_working_time_depends_on_the_zone() -> None:
    a, b = datetime(2025, 6, 30, 1, tzinfo=UTC), datetime(2025, 6, 30, 9, tzinfo=UTC)
    hours = {n: c.working_time_between(a, b) / timedelta(hours=1) for n, c in CALENDARS.items()}
    assert hours == {"Asia/Jakarta": 8, "Asia/Makassar": 7, "Asia/Jayapura": 6}


# -- working time ----------------------------------------------------------------------------


def test_working_time_between() -> None:
    wt = JAKARTA.working_time_between
    assert wt(at(2025, 7, 4, 15), at(2025, 7, 7, 9)) == timedelta(hours=2)  # over a weekend
    assert wt(at(2025, 7, 7, 9), at(2025, 7, 4, 15)) == -timedelta(hours=2)
    assert wt(at(2025, 7, 7, 6), at(2025, 7, 7, 20)) == timedelta(hours=8)
    assert wt(at(2025, 7, 5, 9), at(2025, 7, 5, 15)) == timedelta(0)  # Saturday
    # 24 Dec 12:00 -> 29 Dec 10:00 over Christmas, cuti bersama and the weekend: 4 h + 2 h.
    assert wt(at(2025, 12, 24, 12), at(2025, 12, 29, 10)) == timedelta(hours=6)
    # The year-end fortnight: 7 working days (see test_christmas_2025_and_year_end).
    assert wt(at(2025, 12, 22), at(2026, 1, 5)) == timedelta(hours=56)


def test_configurable_hours_and_weekdays() -> None:
    calendar = WorkingCalendar(
        working_weekdays={0, 1, 2, 3, 4, 5}, day_start=time(7, 30), day_end=time(15, 30)
    )
    assert calendar.add_working_days(at(2025, 7, 4, 10), 1) == at(2025, 7, 5, 15, 30)
    assert calendar.working_time_between(at(2025, 7, 5), at(2025, 7, 6)) == timedelta(hours=8)


# -- pauses ----------------------------------------------------------------------------------


def test_pause_over_a_weekend() -> None:
    # Wed 2 Jul 10:00 + 3 -> Mon 7 Jul 16:00. Paused Fri 12:00 - Mon 12:00: 4 h + 4 h = one day.
    pause = (at(2025, 7, 4, 12), at(2025, 7, 7, 12))
    start = at(2025, 7, 2, 10)
    assert JAKARTA.add_working_days(start, 3) == at(2025, 7, 7, 16)
    assert JAKARTA.add_working_days(start, 3, pauses=[pause]) == at(2025, 7, 8, 16)
    assert JAKARTA.working_time_between(
        at(2025, 7, 4, 8), at(2025, 7, 7, 16), pauses=[pause]
    ) == timedelta(hours=8)


def test_pause_over_christmas() -> None:
    # Tue 23 Dec + 2 -> Mon 29 Dec 16:00. Paused Wed 24 14:00 - Mon 29 10:00: 2 h + 2 h,
    # so the deadline moves 4 working hours on: Tue 30 Dec 12:00.
    pause = (at(2025, 12, 24, 14), at(2025, 12, 29, 10))
    assert JAKARTA.add_working_days(at(2025, 12, 23, 9), 2, pauses=[pause]) == at(2025, 12, 30, 12)
    # A pause lying only on the holidays and the weekend changes nothing.
    holidays_only = (at(2025, 12, 25), at(2025, 12, 28, 23))
    assert JAKARTA.add_working_days(at(2025, 12, 23, 9), 2, pauses=[holidays_only]) == at(
        2025, 12, 29, 16
    )


def test_pauses_before_after_and_overlapping() -> None:
    start = at(2025, 7, 7, 10)  # Monday; + 3 -> Thursday 16:00
    base = at(2025, 7, 10, 16)
    before = (at(2025, 7, 3, 9), at(2025, 7, 4, 9))
    after = (at(2025, 7, 11, 9), at(2025, 7, 14, 9))
    assert JAKARTA.add_working_days(start, 3, pauses=[before, after]) == base
    # Straddling the start: only Monday 10:00-12:00 counts.
    straddling = (at(2025, 7, 4, 9), at(2025, 7, 7, 12))
    assert JAKARTA.add_working_days(start, 3, pauses=[straddling]) == at(2025, 7, 11, 10)
    # Overlapping pauses count once: Tue 9-12 and 11-13 is 4 h.
    overlapping = [
        (at(2025, 7, 8, 11), at(2025, 7, 8, 13)),
        (at(2025, 7, 8, 9), at(2025, 7, 8, 12)),
    ]
    assert JAKARTA.add_working_days(start, 3, pauses=overlapping) == at(2025, 7, 11, 12)
    # A pause running past the base deadline keeps the clock stopped until it ends: 4 h of the
    # 30 h budget are left at Thu 12:00, spent after the pause ends on Tue 15 Jul 12:00.
    long = (at(2025, 7, 10, 12), at(2025, 7, 15, 12))
    assert JAKARTA.add_working_days(start, 3, pauses=[long]) == at(2025, 7, 15, 16)


def test_pause_validation() -> None:
    with pytest.raises(ValueError, match="ends before"):
        JAKARTA.add_working_days(at(2025, 7, 7, 10), 1, pauses=[(at(2025, 7, 8), at(2025, 7, 7))])
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.working_time_between(
            at(2025, 7, 7),
            at(2025, 7, 9),
            pauses=[(datetime(2025, 7, 8), at(2025, 7, 8, 12))],  # noqa: DTZ001
        )


# -- regional holidays and forced working days -----------------------------------------------


def test_regional_extra_holiday() -> None:
    # A provincial holiday on Wednesday 23 April 2025 (e.g. Galungan in Bali).
    bali = WorkingCalendar("Asia/Makassar", extra_holidays={d(2025, 4, 23)})
    assert not bali.is_working_day(d(2025, 4, 23))
    assert bali.add_working_days(at(2025, 4, 22, 10, tz=WITA), 1) == at(2025, 4, 24, 16, tz=WITA)
    assert CALENDARS["Asia/Makassar"].add_working_days(at(2025, 4, 22, 10, tz=WITA), 1) == at(
        2025, 4, 23, 16, tz=WITA
    )


def test_forced_working_days() -> None:
    # A decree keeps offices open on the cuti bersama of 26 Dec 2025 and on Saturday 5 Jul 2025.
    calendar = WorkingCalendar(forced_working_days={d(2025, 12, 26), d(2025, 7, 5)})
    assert calendar.add_working_days(at(2025, 12, 24, 10), 1) == at(2025, 12, 26, 16)
    assert calendar.add_working_days(at(2025, 7, 4, 10), 1) == at(2025, 7, 5, 16)
    assert calendar.working_days_between(d(2025, 7, 1), d(2025, 7, 8)) == 6


def test_invalid_configuration() -> None:
    with pytest.raises(ValueError, match="time zone"):
        WorkingCalendar("Asia/Singapore")
    with pytest.raises(ValueError, match="both"):
        WorkingCalendar(extra_holidays={d(2025, 7, 7)}, forced_working_days={d(2025, 7, 7)})
    with pytest.raises(ValueError, match="before"):
        WorkingCalendar(day_start=time(16), day_end=time(8))
    with pytest.raises(ValueError, match="working_weekdays"):
        WorkingCalendar(working_weekdays=())
    with pytest.raises(TypeError):
        WorkingCalendar(extra_holidays={at(2025, 7, 7)})
    with pytest.raises(ValueError, match=">= 0"):
        JAKARTA.add_working_days(at(2025, 7, 7), -1)


def test_naive_datetimes_are_rejected() -> None:
    naive = datetime(2025, 7, 7, 10)  # noqa: DTZ001
    aware = at(2025, 7, 7, 10)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.add_working_days(naive, 1)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.working_time_between(naive, aware)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.working_time_between(aware, naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.is_working_day(naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.next_working_day(naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        JAKARTA.working_days_between(naive, aware)
