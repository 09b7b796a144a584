"""The intake journal: acknowledged at once, recorded by the worker, never lost, never twice."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from conftest import A_SLEMAN_VILLAGE
from layani.audit.models import AuditEntry
from layani.audit.verify import verify_chain
from layani.directory.models import Category
from layani.intake import journal, recording, services
from layani.intake.models import Channel, JournalEntry, JournalState, Report
from layani.intake.services import Identity, ReportSubmission, SubmissionError, submit_report
from layani.intake.tracking import access_code_matches, normalize_tracking_id

pytestmark = pytest.mark.django_db

IDENTITY = Identity(name="Siti Rahayu", phone="081234567890", email="siti@example.org")


def _submission(**overrides):
    values = {
        "description": "Jalan di depan balai desa berlubang besar, sudah 3 minggu.",
        "region_code": A_SLEMAN_VILLAGE,
        "channel": Channel.OPEN311,
        "category_code": "jalan-rusak",
        "latitude": Decimal("-7.716500"),
        "longitude": Decimal("110.355100"),
        "channel_ref": "aplikasi-kota",
        "identity": IDENTITY,
    }
    values.update(overrides)
    return ReportSubmission(**values)


@pytest.fixture
def no_kick(monkeypatch):
    """Hold recording back, as when the worker has not come round yet."""
    kicks = []
    monkeypatch.setattr(journal, "kick", lambda: kicks.append(1))
    return kicks


def test_accept_is_durable_before_any_report_exists(categories, regions, no_kick):
    received = timezone.now() - timedelta(minutes=3)
    accepted = journal.accept(_submission(), now=received)
    assert accepted.created and no_kick == [1]
    assert normalize_tracking_id(accepted.tracking_id) == accepted.tracking_id
    assert not Report.objects.exists()
    entry = JournalEntry.objects.get()
    assert entry.tracking_id == accepted.tracking_id
    assert entry.state == JournalState.PENDING
    assert entry.submission["identity"]["email"] == "siti@example.org"
    assert access_code_matches(accepted.access_code, entry.access_code_hash)

    assert journal.record_pending() == journal.Recorded(recorded=1, failed=0)
    report = Report.objects.get()
    assert not JournalEntry.objects.exists()  # the personal data lives on in one place only
    assert report.tracking_id == accepted.tracking_id
    assert access_code_matches(accepted.access_code, report.access_code_hash)
    assert report.submitted_at == received  # the service clock starts at the acknowledgment
    assert (report.latitude, report.longitude) == (Decimal("-7.716500"), Decimal("110.355100"))
    assert (report.channel, report.channel_ref) == (Channel.OPEN311, "aplikasi-kota")
    assert report.identity.name == "Siti Rahayu" and report.identity.phone == "081234567890"
    entry = AuditEntry.objects.get(action="report.submitted", object_ref=report.tracking_id)
    assert "Siti" not in str(entry.payload)
    assert verify_chain().ok


def test_recorded_report_equals_the_one_submit_report_makes(categories, regions, no_kick):
    answers = {"nomor_pelanggan": "12-345", "sejak": "2026-11-20"}
    water = {"description": "Air PDAM mati", "category_code": "air-minum", "answers": answers}
    journal.accept(_submission(**water))
    journal.record_pending()
    direct = submit_report(_submission(**water)).report
    recorded = Report.objects.exclude(pk=direct.pk).get()
    for field in ("title", "description", "category_id", "region_id", "answers", "privacy"):
        assert getattr(recorded, field) == getattr(direct, field), field


def test_refused_at_the_door_leaves_nothing(categories, regions, no_kick):
    with pytest.raises(SubmissionError) as err:
        journal.accept(_submission(region_code="99.99.99.9999"))
    assert err.value.code == "unknown_region"
    with pytest.raises(SubmissionError) as err:
        journal.accept(_submission(identity=Identity(email="bukan-email")))
    assert err.value.field == "email"
    assert not JournalEntry.objects.exists() and no_kick == []


def test_files_and_accounts_go_the_direct_way(categories, regions, no_kick, django_user_model):
    user = django_user_model.objects.create_user("warga", password="x")
    with pytest.raises(ValueError, match="without files or accounts"):
        journal.accept(_submission(identity=Identity(user=user)))


def test_a_retry_gets_the_same_id_before_and_after_recording(categories, regions, no_kick):
    first = journal.accept(_submission(idempotency_key="open311:abc"))
    again = journal.accept(_submission(idempotency_key="open311:abc"))
    assert (again.tracking_id, again.access_code, again.created) == (
        first.tracking_id,
        first.access_code,
        False,
    )
    assert JournalEntry.objects.count() == 1
    journal.record_pending()
    after = journal.accept(_submission(idempotency_key="open311:abc"))
    assert (after.tracking_id, after.created) == (first.tracking_id, False)
    assert Report.objects.count() == 1 and not JournalEntry.objects.exists()
    with pytest.raises(SubmissionError) as err:
        journal.accept(_submission(idempotency_key="open311:abc", description="Lain sama sekali"))
    assert err.value.code == "idempotency_conflict"


def test_an_entry_refused_later_waits_with_its_reason_and_can_be_retried(
    categories, regions, no_kick
):
    accepted = journal.accept(_submission())
    journal.accept(_submission(category_code="lampu-jalan", description="PJU mati"))
    Category.objects.filter(code="jalan-rusak").update(is_active=False)
    assert journal.record_pending() == journal.Recorded(recorded=1, failed=1)
    entry = JournalEntry.objects.get()
    assert entry.tracking_id == accepted.tracking_id
    assert entry.state == JournalState.FAILED and entry.error.startswith("category:")
    assert journal.record_pending() == journal.Recorded(recorded=0, failed=0)
    Category.objects.filter(code="jalan-rusak").update(is_active=True)
    assert journal.retry_failed() == 1
    journal.record_pending()
    assert Report.objects.filter(tracking_id=accepted.tracking_id).exists()
    assert not JournalEntry.objects.exists()


def test_a_crash_while_recording_leaves_the_entry_and_no_half_report(
    categories, regions, no_kick, monkeypatch
):
    doomed = journal.accept(_submission())
    fine = journal.accept(_submission(description="Lampu jalan mati di dusun"))
    real_identity = recording._identity

    def crash(report, *args, **kwargs):
        if report.tracking_id == doomed.tracking_id:
            raise OSError("disk went away")  # after the report rows were written
        return real_identity(report, *args, **kwargs)

    # Both ways of recording (the batch, and one by one after the batch failed) pass here.
    monkeypatch.setattr(recording, "_identity", crash)
    result = journal.record_pending()
    assert result == journal.Recorded(recorded=1, failed=1)  # one bad entry does not stop others
    assert Report.objects.filter(tracking_id=fine.tracking_id).exists()
    assert not Report.objects.filter(tracking_id=doomed.tracking_id).exists()
    assert not AuditEntry.objects.filter(object_ref=doomed.tracking_id).exists()
    entry = JournalEntry.objects.get(tracking_id=doomed.tracking_id)
    assert (entry.state, entry.attempts) == (JournalState.PENDING, 1)
    assert "disk went away" in entry.error
    for _ in range(journal.MAX_ATTEMPTS - 1):
        journal.record_pending()
    entry.refresh_from_db()
    assert (entry.state, entry.attempts) == (JournalState.FAILED, journal.MAX_ATTEMPTS)
    monkeypatch.setattr(recording, "_identity", real_identity)
    journal.retry_failed()
    assert journal.record_pending().recorded == 1
    assert Report.objects.filter(tracking_id=doomed.tracking_id).exists()
    assert verify_chain().ok


def test_ids_held_by_the_journal_are_not_given_out_again(categories, regions, no_kick, monkeypatch):
    accepted = journal.accept(_submission())
    fresh = "K7R4XA96HW"
    draws = iter([accepted.tracking_id, fresh])
    monkeypatch.setattr(services, "new_tracking_id", lambda: next(draws))
    report = submit_report(_submission(channel=Channel.WEB)).report
    assert report.tracking_id == fresh


def test_an_id_held_by_a_report_is_not_given_to_the_journal(
    categories, regions, no_kick, monkeypatch
):
    taken = submit_report(_submission()).report.tracking_id
    fresh = "K7R4XA96HW"
    draws = iter([taken, fresh])
    monkeypatch.setattr(journal, "new_tracking_id", lambda: next(draws))
    assert journal.accept(_submission()).tracking_id == fresh


def test_encoding_round_trips():
    submission = _submission(answers={"program": ["pkh", "blt"]}, idempotency_key="k")
    assert journal.decode(journal.encode(submission)) == submission
    assert journal.decode(journal.encode(_submission(latitude=None, longitude=None))) == (
        _submission(latitude=None, longitude=None)
    )


@override_settings(LAYANI_JOURNAL_KICK_SECONDS=60)
def test_a_burst_makes_few_queue_tasks(monkeypatch):
    enqueued = []
    monkeypatch.setattr(journal, "_last_kick", 0.0)
    from layani.intake import tasks

    class Task:
        def enqueue(self):
            enqueued.append(1)

    monkeypatch.setattr(tasks, "record_journal", Task())
    for _ in range(5):
        journal.kick()
    assert enqueued == [1]


def test_the_scheduler_looks_at_the_journal_every_minute():
    from layani.escalation.scheduler import jobs

    job = next(j for j in jobs() if j.name == "journal")
    now = timezone.now()
    assert job.slot(now) != job.slot(now + timedelta(minutes=1))


@pytest.mark.django_db(transaction=True)
def test_two_workers_record_each_entry_once(categories, regions, audit_purged, no_kick):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent workers are exercised on PostgreSQL (SQLite admits one writer)")
    ids = {
        journal.accept(_submission(description=f"Laporan nomor {i}")).tracking_id for i in range(40)
    }
    counts, errors = [], []

    def work():
        try:
            counts.append(journal.record_pending(batch=5).recorded)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(counts) == 40
    assert set(Report.objects.values_list("tracking_id", flat=True)) == ids
    assert not JournalEntry.objects.exists()
    assert verify_chain().ok


def test_the_command_shows_failures_and_retries_them(categories, regions, no_kick):
    from io import StringIO

    from django.core.management import call_command

    accepted = journal.accept(_submission())
    Category.objects.filter(code="jalan-rusak").update(is_active=False)
    out = StringIO()
    call_command("intake_journal", "--record", stdout=out)
    assert "Recorded 0; 1 could not be." in out.getvalue()
    assert f"{JournalState.FAILED.label}: 1" in out.getvalue()
    assert "category:" in out.getvalue()
    Category.objects.filter(code="jalan-rusak").update(is_active=True)
    out = StringIO()
    call_command("intake_journal", "--retry", stdout=out)
    assert "Recorded 1; 0 could not be." in out.getvalue()
    assert Report.objects.filter(tracking_id=accepted.tracking_id).exists()


def test_only_public_waiting_entries_are_shown(categories, regions, no_kick):
    from layani.intake.models import PrivacyTier
    from layani.intake.tracking import format_tracking_id

    public = journal.accept(_submission())
    secret = journal.accept(_submission(privacy=PrivacyTier.RAHASIA))
    assert journal.public_waiting(format_tracking_id(public.tracking_id).lower()) is not None
    assert journal.public_waiting(secret.tracking_id) is None
    assert journal.public_waiting("not-an-id") is None
