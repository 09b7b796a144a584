"""Properties of the working-day calendar that hold for any zone, instant and pauses (hypothesis).

The hand-computed cases against the decrees are in test_calendar.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from layani.sla.calendar import TIME_ZONES, WorkingCalendar

CALENDARS = {name: WorkingCalendar(name) for name in TIME_ZONES}


# -- properties ------------------------------------------------------------------------------

zones = st.sampled_from(sorted(TIME_ZONES))
instants = st.datetimes(
    min_value=datetime(2024, 1, 1),  # noqa: DTZ001 (bounds of an aware strategy must be naive)
    max_value=datetime(2027, 6, 30),  # noqa: DTZ001
    timezones=st.just(UTC),
)
day_counts = st.integers(min_value=0, max_value=70)
pause_lists = st.lists(
    st.tuples(instants, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=6))).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    max_size=4,
)


@given(zone=zones, start=instants, n=day_counts)
def test_deadline_is_a_working_day_at_closing_time(zone: str, start: datetime, n: int) -> None:
    calendar = CALENDARS[zone]
    deadline = calendar.add_working_days(start, n)
    assert deadline >= start
    assert deadline.tzinfo is calendar.zone
    assert deadline.time() == time(16)
    assert calendar.is_working_day(deadline.date())
    # n whole working days after day 0 (the day holding or following the start).
    day0 = calendar.add_working_days(start, 0).date()
    assert calendar.working_days_between(day0, deadline.date()) == n


@given(zone=zones, start=instants, n=day_counts, m=day_counts)
def test_adding_n_then_m_equals_adding_n_plus_m(zone: str, start: datetime, n: int, m: int) -> None:
    calendar = CALENDARS[zone]
    closing = calendar.add_working_days(start, 0)  # end of hours of a working day
    assert calendar.add_working_days(calendar.add_working_days(closing, n), m) == (
        calendar.add_working_days(closing, n + m)
    )


@given(zone=zones, a=instants, b=instants, c=instants, pauses=pause_lists)
def test_working_time_is_additive(
    zone: str, a: datetime, b: datetime, c: datetime, pauses: list[tuple[datetime, datetime]]
) -> None:
    wt = CALENDARS[zone].working_time_between
    assert wt(a, c) == wt(a, b) + wt(b, c)
    assert wt(a, c, pauses=pauses) == wt(a, b, pauses=pauses) + wt(b, c, pauses=pauses)
    assert abs(wt(a, c, pauses=pauses)) <= abs(wt(a, c))


@settings(max_examples=200)
@given(zone=zones, start=instants, n=day_counts, pauses=pause_lists)
def test_pauses_extend_by_exactly_the_paused_working_time(
    zone: str, start: datetime, n: int, pauses: list[tuple[datetime, datetime]]
) -> None:
    calendar = CALENDARS[zone]
    base = calendar.add_working_days(start, n)
    paused = calendar.add_working_days(start, n, pauses=pauses)
    assert paused >= base
    assert calendar.working_time_between(start, paused, pauses=pauses) == (
        calendar.working_time_between(start, base)
    )
    if not pauses:
        assert paused == base
