"""The demo deployment is believable: every role staffed, a working matrix, varied reports."""

import pytest
from django.core.management import call_command

from layani.accounts.models import Membership, Role
from layani.demo.deployment import build_organisations
from layani.demo.reports import generate_reports
from layani.directory.models import Agency, GovernmentLevel, Unit
from layani.directory.selectors import responsible_agency
from layani.intake.models import Channel, PrivacyTier, Report, ReporterIdentity, ReportStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(regions, categories):
    logins = build_organisations()
    generate_reports(400, seed=7)
    return logins


def test_agencies_at_every_level_with_units_and_every_role_staffed(demo):
    assert Agency.objects.count() >= 15
    levels = set(Agency.objects.values_list("level", flat=True))
    assert levels == set(GovernmentLevel.values)
    assert not Agency.objects.filter(units__isnull=True).exists()
    assert Unit.objects.count() >= 2 * Agency.objects.count()
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert len(demo) == Membership.objects.count()


def test_matrix_finds_a_lead_agency_for_every_demo_report(demo):
    missing = [
        r.tracking_id
        for r in Report.objects.select_related("category__parent")
        if responsible_agency(r.category, r.region_id) is None
    ]
    # Village-government reports outside the two demo villages have no village agency: the
    # coordinator decides those by hand, as in a real deployment.
    village_only = Report.objects.filter(category__parent__code="pemerintahan-desa").count()
    assert len(missing) <= village_only


def test_reports_spread_over_categories_regions_tiers_channels_and_stages(demo):
    reports = Report.objects.all()
    assert reports.count() == 400
    assert reports.values("category__parent").distinct().count() >= 12
    assert reports.values("region__parent__parent").distinct().count() == 5  # all regencies
    assert set(reports.values_list("privacy", flat=True)) == set(PrivacyTier.values)
    assert len(set(reports.values_list("channel", flat=True))) >= 6
    assert len(set(reports.values_list("status", flat=True))) >= 7
    assert set(reports.values_list("channel", flat=True)) <= set(Channel.values)
    descriptions = list(reports.values_list("description", flat=True))
    assert len(set(descriptions)) >= 395
    closed = reports.filter(status=ReportStatus.CLOSED)
    assert not closed.filter(closed_at__isnull=True).exists()


def test_every_report_has_an_identity_row_and_some_anonymous_ones_are_empty(demo):
    assert ReporterIdentity.objects.count() == 400
    empty = ReporterIdentity.objects.filter(name="", phone="", email="")
    assert empty.exists()
    assert not empty.exclude(
        report__privacy__in=[PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA]
    ).exists()


def test_seed_demo_refuses_a_database_that_already_has_agencies(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", reports=1, verbosity=0)
