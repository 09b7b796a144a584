"""Writing to the audit log: appending entries and signing checkpoints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connections, router, transaction
from django.utils import timezone

from . import chain, guards, signing, vocabulary
from .models import AuditCheckpoint, AuditEntry, Visibility
from .verify import VerificationResult, verify_chain

#: The PostgreSQL advisory lock that serialises appends: the first 8 bytes of
#: SHA-256("layani.audit.chain") as a signed bigint, unlikely to collide with anyone else's key.
CHAIN_LOCK_KEY = -3_817_645_209_139_727_988


class ChainBrokenError(Exception):
    """The chain failed verification, so a checkpoint was not signed."""

    def __init__(self, result: VerificationResult) -> None:
        super().__init__(str(result))
        self.result = result


def record(
    action: str,
    *,
    actor_ref: str,
    object_type: str,
    object_ref: str,
    payload: dict[str, Any] | None = None,
    visibility: str = Visibility.INTERNAL,
    now: datetime | None = None,
) -> AuditEntry:
    """Append one event to the audit log and return it.

    Call it inside the transaction that makes the change being recorded, so that the change and its
    entry commit or roll back together: an entry never describes something that did not happen, and
    a rolled-back change leaves no gap in the sequence.

    ``actor_ref`` and ``object_ref`` are pseudonymous references (``"user:42"``, ``"system"``,
    ``"citizen"``; a tracking ID or primary key) and ``payload`` holds references and codes only —
    never names, NIK, phone numbers, e-mail or addresses. Entries are permanent, and personal data
    must stay erasable; keys that look like personal data raise ValueError.

    ``visibility="public"`` puts the entry on the object's public timeline (``selectors``).

    Appends are serialised so that each entry links to the one committed before it. On PostgreSQL a
    transaction-scoped advisory lock is taken here and held until the caller's transaction ends, so
    call ``record`` late in a long transaction. On SQLite the project's IMMEDIATE transactions
    already admit one writer at a time. On either, the unique ``sequence`` and ``prev_hash``
    columns turn any other attempt to fork the chain into an IntegrityError. The caller's
    transaction must use READ COMMITTED (Django's default on PostgreSQL) so the last entry read
    after taking the lock is the latest committed one.
    """
    guards.check_references(
        action=action, actor_ref=actor_ref, object_type=object_type, object_ref=object_ref
    )
    clean_payload = guards.clean_payload(payload)
    if visibility not in Visibility.values:
        raise ValueError(f"visibility must be one of {Visibility.values}.")
    if visibility == Visibility.PUBLIC and vocabulary.citizen_words(action) is None:
        raise ValueError(f"public action {action!r} needs citizen words in audit/vocabulary.py.")
    if now is not None and timezone.is_naive(now):
        raise ValueError("now must be timezone-aware.")

    alias = router.db_for_write(AuditEntry)
    with transaction.atomic(using=alias, savepoint=False):
        _lock_chain(alias)
        last = (
            AuditEntry.objects.using(alias)
            .order_by("-sequence")
            .values_list("sequence", "entry_hash")
            .first()
        )
        sequence, prev_hash = (last[0] + 1, last[1]) if last else (1, chain.GENESIS_HASH)
        # Taken after the lock, so timestamps rise with the sequence when no `now` is given.
        occurred_at = now if now is not None else timezone.now()
        entry = AuditEntry(
            sequence=sequence,
            occurred_at=occurred_at,
            action=action,
            actor_ref=actor_ref,
            object_type=object_type,
            object_ref=object_ref,
            payload=clean_payload,
            visibility=str(visibility),
            prev_hash=prev_hash,
        )
        entry.entry_hash = chain.entry_hash(
            sequence=sequence,
            occurred_at=occurred_at,
            action=action,
            actor_ref=actor_ref,
            object_type=object_type,
            object_ref=object_ref,
            payload=clean_payload,
            visibility=str(visibility),
            prev_hash=prev_hash,
        )
        entry.save(using=alias, force_insert=True)
    return entry


def _lock_chain(alias: str) -> None:
    connection = connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def create_checkpoint(*, now: datetime | None = None) -> AuditCheckpoint | None:
    """Sign the chain's current head and store the signature; None while the log is empty.

    The entries added since the previous checkpoint are verified first, so that a checkpoint never
    certifies a chain that is already broken; ChainBrokenError says where it broke. Meant to run
    periodically, and its output to be published: a history rewritten later no longer matches a
    signature that outsiders have kept.
    """
    alias = router.db_for_write(AuditCheckpoint)
    head = (
        AuditEntry.objects.using(alias)
        .order_by("-sequence")
        .values_list("sequence", "entry_hash")
        .first()
    )
    if head is None:
        return None
    key = signing.load_signing_key()
    previous = AuditCheckpoint.objects.using(alias).order_by("-entry_sequence", "-id").first()
    result = verify_chain(public_key=key.public_key(), since=previous, up_to=head[0], using=alias)
    if not result.ok:
        raise ChainBrokenError(result)
    created_at = now if now is not None else timezone.now()
    checkpoint = AuditCheckpoint(
        entry_sequence=result.last_sequence,
        entry_hash=result.last_hash,
        entry_count=result.entry_count,
        created_at=created_at,
        public_key_id=signing.key_id(key.public_key()),
    )
    checkpoint.signature = signing.sign(checkpoint.statement, key)
    checkpoint.save(using=alias, force_insert=True)
    return checkpoint


@dataclass(frozen=True)
class Event:
    """One event for `record_many`: the same fields `record` takes."""

    action: str
    actor_ref: str
    object_type: str
    object_ref: str
    payload: dict[str, Any] | None = None
    visibility: str = Visibility.INTERNAL
    now: datetime | None = None


def record_many(events: Sequence[Event]) -> list[AuditEntry]:
    """Append several events in one go, in the order given, and return their entries.

    The same contract as `record` — same checks on every event, call it inside the transaction
    that makes the changes, same lock and same links (each entry's ``prev_hash`` is the entry
    before it) — but the lock is taken and the chain's head read once, and the entries are written
    with one multi-row INSERT. The intake journal records a batch of reports with it."""
    if not events:
        return []
    cleaned = []
    for event in events:
        guards.check_references(
            action=event.action,
            actor_ref=event.actor_ref,
            object_type=event.object_type,
            object_ref=event.object_ref,
        )
        payload = guards.clean_payload(event.payload)
        if event.visibility not in Visibility.values:
            raise ValueError(f"visibility must be one of {Visibility.values}.")
        if event.visibility == Visibility.PUBLIC and vocabulary.citizen_words(event.action) is None:
            raise ValueError(
                f"public action {event.action!r} needs citizen words in audit/vocabulary.py."
            )
        if event.now is not None and timezone.is_naive(event.now):
            raise ValueError("now must be timezone-aware.")
        cleaned.append((event, payload))

    alias = router.db_for_write(AuditEntry)
    with transaction.atomic(using=alias, savepoint=False):
        _lock_chain(alias)
        last = (
            AuditEntry.objects.using(alias)
            .order_by("-sequence")
            .values_list("sequence", "entry_hash")
            .first()
        )
        sequence, prev_hash = (last[0], last[1]) if last else (0, chain.GENESIS_HASH)
        entries = []
        for event, payload in cleaned:
            sequence += 1
            occurred_at = event.now if event.now is not None else timezone.now()
            entry = AuditEntry(
                sequence=sequence,
                occurred_at=occurred_at,
                action=event.action,
                actor_ref=event.actor_ref,
                object_type=event.object_type,
                object_ref=event.object_ref,
                payload=payload,
                visibility=str(event.visibility),
                prev_hash=prev_hash,
            )
            entry.entry_hash = chain.entry_hash(
                sequence=sequence,
                occurred_at=occurred_at,
                action=event.action,
                actor_ref=event.actor_ref,
                object_type=event.object_type,
                object_ref=event.object_ref,
                payload=payload,
                visibility=str(event.visibility),
                prev_hash=prev_hash,
            )
            prev_hash = entry.entry_hash
            entries.append(entry)
        AuditEntry.objects.using(alias).bulk_create(entries)
    return entries
