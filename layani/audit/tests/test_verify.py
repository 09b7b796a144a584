"""Tampering behind the triggers' back, as a database administrator could, is always noticed.

Each test steps around the append-only triggers with ``append_only_bypassed`` (PostgreSQL: DISABLE
TRIGGER; SQLite: drop and re-create), changes the data, and expects the verifier to name the first
entry that gives the change away.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection

from layani.audit import chain, signing
from layani.audit.models import AuditCheckpoint, AuditEntry
from layani.audit.services import create_checkpoint
from layani.audit.testing import append_only_bypassed
from layani.audit.verify import verify_chain

pytestmark = pytest.mark.django_db


def reseal_from(sequence: int) -> None:
    """Recompute prev_hash and entry_hash from `sequence` on, so the chain is consistent again."""
    previous = AuditEntry.objects.filter(sequence=sequence - 1).first()
    prev_hash = previous.entry_hash if previous else chain.GENESIS_HASH
    for entry in AuditEntry.objects.filter(sequence__gte=sequence).order_by("sequence"):
        entry.prev_hash = prev_hash
        entry.entry_hash = chain.entry_hash(
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
        entry.save(update_fields=["prev_hash", "entry_hash"])
        prev_hash = entry.entry_hash


def problem_of():
    result = verify_chain()
    assert not result.ok
    assert result.problem is not None
    return result.problem


def test_an_untouched_chain_verifies(write_entries):
    write_entries(6)
    create_checkpoint()
    result = verify_chain()
    assert result.ok, str(result)
    assert (result.entry_count, result.checkpoints_checked, result.last_sequence) == (6, 1, 6)
    assert str(result).startswith("OK: 6 entries")


def test_an_empty_log_verifies():
    result = verify_chain()
    assert result.ok
    assert (result.entry_count, result.last_hash) == (0, chain.GENESIS_HASH)


def test_one_changed_byte_in_a_payload_names_that_entry(write_entries):
    entries = write_entries(5)
    with append_only_bypassed(), connection.cursor() as cursor:
        # The JSON text differs by one byte: "verified" becomes "verifieD".
        cursor.execute(
            "UPDATE audit_auditentry SET payload = %s WHERE id = %s",
            ['{"agency": "dinas-pu", "status": "verifieD", "step": 2}', entries[2].pk],
        )
    problem = problem_of()
    assert (problem.code, problem.entry_id, problem.sequence) == ("hash_mismatch", entries[2].pk, 3)
    assert f"entry id={entries[2].pk} seq=3" in str(problem)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("actor_ref", "user:99"),
        ("visibility", "internal"),
        ("object_ref", "OTHER00000"),
        ("occurred_at", datetime(2020, 1, 1, tzinfo=UTC)),
        ("entry_hash", "f" * 64),
    ],
)
def test_any_changed_field_names_that_entry(write_entries, field, value):
    entries = write_entries(3)
    with append_only_bypassed():
        AuditEntry.objects.filter(pk=entries[0].pk).update(**{field: value})
    problem = problem_of()
    assert (problem.code, problem.entry_id) == ("hash_mismatch", entries[0].pk)


def test_a_deleted_middle_entry_is_named_by_the_entry_after_the_gap(write_entries):
    entries = write_entries(5)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=3).delete()
    problem = problem_of()
    assert (problem.code, problem.entry_id, problem.sequence) == ("sequence_gap", entries[3].pk, 4)


def test_a_deleted_first_entry_is_noticed(write_entries):
    entries = write_entries(3)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=1).delete()
    assert (problem_of().code, problem_of().entry_id) == ("sequence_gap", entries[1].pk)


def test_a_deleted_and_renumbered_entry_breaks_the_link(write_entries):
    entries = write_entries(5)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=3).delete()
        for sequence in (4, 5):
            AuditEntry.objects.filter(sequence=sequence).update(sequence=sequence - 1)
    problem = problem_of()
    assert (problem.code, problem.entry_id, problem.sequence) == (
        "prev_hash_mismatch",
        entries[3].pk,
        3,
    )


def test_reordered_entries_are_noticed(write_entries):
    entries = write_entries(4)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=2).update(sequence=1000)
        AuditEntry.objects.filter(sequence=3).update(sequence=2)
        AuditEntry.objects.filter(sequence=1000).update(sequence=3)
    problem = problem_of()
    assert (problem.entry_id, problem.sequence) == (entries[2].pk, 2)


def test_a_consistent_rewrite_without_a_checkpoint_goes_unseen_which_is_why_checkpoints_exist(
    write_entries,
):
    write_entries(4)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=2).update(payload={"status": "rejected"})
        reseal_from(2)
    assert verify_chain().ok


def test_a_tail_rewritten_after_a_checkpoint_is_caught_by_the_checkpoint(write_entries):
    entries = write_entries(6)
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=3).update(payload={"status": "rejected"})
        reseal_from(3)
    problem = problem_of()
    assert (problem.code, problem.entry_id, problem.checkpoint_id) == (
        "checkpoint_mismatch",
        entries[5].pk,
        checkpoint.pk,
    )
    assert "rewritten" in problem.message


def test_history_replaced_up_to_a_checkpoint_and_extended_is_caught(write_entries):
    write_entries(4)
    checkpoint = create_checkpoint()
    write_entries(3)
    assert checkpoint is not None
    with append_only_bypassed():
        # Remove entry 2, renumber everything after it and re-seal: a consistent, shorter chain.
        AuditEntry.objects.filter(sequence=2).delete()
        for sequence in range(3, 8):
            AuditEntry.objects.filter(sequence=sequence).update(sequence=sequence - 1)
        reseal_from(2)
    problem = problem_of()
    assert (problem.code, problem.sequence) == ("checkpoint_mismatch", checkpoint.entry_sequence)


def test_entries_removed_from_the_end_are_caught_by_the_checkpoint(write_entries):
    write_entries(5)
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence__gte=4).delete()
    problem = problem_of()
    assert (problem.code, problem.sequence, problem.checkpoint_id) == (
        "checkpoint_beyond_tail",
        4,
        checkpoint.pk,
    )


def test_a_checkpoint_edited_to_match_a_rewrite_fails_its_signature(write_entries):
    write_entries(4)
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=4).update(action="report.closed")
        reseal_from(4)
        new_head = AuditEntry.objects.get(sequence=4).entry_hash
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(entry_hash=new_head)
    problem = problem_of()
    assert (problem.code, problem.checkpoint_id) == ("checkpoint_signature_invalid", checkpoint.pk)


def test_a_checkpoint_signed_with_another_key_under_our_key_id_fails(write_entries):
    write_entries(2)
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    forged = signing.sign(checkpoint.statement, Ed25519PrivateKey.generate())
    with append_only_bypassed():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(signature=forged)
    assert problem_of().code == "checkpoint_signature_invalid"


def test_a_checkpoint_from_an_unknown_key_is_refused(write_entries):
    entries = write_entries(2)
    intruder = Ed25519PrivateKey.generate()
    forged = AuditCheckpoint(
        entry_sequence=2,
        entry_hash=entries[1].entry_hash,
        entry_count=2,
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        public_key_id=signing.key_id(intruder.public_key()),
    )
    forged.signature = signing.sign(forged.statement, intruder)
    forged.save()
    assert problem_of().code == "checkpoint_unknown_key"


def test_an_outside_verifier_can_pass_the_published_public_key(write_entries):
    write_entries(3)
    create_checkpoint()
    assert verify_chain(public_key=signing.public_key()).ok
    assert not verify_chain(public_key=Ed25519PrivateKey.generate().public_key()).ok


def test_verification_streams_in_chunks(write_entries):
    write_entries(7)
    result = verify_chain(chunk_size=2)
    assert result.ok
    assert result.entries_checked == 7
