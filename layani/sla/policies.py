"""Which service policy applies: the most specific row wins, built-in defaults when none matches.

Precedence, most specific first (docs/decisions/0011-service-policies-and-the-sweep.md):

1. agency + sub-category
2. agency + main category
3. sub-category (any agency)
4. main category (any agency)
5. agency (any category)
6. the default row (neither)

Category beats agency because many deadlines are tied by law to the kind of request (an
information request has its statutory period whoever handles it), while an agency-wide row
expresses that agency's general service standard. Within one of these levels a row for the
report's own service class beats a row for every class (resolution stage only). The winning row
is used whole: its working days, its reminder lead and its second escalation step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import ServicePolicy, Stage
from .service_classes import DEFAULT_RESOLUTION_DAYS, ServiceClass

#: The SP4N-LAPOR! defaults per stage, used when no policy row matches (e.g. an empty table).
DEFAULT_STAGE_DAYS: dict[str, int] = {
    Stage.VERIFICATION: 3,
    Stage.FIRST_FOLLOW_UP: 5,
    Stage.SILENCE: 10,
}
DEFAULT_REMIND_DAYS_BEFORE = 1
DEFAULT_SECOND_ESCALATION_AFTER_DAYS = 3


@dataclass(frozen=True)
class Policy:
    """The effective rule for one stage of one report or task."""

    working_days: int
    remind_days_before: int = DEFAULT_REMIND_DAYS_BEFORE
    second_escalation_after_days: int = DEFAULT_SECOND_ESCALATION_AFTER_DAYS
    source_id: int | None = None  # the ServicePolicy row, None for the built-in default


def default_policy(stage: str, service_class: str = "") -> Policy:
    """The built-in rule for a stage (and service class for resolution)."""
    if stage == Stage.RESOLUTION:
        days = DEFAULT_RESOLUTION_DAYS.get(
            service_class, DEFAULT_RESOLUTION_DAYS[ServiceClass.NORMATIF]
        )
        return Policy(days)
    return Policy(DEFAULT_STAGE_DAYS[stage])


def _rank(row: ServicePolicy, category_codes: Sequence[str], agency_slug: str) -> tuple[int, int]:
    """Lower is more specific. ``category_codes`` lists the sub-category first, then its parent."""
    depth = len(category_codes)
    if row.category_code:
        level = category_codes.index(row.category_code)
        scope = level if row.agency_slug else depth + level
    else:
        scope = 2 * depth if row.agency_slug else 2 * depth + 1
    return scope, 0 if row.service_class else 1


def most_specific(
    rows: Iterable[ServicePolicy], category_codes: Sequence[str], agency_slug: str = ""
) -> ServicePolicy | None:
    """The most specific of ``rows`` (already filtered to those that apply), or None."""
    return min(rows, key=lambda row: _rank(row, category_codes, agency_slug), default=None)


def resolve_policy(
    stage: str,
    *,
    service_class: str = "",
    category_codes: Sequence[str] = (),
    agency_slug: str = "",
) -> Policy:
    """The policy for ``stage`` of a report in ``category_codes`` (sub-category first, then main
    category) handled by ``agency_slug``; see the module docstring for precedence."""
    codes = [code for code in category_codes if code]
    rows = ServicePolicy.objects.filter(
        stage=stage,
        category_code__in=[*codes, ""],
        agency_slug__in=list({agency_slug, ""}),
        service_class__in=list({service_class, ""}) if stage == Stage.RESOLUTION else [""],
    )
    best = most_specific(rows, codes, agency_slug)
    if best is None:
        return default_policy(stage, service_class)
    return Policy(
        best.working_days,
        best.remind_days_before,
        best.second_escalation_after_days,
        source_id=best.pk,
    )
