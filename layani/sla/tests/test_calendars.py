"""Provincial calendars from data, and clock pauses."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from layani.sla.calendars import calendar_for_province
from layani.sla.models import CalendarDay, DayKind
from layani.sla.pauses import end_pause, pauses_of, start_pause

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def test_a_regional_holiday_moves_deadlines_only_in_its_province():
    start = datetime(2026, 1, 5, 10, tzinfo=WIB)  # Monday
    assert calendar_for_province("34", "Asia/Jakarta").add_working_days(start, 3) == datetime(
        2026, 1, 8, 16, tzinfo=WIB
    )
    CalendarDay.objects.create(
        province_code="34", date=date(2026, 1, 7), kind=DayKind.HOLIDAY, name="Hari jadi"
    )
    assert calendar_for_province("34", "Asia/Jakarta").add_working_days(start, 3) == datetime(
        2026, 1, 9, 16, tzinfo=WIB
    )
    assert calendar_for_province("33", "Asia/Jakarta").add_working_days(start, 3) == datetime(
        2026, 1, 8, 16, tzinfo=WIB
    )


def test_a_province_row_overrides_a_nationwide_row_and_forced_working_days_count():
    saturday = date(2026, 1, 10)
    CalendarDay.objects.create(date=saturday, kind=DayKind.WORKING_DAY, name="Ganti cuti")
    cal = calendar_for_province("34", "Asia/Jakarta")
    assert cal.is_working_day(saturday)
    CalendarDay.objects.create(
        province_code="34", date=saturday, kind=DayKind.HOLIDAY, name="Libur daerah"
    )
    assert not calendar_for_province("34", "Asia/Jakarta").is_working_day(saturday)
    assert calendar_for_province("35", "Asia/Jakarta").is_working_day(saturday)


def test_a_pause_runs_until_now_and_holding_twice_is_one_pause():
    t0 = datetime(2026, 1, 5, 9, tzinfo=WIB)
    t1 = datetime(2026, 1, 6, 9, tzinfo=WIB)
    start_pause("report:1", t0)
    start_pause("report:1", t1)
    assert pauses_of("report:1", t1) == [(t0, t1)]
    end_pause("report:1", t1)
    assert end_pause("report:1", t1) is None
    assert pauses_of("report:1", datetime(2027, 1, 1, tzinfo=WIB)) == [(t0, t1)]
