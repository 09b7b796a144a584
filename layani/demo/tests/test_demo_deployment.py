"""The demo deployment is believable: every role staffed, a working matrix, varied reports played
through the real workflow. (Building it takes seconds, so each test checks a whole area.)"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from layani.accounts.models import Membership, Role
from layani.audit.verify import verify_chain
from layani.cases.models import Case, Task
from layani.demo.deployment import build_organisations
from layani.demo.reports import generate_reports
from layani.directory.models import Agency, GovernmentLevel, Unit
from layani.directory.selectors import responsible_agency
from layani.intake.models import Channel, PrivacyTier, Report, ReporterIdentity, ReportStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(regions, categories):
    logins = build_organisations()
    generate_reports(150, seed=7)
    return logins


def test_organisations_staff_and_matrix(demo):
    assert Agency.objects.count() >= 15
    assert set(Agency.objects.values_list("level", flat=True)) == set(GovernmentLevel.values)
    assert not Agency.objects.filter(units__isnull=True).exists()
    assert Unit.objects.count() >= 2 * Agency.objects.count()
    # The planning officer comes with the planning year (layani/demo/planning.py).
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values) - {Role.PLANNER}
    assert len(demo) == Membership.objects.count()
    # The matrix finds a lead for every report, except village-government topics outside the two
    # demo villages: the coordinator decides those by hand, as in a real deployment.
    missing = [
        r.tracking_id
        for r in Report.objects.select_related("category__parent")
        if responsible_agency(r.category, r.region_id) is None
    ]
    village_only = Report.objects.filter(category__parent__code="pemerintahan-desa").count()
    assert len(missing) <= village_only


def test_reports_are_varied_and_played_through_the_workflow(demo):
    reports = Report.objects.all()
    assert reports.count() == 150
    assert reports.values("category__parent").distinct().count() >= 10
    assert reports.values("region__parent__parent").distinct().count() == 5  # all regencies
    assert set(reports.values_list("privacy", flat=True)) == set(PrivacyTier.values)
    assert len(set(reports.values_list("channel", flat=True))) >= 6
    assert set(reports.values_list("channel", flat=True)) <= set(Channel.values)
    assert len(set(reports.values_list("status", flat=True))) >= 6
    assert len(set(reports.values_list("description", flat=True))) >= 147
    # Every report has an identity row; only anonymous reporters may leave it empty.
    assert ReporterIdentity.objects.count() == 150
    empty = ReporterIdentity.objects.filter(name="", phone="", email="")
    assert not empty.exclude(
        report__privacy__in=[PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA]
    ).exists()
    # Stages are real: tasks behind handled reports, outcomes and ratings behind closed ones.
    in_progress = reports.filter(status=ReportStatus.IN_PROGRESS)
    assert in_progress.exists()
    assert not in_progress.exclude(pk__in=Task.objects.values("case_id")).exists()
    closed = Case.objects.filter(report__status=ReportStatus.CLOSED)
    assert closed.exists() and not closed.filter(outcome="").exists()
    assert closed.filter(rating__isnull=False).exists()
    assert not reports.filter(status=ReportStatus.CLOSED, closed_at__isnull=True).exists()
    assert verify_chain().ok


def test_seed_demo_refuses_a_database_that_already_has_agencies(cast):
    with pytest.raises(CommandError):
        call_command("seed_demo", reports=1, verbosity=0)


def test_the_demo_admin_has_the_demo_authenticator_key(regions, categories):
    """The Django admin asks for the second factor, so the demo's admin is enrolled like the
    coordinators are, with the key `demo_up` prints."""
    from layani.accounts.models import User
    from layani.demo.organisations import DEMO_TOTP_SECRET
    from layani.security.models import TotpDevice

    call_command("seed_demo", reports=1, verbosity=0)
    admin = User.objects.get(username="admin")
    device = TotpDevice.objects.get(user=admin)
    assert device.secret == DEMO_TOTP_SECRET and device.confirmed_at is not None
