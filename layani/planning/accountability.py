"""What became of the aspirations, per region and year: the public accountability figures.

For a planning year Y and a region, the aspirations counted are those behind Y's proposals and
those still waiting that were submitted in Y − 1 (the year the Musrenbang for Y is held). Of them:
how many are behind a proposal, reached the RKPD, were funded in the APBD, were built. Shares
carry a Wilson 95 % interval and are shown only from the scorecards' minimum count
(`transparency.scorecards.minimum_cases`, TRANSPARENCY_MIN_CASES): the same fairness rule and
methods page as the agency scorecards. Confidential aspirations count in totals; no row names one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from layani.directory.models import Region
from layani.intake.models import Report, ReportStatus, ReportType
from layani.transparency.scorecards import minimum_cases
from layani.transparency.stats import Rate, wilson

from .models import PlanningYear, ProposalReport, Status
from .selectors import within
from .workflow import PROGRESS


@dataclass(frozen=True)
class Row:
    region: Region
    aspirations: int
    proposals: int
    rkpd: int
    apbd: int
    built: int
    shown: bool  # False: fewer aspirations than the minimum, so no shares

    def share(self, hits: int) -> Rate:
        return wilson(hits, self.aspirations)

    @property
    def cells(self) -> list[tuple[int, tuple[float, float, float] | None]]:
        """(count, (share, low, high) in percent or None) for proposals, RKPD, APBD, built."""
        out: list[tuple[int, tuple[float, float, float] | None]] = []
        for hits in (self.proposals, self.rkpd, self.apbd, self.built):
            rate = self.share(hits)
            if rate.value is None or rate.low is None or rate.high is None:
                out.append((hits, None))
            else:
                out.append((hits, (100 * rate.value, 100 * rate.low, 100 * rate.high)))
        return out

    @property
    def proposal_rate(self) -> Rate:
        return self.share(self.proposals)

    @property
    def rkpd_rate(self) -> Rate:
        return self.share(self.rkpd)

    @property
    def apbd_rate(self) -> Rate:
        return self.share(self.apbd)

    @property
    def built_rate(self) -> Rate:
        return self.share(self.built)


def _counts(region_code: str, year: PlanningYear, depth: int) -> dict[str, list[int]]:
    """region prefix (codes cut to `depth` parts) → [aspirations, proposals, rkpd, apbd, built]."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])

    def key(code: str) -> str:
        return ".".join(code.split(".")[:depth])

    links = ProposalReport.objects.filter(
        _report_within(region_code),
        proposal__planning_year=year,
        report__type=ReportType.ASPIRATION,
    )
    for code, status in links.values_list("report__region_id", "proposal__status"):
        row = out[key(code)]
        row[0] += 1
        row[1] += 1
        progress = PROGRESS.get(status, -1)
        row[2] += progress >= PROGRESS[Status.IN_RKPD]
        row[3] += progress >= PROGRESS[Status.FUNDED]
        row[4] += status == Status.DONE
    waiting = (
        Report.objects.filter(
            within(region_code),
            type=ReportType.ASPIRATION,
            planning_link__isnull=True,
            submitted_at__year=year.year - 1,
        )
        .exclude(status__in=[ReportStatus.ARCHIVED, ReportStatus.MERGED])
        .values_list("region_id", flat=True)
    )
    for code in waiting:
        out[key(code)][0] += 1
    return out


def _report_within(region_code: str) -> Q:
    return Q(report__region_id=region_code) | Q(report__region__code__startswith=f"{region_code}.")


def figures(region: Region, year: PlanningYear) -> tuple[Row, list[Row]]:
    """The region's total and one row per sub-region (kecamatan of a regency, desa of a kecamatan)."""
    depth = region.code.count(".") + 2
    counts = _counts(region.code, year, depth)
    minimum = minimum_cases()
    children = {r.code: r for r in Region.objects.filter(parent=region)}
    rows = []
    for code, sub in sorted(children.items(), key=lambda kv: kv[1].name):
        c = counts.get(code, [0, 0, 0, 0, 0])
        rows.append(_row(sub, c, minimum))
    total = [sum(c[i] for c in counts.values()) for i in range(5)]
    return _row(region, total, minimum), rows


def _row(region: Region, c: list[int], minimum: int) -> Row:
    return Row(region, c[0], c[1], c[2], c[3], c[4], shown=c[0] >= minimum)
