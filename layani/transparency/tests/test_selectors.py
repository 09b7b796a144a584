"""Every public figure against the hand-computed dataset in conftest.py."""

import pytest

from layani.directory.models import Category, Region
from layani.transparency import selectors
from layani.transparency.tests.conftest import NOW


def test_totals_count_every_privacy_tier_but_not_archived_reports(dataset):
    data = selectors.overview(NOW)
    # r1-r5 and r7 (r3 is rahasia and counts); r6 is archived.
    assert (data.total, data.closed, data.open) == (6, 3, 3)


def test_volume_by_main_category_region_and_month(dataset):
    infra = Category.objects.get(code="infrastruktur").name
    health = Category.objects.get(code="kesehatan").name
    assert selectors.volume_by_category() == [(infra, 4), (health, 2)]
    assert selectors.volume_by_region() == [(Region.objects.get(code="34.04").name, 6)]
    assert selectors.volume_by_month() == [("2026-08", 1), ("2026-09", 5)]


def test_time_to_first_follow_up_in_working_days(dataset):
    # r1 1.0, r2 3.0, r3 0.5 (the earliest follow-up of any agency on the case)
    duration = selectors.time_to_first_follow_up()
    assert duration.n == 3
    assert duration.median == pytest.approx(1.0)
    assert duration.p90 == pytest.approx(2.6)


def test_time_to_closure_in_working_days(dataset):
    # r1 3.0, r2 4.0, r3 1.0
    duration = selectors.time_to_closure()
    assert (duration.n, duration.median, duration.p90) == (
        3,
        pytest.approx(3.0),
        pytest.approx(3.8),
    )


def test_working_days_skip_the_weekend(dataset):
    from layani.transparency.tests.conftest import at

    # Fri 14:00 to Mon 10:00: 2 hours on Friday + 2 on Monday = 0.5 working day.
    assert selectors.working_days("34.04", "Asia/Jakarta", at(11, 14), at(14, 10)) == 0.5


def test_on_time_share_counts_only_settled_tasks(dataset):
    # settled: PU r1 (on time), Dinkes r1 (on time), PU r2 (late), Dinkes r3 (on time),
    # Dinkes r4 (overdue); PU r5 is still inside its deadline; r6 is archived.
    rate = selectors.on_time_rate(NOW)
    assert (rate.hits, rate.n) == (3, 5)
    assert (rate.low, rate.high) == (
        pytest.approx(0.2307, abs=1e-4),
        pytest.approx(0.8824, abs=1e-4),
    )


def test_satisfaction_mean_and_distribution(dataset):
    result = selectors.satisfaction()
    assert result.n == 3
    assert result.mean == pytest.approx(4.0)  # (5 + 3 + 4) / 3
    assert result.distribution == [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1)]


def test_reopen_rate_over_cases_brought_to_closure(dataset):
    rate = selectors.reopen_rate()
    assert (rate.hits, rate.n) == (1, 3)  # r2 of r1, r2, r3
    assert rate.value == pytest.approx(1 / 3)
