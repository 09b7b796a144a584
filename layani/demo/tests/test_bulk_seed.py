"""`layani seed`: bulk synthetic history with identities, cases and tasks, all well-formed."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from layani.cases.models import (
    ACTIVE_TASK_STATUSES,
    Case,
    CaseMessage,
    MessageKind,
    Task,
    TaskRole,
)
from layani.demo.deployment import build_organisations
from layani.intake.models import PrivacyTier, Report, ReporterIdentity, ReportStatus
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


def test_seeded_rows_cover_every_tier_and_stage_and_leave_the_ids_usable(
    regions, categories, capsys
):
    build_organisations()
    call_command("seed", reports=600, batch_size=250, seed=3, verbosity=0)
    now = timezone.now()
    reports = Report.objects.all()
    assert set(reports.values_list("privacy", flat=True)) == set(PrivacyTier.values)
    # Datetimes are stored as the ORM stores them: comparisons and ranges work.
    assert reports.filter(submitted_at__lte=now).count() == 600
    assert reports.filter(submitted_at__gte=now - timedelta(days=3 * 365 + 1)).count() == 600
    oldest = reports.order_by("submitted_at").first()
    assert oldest is not None and oldest.submitted_at < now - timedelta(days=365)
    # Every task belongs to a handled case; open lead tasks are pending or accepted, at most one.
    handled = (ReportStatus.IN_PROGRESS, ReportStatus.CLOSURE_PROPOSED, ReportStatus.CLOSED)
    assert not Task.objects.exclude(case__report__status__in=handled).exists()
    open_leads = Task.objects.filter(role=TaskRole.LEAD, status__in=ACTIVE_TASK_STATUSES)
    assert open_leads.exists()
    assert not open_leads.exclude(case__report__status=ReportStatus.IN_PROGRESS).exists()
    follow_ups = CaseMessage.objects.filter(kind=MessageKind.PUBLIC_FOLLOW_UP)
    assert follow_ups.exists()
    assert not follow_ups.filter(created_at__gt=now).exists()
    merged = Case.objects.filter(report__status=ReportStatus.MERGED, merged_into__isnull=False)
    assert not merged.filter(merged_into__status=ReportStatus.MERGED).exists()
    assert not Case.objects.filter(report__status=ReportStatus.CLOSED, outcome="").exists()
    # Explicit ids leave the sequences ready for the application's own inserts.
    case = Case.objects.filter(lead_agency__isnull=False).first()
    assert case is not None
    note = CaseMessage.objects.create(case=case, kind=MessageKind.INTERNAL_NOTE, body="cek")
    assert note.pk > max(follow_ups.values_list("pk", flat=True))
    # Seeding again continues after the first run's rows, with new tracking IDs.
    call_command("seed", reports=50, seed=3, verbosity=0)
    assert Report.objects.count() == 650
    assert Report.objects.values("tracking_id").distinct().count() == 650


def test_seed_explains_what_is_missing(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Load regions"):
        call_command("seed", reports=10, verbosity=0)


def test_generating_in_a_second_process_writes_the_same_rows(regions, categories):
    from django.db import transaction

    from layani.cases.models import CaseMessage
    from layani.demo.bulk import seed_reports

    build_organisations()
    now = timezone.now()

    def run(parallel: bool) -> tuple[list[tuple[str, str, str, str, datetime, str]], int, int]:
        with transaction.atomic():
            assert seed_reports(120, seed=9, batch_size=25, now=now, parallel=parallel) == 120
            rows = list(
                Report.objects.order_by("pk").values_list(
                    "tracking_id", "status", "privacy", "title", "submitted_at", "region_id"
                )
            )
            counts = (Task.objects.count(), CaseMessage.objects.count())
            transaction.set_rollback(True)
        return rows, *counts

    inline, forked = run(parallel=False), run(parallel=True)
    assert len(inline[0]) == 120
    assert forked == inline


def test_seed_refuses_a_batch_size_below_one(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("seed", reports=10, batch_size=0, verbosity=0)
