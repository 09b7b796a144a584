"""The arithmetic behind the public figures, kept pure so every formula is tested by hand.

No Django, no database: the selectors gather numbers, these functions turn them into figures. The
methods page (templates/transparency/methods.html) states the same formulas in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: z for a two-sided 95% interval.
Z95 = 1.959963984540054


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0..100) by linear interpolation between closest ranks.

    The same definition as spreadsheets' PERCENTILE.INC and numpy's default, so that anyone can
    check a published figure with the open data: position ``(n - 1) * p / 100`` in sorted order.
    """
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def histogram_percentile(histogram: Sequence[tuple[float, int]], p: float) -> float | None:
    """``percentile`` of the values a histogram stands for, without expanding it.

    ``histogram`` is ``(value, count)`` pairs sorted by value; the result equals
    ``percentile([value repeated count times ...], p)``.
    """
    n = sum(count for _, count in histogram)
    if n == 0:
        return None
    position = (n - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, n - 1)
    values: dict[int, float] = {}
    seen = 0
    for value, count in histogram:
        for rank in (low, high):
            if seen <= rank < seen + count:
                values[rank] = value
        seen += count
        if high in values:
            break
    return values[low] + (values[high] - values[low]) * (position - low)


@dataclass(frozen=True)
class Rate:
    """A share with its count and Wilson 95% interval; ``value`` is None when ``n`` is 0."""

    hits: int
    n: int
    value: float | None
    low: float | None
    high: float | None


def wilson(hits: int, n: int, z: float = Z95) -> Rate:
    """The share ``hits / n`` with the Wilson score interval.

    Wilson rather than the textbook "p ± 1.96·SE" because that one collapses to zero width at 0%
    and 100% and leaves [0, 1] for small n — exactly the small agencies a fair comparison must not
    over-reward or over-punish.
    """
    if n <= 0:
        return Rate(hits, n, None, None, None)
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Rate(hits, n, p, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Standardised:
    """Indirect standardisation of one agency's rate against the deployment's rates per stratum."""

    observed: int
    expected: float
    n: int
    ratio: float | None
    adjusted: float | None


def indirectly_standardise(
    agency_counts: dict[str, tuple[int, int]], reference: dict[str, tuple[int, int]]
) -> Standardised:
    """Compare an agency with what the whole deployment achieves on the same mix of categories.

    ``agency_counts`` and ``reference`` map a stratum (a main category) to ``(hits, n)``. Expected
    hits = Σ n_agency(c) · p_all(c); ratio = observed / expected; adjusted rate = ratio · p_all,
    the deployment's crude rate, capped at 1. An agency handed only the hard categories is then
    judged against how everybody fares on those categories, not against the easy ones.
    """
    observed = sum(h for h, _ in agency_counts.values())
    n = sum(k for _, k in agency_counts.values())
    expected = 0.0
    for stratum, (_, k) in agency_counts.items():
        ref_hits, ref_n = reference.get(stratum, (0, 0))
        if ref_n:
            expected += k * ref_hits / ref_n
    total_hits = sum(h for h, _ in reference.values())
    total_n = sum(k for _, k in reference.values())
    if not expected or not total_n:
        return Standardised(observed, expected, n, None, None)
    ratio = observed / expected
    return Standardised(observed, expected, n, ratio, min(1.0, ratio * total_hits / total_n))
