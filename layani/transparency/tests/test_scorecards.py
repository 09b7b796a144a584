"""Fair agency comparison: the minimum-case rule, Wilson intervals, category-mix adjustment."""

import pytest

from layani.transparency.scorecards import scorecards
from layani.transparency.tests.conftest import NOW

# Reference per main category: infrastruktur 2 of 3 on time, kesehatan 1 of 2; overall 3 of 5.
# PU: infrastruktur 1 of 2. E = 2 * 2/3 = 4/3, O/E = 0.75, adjusted = 0.75 * 0.6 = 0.45.
# Dinkes: infrastruktur 1 of 1, kesehatan 1 of 2. E = 2/3 + 1 = 5/3, O/E = 1.2, adjusted = 0.72.


def by_slug(cards):
    return {c.agency.slug: c for c in cards}


def test_no_agency_is_ranked_below_the_default_minimum_of_20(dataset):
    cards = scorecards(NOW)
    assert [c.ranked for c in cards] == [False, False]
    assert [c.agency.slug for c in cards] == ["dinkes-sleman", "dpupkp-sleman"]  # by name


def test_only_agencies_with_enough_cases_are_ranked(dataset, settings):
    settings.TRANSPARENCY_MIN_CASES = 3
    cards = by_slug(scorecards(NOW))
    assert (cards["dinkes-sleman"].ranked, cards["dinkes-sleman"].rank) == (True, 1)
    assert (cards["dpupkp-sleman"].ranked, cards["dpupkp-sleman"].rank) == (False, None)


def test_ranking_follows_the_category_adjusted_rate(dataset, settings):
    settings.TRANSPARENCY_MIN_CASES = 2
    cards = scorecards(NOW)
    assert [(c.agency.slug, c.rank) for c in cards] == [("dinkes-sleman", 1), ("dpupkp-sleman", 2)]
    pu, dinkes = by_slug(cards)["dpupkp-sleman"], by_slug(cards)["dinkes-sleman"]
    assert (pu.on_time.hits, pu.on_time.n) == (1, 2)
    assert pu.expected_rate == pytest.approx(2 / 3)
    assert pu.standardised.ratio == pytest.approx(0.75)
    assert pu.standardised.adjusted == pytest.approx(0.45)
    assert (dinkes.on_time.hits, dinkes.on_time.n) == (2, 3)
    assert dinkes.expected_rate == pytest.approx(5 / 9)
    assert dinkes.standardised.ratio == pytest.approx(1.2)
    assert dinkes.standardised.adjusted == pytest.approx(0.72)


def test_satisfaction_and_reopening_are_over_the_cases_an_agency_led(dataset):
    cards = by_slug(scorecards(NOW))
    pu, dinkes = cards["dpupkp-sleman"], cards["dinkes-sleman"]
    assert (pu.satisfaction.n, pu.satisfaction.mean) == (2, pytest.approx(4.0))
    assert (pu.reopen.hits, pu.reopen.n) == (1, 2)
    assert (dinkes.satisfaction.n, dinkes.satisfaction.mean) == (1, pytest.approx(4.0))
    assert (dinkes.reopen.hits, dinkes.reopen.n) == (0, 1)
