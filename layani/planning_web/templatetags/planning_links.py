"""`{% planning_link report as link %}`: the proposal a report is behind, for _report_link.html."""

from __future__ import annotations

from django import template

from layani.intake.models import Report
from layani.planning.models import ProposalReport
from layani.planning.selectors import link_for_report

register = template.Library()


@register.simple_tag
def planning_link(report: Report) -> ProposalReport | None:
    return link_for_report(report) if isinstance(report, Report) else None
