"""The pure formulas against values worked out by hand (and published reference values)."""

import pytest

from layani.transparency.stats import indirectly_standardise, percentile, wilson


def test_percentile_interpolates_between_closest_ranks():
    assert percentile([3.0, 0.5, 1.0], 50) == 1.0
    # position (3 - 1) * 0.9 = 1.8: 1.0 + 0.8 * (3.0 - 1.0)
    assert percentile([0.5, 1.0, 3.0], 90) == pytest.approx(2.6)
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([], 50) is None


def test_wilson_interval_matches_reference_values():
    rate = wilson(3, 5)
    assert rate.value == 0.6
    assert (rate.low, rate.high) == (
        pytest.approx(0.2307, abs=1e-4),
        pytest.approx(0.8824, abs=1e-4),
    )
    # The textbook interval would be [0, 0] here; Wilson's upper bound for 0/10 is 0.2775.
    zero = wilson(0, 10)
    assert zero.low == 0.0
    assert zero.high == pytest.approx(0.2775, abs=1e-4)


def test_wilson_of_nothing_is_no_figure_rather_than_zero():
    assert wilson(0, 0).value is None


def test_indirect_standardisation_judges_an_agency_on_its_own_category_mix():
    reference = {"jalan": (2, 3), "kesehatan": (1, 2)}  # 3 of 5 on time overall
    result = indirectly_standardise({"jalan": (1, 1), "kesehatan": (1, 2)}, reference)
    # E = 1 * 2/3 + 2 * 1/2 = 5/3; O = 2; O/E = 1.2; adjusted = 1.2 * 0.6
    assert result.expected == pytest.approx(5 / 3)
    assert result.ratio == pytest.approx(1.2)
    assert result.adjusted == pytest.approx(0.72)


def test_adjusted_rate_is_capped_at_one():
    result = indirectly_standardise({"a": (1, 1)}, {"a": (1, 10), "b": (9, 10)})
    assert result.ratio == pytest.approx(10.0)
    assert result.adjusted == 1.0


def test_percentile_of_a_histogram_equals_the_percentile_of_its_values():
    from layani.transparency.stats import histogram_percentile

    # [0.5, 1.0, 1.0, 3.0]: position 0.9 * 3 = 2.7 -> 1.0 + 0.7 * 2.0 = 2.4; median 1.0
    histogram = [(0.5, 1), (1.0, 2), (3.0, 1)]
    assert histogram_percentile(histogram, 50) == 1.0
    assert histogram_percentile(histogram, 90) == pytest.approx(2.4)
    assert histogram_percentile(histogram, 100) == 3.0
    assert histogram_percentile([(2.0, 1)], 90) == 2.0
    assert histogram_percentile([], 50) is None
    assert histogram_percentile(histogram, 90) == pytest.approx(
        percentile([0.5, 1.0, 1.0, 3.0], 90)
    )
