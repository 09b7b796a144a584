"""Agency scorecards that compare fairly.

Three rules keep a league table honest: an agency is ranked only with enough settled cases
(``TRANSPARENCY_MIN_CASES``, default 20), every rate carries its Wilson 95% interval, and the
on-time rate is indirectly standardised for the agency's mix of main categories — an agency given
only the hard problems is compared with how the whole deployment fares on those same problems.

Every figure is read from the rollups (``published.py``), not from the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from layani.directory.models import Agency

from .published import agency_counters, deadline_strata, reopen_of, satisfaction_of
from .selectors import Satisfaction
from .stats import Rate, Standardised, indirectly_standardise, wilson


def minimum_cases() -> int:
    """Settled cases an agency needs before it is ranked (a deployment setting)."""
    return int(getattr(settings, "TRANSPARENCY_MIN_CASES", 20))


@dataclass(frozen=True)
class Scorecard:
    """One agency's figures; ``rank`` is None when it has fewer than the minimum cases."""

    agency: Agency
    on_time: Rate
    expected_rate: float | None
    standardised: Standardised
    satisfaction: Satisfaction
    reopen: Rate
    ranked: bool
    rank: int | None = None


def scorecards(now: datetime | None = None) -> list[Scorecard]:
    """Every agency with at least one settled task: ranked ones first by observed/expected (the
    adjusted rate's order, without ties where the adjusted rate hits its 100% cap), then the
    rest by name. Satisfaction and reopening are over the cases the agency led."""
    now = now or timezone.now()
    strata = deadline_strata(now)
    reference: dict[str, tuple[int, int]] = {}
    for per_category in strata.values():
        for code, (hits, n) in per_category.items():
            old_hits, old_n = reference.get(code, (0, 0))
            reference[code] = (old_hits + hits, old_n + n)
    minimum = minimum_cases()
    cards = []
    counters = agency_counters(list(strata))
    for agency in Agency.objects.filter(pk__in=strata.keys()):
        counts = strata[agency.pk]
        std = indirectly_standardise(counts, reference)
        cards.append(
            Scorecard(
                agency=agency,
                on_time=wilson(std.observed, std.n),
                expected_rate=std.expected / std.n if std.n else None,
                standardised=std,
                satisfaction=satisfaction_of(counters.get(agency.pk)),
                reopen=reopen_of(counters.get(agency.pk)),
                ranked=std.n >= minimum and std.adjusted is not None,
            )
        )
    ranked = sorted(
        (c for c in cards if c.ranked),
        key=lambda c: (-(c.standardised.ratio or 0.0), c.agency.name.casefold()),
    )
    unranked = sorted((c for c in cards if not c.ranked), key=lambda c: c.agency.name.casefold())
    numbered = [replace(card, rank=position) for position, card in enumerate(ranked, start=1)]
    return numbered + unranked


__all__ = ["Scorecard", "minimum_cases", "scorecards"]
