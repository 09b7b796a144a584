"""`layani seed`: bulk synthetic history with identities, cases and tasks, all well-formed."""

import pytest
from django.core.management import call_command

from layani.cases.models import Case, Task
from layani.demo.deployment import build_organisations
from layani.intake.models import Report, ReporterIdentity, ReportStatus
from layani.intake.tracking import normalize_tracking_id

pytestmark = pytest.mark.django_db


def test_seed_writes_reports_with_identities_cases_and_tasks(regions, categories, capsys):
    build_organisations()
    call_command("seed", reports=300, batch_size=128, verbosity=0)
    assert "300 reports" in capsys.readouterr().out
    reports = Report.objects.all()
    assert reports.count() == 300
    assert ReporterIdentity.objects.count() == 300
    ids = list(reports.values_list("tracking_id", flat=True))
    assert all(normalize_tracking_id(t) == t for t in ids)
    handled = reports.filter(status__in=[ReportStatus.IN_PROGRESS, ReportStatus.CLOSED])
    assert handled.exists()
    assert not handled.exclude(pk__in=Task.objects.values("case_id")).exists()
    assert not reports.filter(
        status=ReportStatus.SUBMITTED, pk__in=Case.objects.values("pk")
    ).exists()
    assert len(set(reports.values_list("status", flat=True))) >= 6
    assert not reports.filter(status=ReportStatus.CLOSED, closed_at__isnull=True).exists()


def test_seed_explains_what_is_missing(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Load regions"):
        call_command("seed", reports=10, verbosity=0)
