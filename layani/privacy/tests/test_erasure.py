"""The retention job and erasure on request: what is erased, what is kept, and what still verifies."""

from __future__ import annotations

import json
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from layani.audit.models import AuditEntry
from layani.audit.verify import verify_chain
from layani.intake.models import Attachment, Report, ReporterIdentity
from layani.notifications.models import Notification
from layani.privacy.erasure import erase_expired, erase_report
from layani.privacy.models import ErasureBasis, ReportPrivacy, SubjectRequest
from layani.privacy.requests import set_legal_hold
from layani.transparency import selectors as stats

from .helpers import CANARIES, EMAIL, NAME, canary_report, close

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _scan_database() -> list[tuple[str, str]]:
    """Every (table, canary) where a canary value sits in any column of any table, read raw."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # The table names come from the database's own catalogue, quoted; no input reaches SQL.
            query = f"SELECT * FROM {connection.ops.quote_name(table)}"  # noqa: S608  # nosec B608
            cursor.execute(query)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes):
                        value = bytes(value).decode("utf-8", "replace")
                    elif isinstance(value, dict | list):  # JSON columns, decoded by PostgreSQL
                        value = json.dumps(value, ensure_ascii=False)
                    if not isinstance(value, str):
                        continue
                    found += [(table, c) for c in CANARIES if c in value]
    return sorted(set(found))


def _public_figures() -> tuple:
    return (
        stats.counted_reports().count(),
        stats.volume_by_category(),
        stats.volume_by_region(),
        stats.volume_by_month(),
        stats.time_to_closure(),
        stats.satisfaction(),
        stats.reopen_rate(),
    )


def test_after_erasure_no_canary_is_left_the_chain_verifies_and_statistics_hold(
    team, django_capture_on_commit_callbacks
):
    reports = [
        close(team, canary_report(team, privacy=p), years_ago=6, comment=f"Puas. {NAME}")
        for p in ("biasa", "anonim", "rahasia", "anonim_rahasia")
    ]
    files = [a.file.path for a in Attachment.objects.filter(report__in=reports)]
    assert len(files) == 4 and all(os.path.exists(f) for f in files)
    # The scan is real: before erasure it finds the canaries where they were put.
    before = _scan_database()
    tables = {t for t, _ in before}
    assert {
        "intake_reporteridentity",
        "intake_report",
        "cases_case",
        "cases_casemessage",
        "notifications_notification",
    } <= tables
    figures = _public_figures()

    with django_capture_on_commit_callbacks(execute=True):  # the files go after the commit
        result = erase_expired()

    assert sorted(e.tracking_id for e in result.erased) == sorted(r.tracking_id for r in reports)
    assert _scan_database() == []
    assert not any(os.path.exists(f) for f in files)
    assert verify_chain().ok
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "OK" in out.getvalue() or "ok" in out.getvalue().lower()
    assert _public_figures() == figures
    assert Report.objects.count() == 4
    entries = AuditEntry.objects.filter(action="privacy.erased").order_by("sequence")
    assert [e.object_ref for e in entries] == [r.tracking_id for r in reports]
    assert entries[0].payload == {
        "basis": "retention",
        "request": None,
        "identity": True,
        "attachments": 1,
        "texts": entries[0].payload["texts"],
        "notifications": entries[0].payload["notifications"],
        "conversations": 0,
    }
    assert entries[0].payload["texts"] >= 4  # title, description, follow-up, internal note


def test_only_finished_reports_past_retention_and_not_held_are_erased(team):
    old = close(team, canary_report(team), years_ago=6)
    recent = close(team, canary_report(team), years_ago=4)
    still_open = canary_report(team)
    Report.objects.filter(pk=still_open.pk).update(
        submitted_at=old.closed_at, updated_at=old.closed_at
    )
    held = close(team, canary_report(team), years_ago=7)
    set_legal_hold(held, held=True, handled_by=team.coordinator, reason="Sengketa di PTUN")

    dry = erase_expired(dry_run=True)
    assert dry.due == 1 and dry.erased == []
    assert ReporterIdentity.objects.count() == 4

    result = erase_expired()

    assert [e.tracking_id for e in result.erased] == [old.tracking_id]
    assert set(ReporterIdentity.objects.values_list("report_id", flat=True)) == {
        recent.pk,
        still_open.pk,
        held.pk,
    }
    state = ReportPrivacy.objects.get(report=old)
    assert state.erasure_basis == ErasureBasis.RETENTION and state.erased_at is not None
    # Idempotent: the next run finds nothing, and erasing again changes nothing.
    assert erase_expired().erased == []
    assert erase_report(old, basis=ErasureBasis.RETENTION) is None
    assert AuditEntry.objects.filter(action="privacy.erased").count() == 1


def test_the_job_works_in_batches_and_reports_progress(team, settings):
    settings.LAYANI_RETENTION_BATCH_SIZE = 2
    reports = [close(team, canary_report(team, attachment=False), years_ago=6) for _ in range(5)]
    seen = []
    result = erase_expired(progress=lambda done, total: seen.append((done, total)))
    assert len(result.erased) == 5
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert not ReporterIdentity.objects.filter(report__in=reports).exists()


def test_the_command_dry_run_changes_nothing_and_the_real_run_erases(team):
    report = close(team, canary_report(team, attachment=False), years_ago=6)
    out = StringIO()
    call_command("privacy", "erase-expired", "--dry-run", stdout=out, stderr=StringIO())
    assert "1 reports are past the retention period" in out.getvalue()
    assert ReporterIdentity.objects.filter(report=report).exists()
    out = StringIO()
    call_command("privacy", "erase-expired", stdout=out, stderr=StringIO())
    assert "1 reports erased" in out.getvalue()
    assert not ReporterIdentity.objects.filter(report=report).exists()


def test_reporter_notifications_lose_their_address(team):
    report = close(team, canary_report(team, attachment=False), years_ago=6)
    mine = Notification.objects.filter(recipient_ref=f"reporter:{report.tracking_id}")
    assert mine.exists()
    Notification.objects.filter(pk=mine.first().pk).update(address=EMAIL, status="pending")
    erase_expired()
    assert set(mine.values_list("address", flat=True)) == {""}


def test_erasure_on_request_covers_open_reports_skips_held_ones_and_is_audited(team):
    open_report = canary_report(team, attachment=False)
    held = close(team, canary_report(team, attachment=False), years_ago=1)
    set_legal_hold(held, held=True, handled_by=team.coordinator, reason="Pemeriksaan Inspektorat")
    other = canary_report(team, attachment=False, email="orang.lain@example.org", phone="", nik="")
    out = StringIO()
    call_command(
        "privacy",
        "erase-subject",
        "--actor",
        team.coordinator.username,
        "--phone",
        "+62 812-9876-5431",
        "--reason",
        "Permintaan langsung pelapor di loket",
        stdout=out,
    )
    assert "1 reports erased" in out.getvalue()
    assert held.display_tracking_id.replace("-", "") in out.getvalue().replace("-", "")
    assert not ReporterIdentity.objects.filter(report=open_report).exists()
    assert ReporterIdentity.objects.filter(report=held).exists()
    assert ReporterIdentity.objects.filter(report=other).exists()
    request = SubjectRequest.objects.get(kind="erasure")
    assert request.handled_by == team.coordinator and request.report_count == 2
    entry = AuditEntry.objects.get(action="privacy.erased")
    assert entry.actor_ref == f"user:{team.coordinator.pk}"
    assert entry.payload["basis"] == "request" and entry.payload["request"] == request.pk
    assert verify_chain().ok


def test_erasure_on_request_refuses_an_actor_who_is_not_coordinator_or_oversight(team):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="coordinator or an oversight member"):
        call_command(
            "privacy",
            "erase-subject",
            "--actor",
            team.officer_pu.username,
            "--email",
            EMAIL,
            "--reason",
            "Permintaan pelapor",
        )
