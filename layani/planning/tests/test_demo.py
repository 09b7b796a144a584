"""The demo's planning year has a proposal at every status, built through the services."""

from layani.audit.verify import verify_chain
from layani.demo.deployment import build_organisations
from layani.demo.planning import build_planning_year
from layani.planning.models import Status


def test_demo_planning_year_covers_every_status(regions, categories):
    build_organisations()
    year = build_planning_year(2027)
    assert year is not None
    statuses = set(year.proposals.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert verify_chain().problem is None
