"""Reading the planning cycle: proposals of a region, one proposal's history, links to reports."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from layani.audit.models import AuditEntry
from layani.audit.selectors import public_timeline
from layani.cases import presentation
from layani.directory.models import Region, RegionLevel
from layani.intake.models import Report

from .models import PlanningYear, Proposal, ProposalEvent, ProposalReport


def within(region_code: str) -> Q:
    """Rows whose `region` is the region or lies inside it."""
    return Q(region_id=region_code) | Q(region__code__startswith=f"{region_code}.")


def current_year() -> PlanningYear | None:
    return PlanningYear.objects.order_by("-year").first()


def proposals_in(region_code: str, year: PlanningYear | None = None) -> QuerySet[Proposal]:
    rows = Proposal.objects.filter(within(region_code))
    if year is not None:
        rows = rows.filter(planning_year=year)
    return rows.select_related("region", "agency", "category", "planning_year").order_by(
        "-priority", "code"
    )


def proposal(code: str) -> Proposal | None:
    return (
        Proposal.objects.filter(code=code.upper())
        .select_related("region", "agency", "category", "planning_year", "merged_into")
        .first()
    )


def history(proposal: Proposal) -> QuerySet[ProposalEvent]:
    return proposal.events.order_by("occurred_at", "pk")


def audit_trail(proposal: Proposal) -> QuerySet[AuditEntry]:
    return public_timeline("proposal", proposal.code)


@dataclass(frozen=True)
class LinkedReport:
    tracking_id: str
    display_id: str
    title: str
    kind: str


def public_reports_behind(proposal: Proposal) -> list[LinkedReport]:
    """The public reports behind a proposal, titles as the public may read them."""
    links = proposal.links.select_related("report").order_by("report__submitted_at")
    found = []
    for link in links:
        r = link.report
        if not r.is_public:
            continue
        title = presentation.text(presentation.Audience.PUBLIC, r.privacy, r.title)
        found.append(LinkedReport(r.tracking_id, r.display_tracking_id, title, link.kind))
    return found


def citizens_behind(proposal: Proposal) -> int:
    return proposal.links.count()


def link_for_report(report: Report) -> ProposalReport | None:
    return (
        ProposalReport.objects.filter(report=report)
        .select_related("proposal", "proposal__planning_year")
        .first()
    )


def planning_regions() -> QuerySet[Region]:
    """Regencies/cities with aspirations or proposals: the index of the public pages."""
    codes = set(Proposal.objects.values_list("region_id", flat=True))
    codes |= set(
        Report.objects.filter(type="aspirasi").public().values_list("region_id", flat=True)[:5000]
    )
    regencies = {".".join(c.split(".")[:2]) for c in codes if c.count(".") >= 1}
    return Region.objects.filter(code__in=regencies, level=RegionLevel.REGENCY).order_by("name")


def sub_regions(region: Region) -> QuerySet[Region]:
    return Region.objects.filter(parent=region).order_by("name")
