"""Checking the audit log: recompute every hash in order and compare with the signed checkpoints.

What each kind of tampering looks like to the verifier:

* a changed field (one byte is enough): the entry's recomputed hash differs from its stored hash;
* a deleted entry: a gap in the sequence, reported at the entry after the gap;
* reordered, inserted or renumbered entries: an entry whose ``prev_hash`` is not its predecessor's
  hash (or whose hash no longer matches, since the sequence number is hashed too);
* a rewritten history, with every hash recomputed so that the chain is consistent again: the entry
  at a checkpoint's sequence no longer has the hash that checkpoint signed;
* removed entries at the end: a checkpoint that covers more entries than the log still has;
* a forged or edited checkpoint: its Ed25519 signature fails, or it names a key we do not know.

A rewrite of entries after the newest checkpoint cannot be detected from the database alone; that
window is why checkpoints are created periodically and published outside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import router

from . import chain, signing
from .models import AuditCheckpoint, AuditEntry

if TYPE_CHECKING:
    from django.db.models import QuerySet

#: Rows fetched per round trip; on PostgreSQL the rows stream through a server-side cursor.
CHUNK_SIZE = 5000

_ENTRY_FIELDS = (
    "id",
    "sequence",
    "occurred_at",
    "action",
    "actor_ref",
    "object_type",
    "object_ref",
    "payload",
    "visibility",
    "prev_hash",
    "entry_hash",
)


@dataclass(frozen=True)
class Problem:
    """The first thing found wrong: a stable code, the entry (and checkpoint) concerned, and why."""

    code: str
    message: str
    sequence: int | None = None
    entry_id: int | None = None
    checkpoint_id: int | None = None

    def __str__(self) -> str:
        where = []
        if self.entry_id is not None:
            where.append(f"entry id={self.entry_id}")
        if self.sequence is not None:
            where.append(f"seq={self.sequence}")
        if self.checkpoint_id is not None:
            where.append(f"checkpoint id={self.checkpoint_id}")
        return f"{' '.join(where)}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class VerificationResult:
    """What the verifier saw: how far the chain is intact, and the first problem if any."""

    entry_count: int
    entries_checked: int
    checkpoints_checked: int
    last_sequence: int
    last_hash: str
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __str__(self) -> str:
        if self.problem is None:
            return (
                f"OK: {self.entry_count} entries, chain head seq={self.last_sequence} "
                f"hash={self.last_hash}, {self.checkpoints_checked} checkpoints verified."
            )
        return f"FAILED at {self.problem}"


class _PublicKey:
    """The verifying key, loaded only when there is a checkpoint to check."""

    def __init__(self, key: Ed25519PublicKey | None) -> None:
        self._key = key
        self._id: str | None = None

    def get(self) -> tuple[Ed25519PublicKey, str]:
        if self._key is None:
            self._key = signing.public_key()
        if self._id is None:
            self._id = signing.key_id(self._key)
        return self._key, self._id


def verify_chain(
    *,
    public_key: Ed25519PublicKey | None = None,
    since: AuditCheckpoint | None = None,
    up_to: int | None = None,
    using: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> VerificationResult:
    """Recompute the chain in sequence order and stop at the first entry that is wrong.

    ``public_key`` checks checkpoint signatures (default: the public half of the configured signing
    key; an outside verifier passes the published key). ``since`` starts at a checkpoint instead of
    the first entry: the entry it covers must still carry the signed hash, and only later entries
    are recomputed — this is how ``create_checkpoint`` checks just the new part. ``up_to`` stops at a
    sequence number, ignoring entries appended meanwhile.
    """
    alias = using or router.db_for_read(AuditEntry)
    key = _PublicKey(public_key)
    entries: QuerySet[Any, Any] = (
        AuditEntry.objects.using(alias).order_by("sequence").values_list(*_ENTRY_FIELDS)
    )
    checkpoints = AuditCheckpoint.objects.using(alias).order_by("entry_sequence", "id")
    expected_sequence = 1
    expected_prev: str | None = chain.GENESIS_HASH
    count = 0
    if since is not None:
        entries = entries.filter(sequence__gte=since.entry_sequence)
        checkpoints = checkpoints.filter(entry_sequence__gte=since.entry_sequence)
        expected_sequence = since.entry_sequence
        expected_prev = None  # the signed hash of this entry vouches for what came before
        count = since.entry_count - 1
    if up_to is not None:
        entries = entries.filter(sequence__lte=up_to)
        checkpoints = checkpoints.filter(entry_sequence__lte=up_to)

    pending: dict[int, list[AuditCheckpoint]] = defaultdict(list)
    for checkpoint in checkpoints:
        pending[checkpoint.entry_sequence].append(checkpoint)
    checked = checkpoints_checked = 0
    last_sequence, last_hash = expected_sequence - 1, expected_prev or ""

    def result(problem: Problem | None = None) -> VerificationResult:
        return VerificationResult(
            entry_count=count,
            entries_checked=checked,
            checkpoints_checked=checkpoints_checked,
            last_sequence=last_sequence,
            last_hash=last_hash,
            problem=problem,
        )

    for row in entries.iterator(chunk_size=chunk_size):
        problem = _check_entry(row, expected_sequence, expected_prev)
        if problem is not None:
            return result(problem)
        entry_id, sequence, stored_hash = row[0], row[1], row[-1]
        checked += 1
        count += 1
        for checkpoint in pending.pop(sequence, ()):
            problem = _check_signature(checkpoint, key) or _check_coverage(
                checkpoint, entry_id, stored_hash, count
            )
            if problem is not None:
                return result(problem)
            checkpoints_checked += 1
        last_sequence, last_hash = sequence, stored_hash
        expected_sequence, expected_prev = sequence + 1, stored_hash

    return result(_check_beyond_tail(pending.values(), last_sequence, key))


def _check_entry(
    row: tuple[Any, ...], expected_sequence: int, expected_prev: str | None
) -> Problem | None:
    (entry_id, sequence, occurred_at, action, actor_ref, object_type, object_ref) = row[:7]
    payload, visibility, prev_hash, stored_hash = row[7:]
    if sequence != expected_sequence:
        if sequence > expected_sequence:
            message = (
                f"entries seq={expected_sequence}..{sequence - 1} are missing before this one "
                "(deleted)"
            )
        else:
            message = f"sequence goes backwards, expected seq={expected_sequence}"
        return Problem("sequence_gap", message, sequence, entry_id)
    if expected_prev is not None and prev_hash != expected_prev:
        return Problem(
            "prev_hash_mismatch",
            "does not link to the entry before it (entries deleted, inserted or reordered)",
            sequence,
            entry_id,
        )
    try:
        computed = chain.entry_hash(
            sequence=sequence,
            occurred_at=occurred_at,
            action=action,
            actor_ref=actor_ref,
            object_type=object_type,
            object_ref=object_ref,
            payload=payload,
            visibility=visibility,
            prev_hash=prev_hash,
        )
    except (TypeError, ValueError) as error:
        return Problem("unreadable", f"cannot be hashed: {error}", sequence, entry_id)
    if computed != stored_hash:
        return Problem(
            "hash_mismatch",
            "content does not match its stored hash (a field was changed)",
            sequence,
            entry_id,
        )
    return None


def _check_signature(checkpoint: AuditCheckpoint, key: _PublicKey) -> Problem | None:
    public_key, public_key_id = key.get()
    if checkpoint.public_key_id != public_key_id:
        return Problem(
            "checkpoint_unknown_key",
            f"checkpoint is signed with key {checkpoint.public_key_id}, "
            f"not the audit key {public_key_id}",
            checkpoint.entry_sequence,
            checkpoint_id=checkpoint.pk,
        )
    if not signing.signature_is_valid(checkpoint.statement, checkpoint.signature, public_key):
        return Problem(
            "checkpoint_signature_invalid",
            "checkpoint signature does not match its statement (forged or edited checkpoint)",
            checkpoint.entry_sequence,
            checkpoint_id=checkpoint.pk,
        )
    return None


def _check_coverage(
    checkpoint: AuditCheckpoint, entry_id: int, stored_hash: str, count: int
) -> Problem | None:
    signed_at = chain.format_instant(checkpoint.created_at)
    if checkpoint.entry_hash != stored_hash:
        return Problem(
            "checkpoint_mismatch",
            f"hash differs from the one signed by the checkpoint of {signed_at}: "
            "the history up to this entry was rewritten",
            checkpoint.entry_sequence,
            entry_id,
            checkpoint.pk,
        )
    if checkpoint.entry_count != count:
        return Problem(
            "checkpoint_count_mismatch",
            f"the checkpoint of {signed_at} counted {checkpoint.entry_count} entries "
            f"up to here, the log has {count}",
            checkpoint.entry_sequence,
            entry_id,
            checkpoint.pk,
        )
    return None


def _check_beyond_tail(
    leftovers: Iterable[list[AuditCheckpoint]], last_sequence: int, key: _PublicKey
) -> Problem | None:
    first = min(
        (checkpoint for group in leftovers for checkpoint in group),
        key=lambda checkpoint: (checkpoint.entry_sequence, checkpoint.pk),
        default=None,
    )
    if first is None:
        return None
    return _check_signature(first, key) or Problem(
        "checkpoint_beyond_tail",
        f"the checkpoint of {chain.format_instant(first.created_at)} covers entries up to "
        f"seq={first.entry_sequence}, but the log ends at seq={last_sequence}: entries were removed",
        last_sequence + 1,
        checkpoint_id=first.pk,
    )
