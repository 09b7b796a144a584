"""Appending entries and signing checkpoints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from django.db import transaction

from layani.audit import chain, signing
from layani.audit.models import AuditCheckpoint, AuditEntry
from layani.audit.services import ChainBrokenError, create_checkpoint, record
from layani.audit.testing import append_only_bypassed
from layani.audit.verify import verify_chain

pytestmark = pytest.mark.django_db


class BoomError(Exception):
    pass


def recomputed_hash(entry: AuditEntry) -> str:
    return chain.entry_hash(
        sequence=entry.sequence,
        occurred_at=entry.occurred_at,
        action=entry.action,
        actor_ref=entry.actor_ref,
        object_type=entry.object_type,
        object_ref=entry.object_ref,
        payload=entry.payload,
        visibility=entry.visibility,
        prev_hash=entry.prev_hash,
    )


def test_record_builds_a_gapless_chain_linked_by_hash(write_entries):
    write_entries(5)
    entries = list(AuditEntry.objects.order_by("sequence"))
    assert [e.sequence for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == chain.GENESIS_HASH
    for before, after in pairwise(entries):
        assert after.prev_hash == before.entry_hash
    for entry in entries:
        assert recomputed_hash(entry) == entry.entry_hash
    assert verify_chain().ok


def test_record_stores_what_it_was_given_and_the_hash_survives_the_round_trip():
    when = datetime(2025, 3, 1, 9, 4, 5, 123456, tzinfo=timezone(timedelta(hours=7)))
    entry = record(
        "identity.revealed",
        actor_ref="user:42",
        object_type="report",
        object_ref="K7R4XA96HW",
        payload={"reason_code": "investigation", "field_codes": ("nik_masked",)},
        now=when,
    )
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.occurred_at == when
    assert stored.payload == {"reason_code": "investigation", "field_codes": ["nik_masked"]}
    assert stored.visibility == "internal"
    assert recomputed_hash(stored) == entry.entry_hash


def test_a_rolled_back_change_leaves_no_entry_and_no_gap(write_entries):
    write_entries(1)
    with pytest.raises(BoomError), transaction.atomic():
        record("report.verified", actor_ref="user:1", object_type="report", object_ref="A1")
        raise BoomError
    record("report.verified", actor_ref="user:1", object_type="report", object_ref="A1")
    assert list(AuditEntry.objects.values_list("sequence", flat=True)) == [1, 2]
    assert verify_chain().ok


def test_personal_data_in_the_payload_is_refused_and_nothing_is_written():
    with pytest.raises(ValueError, match="personal data"):
        record(
            "report.submitted",
            actor_ref="citizen",
            object_type="report",
            object_ref="K7R4XA96HW",
            payload={"reporter_name": "Budi"},
        )
    assert not AuditEntry.objects.exists()


REFS = {"actor_ref": "system", "object_type": "report", "object_ref": "1"}


def test_unknown_visibility_and_naive_time_are_refused():
    with pytest.raises(ValueError, match="visibility"):
        record("report.viewed", **REFS, visibility="secret")
    with pytest.raises(ValueError, match="aware"):
        record("report.viewed", **REFS, now=datetime(2025, 1, 1))  # noqa: DTZ001 (naive on purpose)


def test_no_checkpoint_while_the_log_is_empty():
    assert create_checkpoint() is None
    assert not AuditCheckpoint.objects.exists()


def test_checkpoint_signs_the_head_of_the_chain(write_entries):
    entries = write_entries(3)
    at = datetime(2025, 6, 1, tzinfo=UTC)
    checkpoint = create_checkpoint(now=at)
    assert checkpoint is not None
    assert (checkpoint.entry_sequence, checkpoint.entry_count) == (3, 3)
    assert checkpoint.entry_hash == entries[-1].entry_hash
    assert checkpoint.statement == (
        f"layani-audit-checkpoint v1 seq=3 hash={entries[-1].entry_hash} count=3 "
        "at=2025-06-01T00:00:00.000000Z"
    )
    key = signing.public_key()
    assert checkpoint.public_key_id == signing.key_id(key)
    assert signing.signature_is_valid(checkpoint.statement, checkpoint.signature, key)


def test_later_checkpoints_verify_only_the_new_entries_and_count_them_all(write_entries):
    write_entries(3)
    create_checkpoint()
    write_entries(2)
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    assert (checkpoint.entry_sequence, checkpoint.entry_count) == (5, 5)
    assert verify_chain().checkpoints_checked == 2


def test_a_broken_chain_is_never_signed(write_entries):
    write_entries(3)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=2).update(action="report.closed")
    with pytest.raises(ChainBrokenError) as caught:
        create_checkpoint()
    assert caught.value.result.problem is not None
    assert caught.value.result.problem.sequence == 2
    assert not AuditCheckpoint.objects.exists()
