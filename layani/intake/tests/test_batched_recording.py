"""Recording the intake journal in batches (decision 0026): one transaction, bulk inserts, one
append to the audit chain per batch, and the same reports as recording one by one."""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from layani.audit.models import AuditEntry
from layani.audit.services import Event, record_many
from layani.audit.verify import verify_chain
from layani.directory.models import Category
from layani.intake import journal
from layani.intake.models import JournalEntry, JournalState, Report, ReporterIdentity

from .test_journal import _submission, no_kick  # noqa: F401 - the fixture is used by name

pytestmark = pytest.mark.django_db


def test_a_batch_records_every_entry_with_few_statements(categories, regions, no_kick):  # noqa: F811
    accepted = [
        journal.accept(_submission(description=f"Jalan berlubang nomor {n} di depan balai desa"))
        for n in range(30)
    ]
    with CaptureQueriesContext(connection) as queries:
        assert journal.record_pending(batch=30) == journal.Recorded(recorded=30, failed=0)
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    # One INSERT each for reports, identities and audit entries, not 30 of each.
    assert len(inserts) == 3, inserts
    ids = [a.tracking_id for a in accepted]
    assert set(Report.objects.values_list("tracking_id", flat=True)) == set(ids)
    assert ReporterIdentity.objects.filter(report__tracking_id__in=ids).count() == 30
    refs = list(
        AuditEntry.objects.filter(action="report.submitted")
        .order_by("sequence")
        .values_list("object_ref", flat=True)
    )
    assert refs == ids  # in the order acknowledged
    assert not JournalEntry.objects.exists()
    assert verify_chain().ok


def test_a_refused_entry_is_set_aside_and_the_rest_of_its_batch_recorded(
    categories,
    regions,
    no_kick,  # noqa: F811
):
    kept = journal.accept(_submission())
    retired = journal.accept(_submission(category_code="lampu-jalan", description="Lampu mati"))
    Category.objects.filter(code="lampu-jalan").update(is_active=False)
    assert journal.record_pending() == journal.Recorded(recorded=1, failed=1)
    assert Report.objects.filter(tracking_id=kept.tracking_id).exists()
    entry = JournalEntry.objects.get()
    assert entry.tracking_id == retired.tracking_id
    assert entry.state == JournalState.FAILED and entry.error.startswith("category:")
    assert verify_chain().ok


def test_record_many_links_each_entry_to_the_one_before(audit_purged):
    before = AuditEntry.objects.order_by("-sequence").first()
    entries = record_many(
        [
            Event("report.submitted", actor_ref="citizen", object_type="report", object_ref=f"R{n}")
            for n in range(5)
        ]
    )
    assert [e.sequence for e in entries] == list(
        range((before.sequence if before else 0) + 1, (before.sequence if before else 0) + 6)
    )
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert verify_chain().ok


def test_record_many_refuses_what_record_refuses():
    with pytest.raises(ValueError, match=r"personal data|look"):
        record_many(
            [
                Event(
                    "report.submitted",
                    actor_ref="citizen",
                    object_type="report",
                    object_ref="R1",
                    payload={"email": "siti@example.org"},
                )
            ]
        )
    assert not AuditEntry.objects.filter(object_ref="R1").exists()
