"""The intake journal: acknowledge a submission durably at once, record it as a report right after.

`accept` runs every check `submit_report` runs, reserves the tracking ID and access code, and
writes the submission to `JournalEntry` in one short transaction. Once it returns, the submission
is on disk (the same durable commit as a report) and its tracking ID is final. `record_pending`,
run by the worker, turns journal entries into reports through `record_submission` — identity
apart, the audit entry, everything `submit_report` does — and deletes each entry in the same
transaction that creates its report, so an acknowledged submission is always in exactly one of
the two tables. Retries with the same idempotency key find the entry or the report, whichever
holds it at the time.

Why: an integration forwarding a burst (a flood, an outage) must not wait on the audit chain's
lock, which lets one report be recorded at a time. See docs/decisions/0023-intake-journal.md.
Submissions with files or an account go through `submit_report` directly.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import SubmissionError
from .models import PUBLIC_TIERS, JournalEntry, JournalState, Report
from .services import (
    Acknowledged,
    Identity,
    ReportSubmission,
    derived_access_code,
    record_submission,
    record_submissions,
    validate_submission,
)
from .tracking import hash_access_code, new_access_code, new_tracking_id, normalize_tracking_id

logger = logging.getLogger(__name__)

#: An entry that fails this many times for an unexpected reason stops being retried on its own.
MAX_ATTEMPTS = 3
_PENDING = JournalState.PENDING.value


@dataclass(frozen=True)
class Acceptance:
    """What the sender is told: the final tracking ID and access code, and whether it is new."""

    tracking_id: str
    access_code: str
    created: bool


@dataclass(frozen=True)
class Recorded:
    recorded: int
    failed: int


def accept(submission: ReportSubmission, *, now: datetime | None = None) -> Acceptance:
    """Check a submission and append it to the journal; SubmissionError if it is refused.

    Safe to retry: with the same idempotency key and content, the first acceptance comes back
    (`created=False`) whether or not it has been recorded as a report yet."""
    if submission.attachments or submission.entered_by or submission.identity.user:
        raise ValueError("The journal takes submissions without files or accounts.")
    validate_submission(submission)
    fingerprint = submission.fingerprint()
    key = submission.idempotency_key.strip()
    if key and (earlier := _earlier(key, fingerprint)) is not None:
        return earlier
    content = json.dumps(encode(submission))
    received_at = now or timezone.now()
    for _attempt in range(5):
        tracking_id = new_tracking_id()
        access_code = derived_access_code(key) if key else new_access_code()
        row = _Row(tracking_id, hash_access_code(access_code), content, fingerprint, key or None)
        try:
            # Inside a caller's transaction, a savepoint keeps a refusal from breaking it.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                appended = _append(row, received_at)
        except IntegrityError:
            if key and (earlier := _earlier(key, fingerprint)) is not None:
                return earlier
            continue
        if appended:
            kick()
            return Acceptance(tracking_id, access_code, created=True)
    raise RuntimeError("Could not allocate a unique tracking ID after 5 attempts.")


_APPEND = (
    "INSERT INTO intake_journalentry (tracking_id, access_code_hash, submission, fingerprint,"
    " idempotency_key, received_at, state, attempts, error)"
    " SELECT %s, %s, {json}, %s, %s, %s, %s, 0, ''"
    " WHERE NOT EXISTS (SELECT 1 FROM intake_report WHERE tracking_id = %s)"
)


@dataclass(frozen=True)
class _Row:
    """A journal entry as `_append` writes it (the submission already as JSON text)."""

    tracking_id: str
    access_code_hash: str
    submission_json: str
    fingerprint: str
    idempotency_key: str | None


def _append(row: _Row, received_at: datetime) -> bool:
    """Write the entry unless a report already holds its tracking ID; False if one does.

    One statement, in autocommit when alone: one round trip and one durable commit, which is
    what an acknowledgment costs (the ORM would add a SELECT for the report check and BEGIN/COMMIT
    round trips, and a model instance). The journal's own unique indexes refuse a taken ID or a
    reused key with an IntegrityError, as an ORM insert would."""
    sql = _APPEND.format(json="CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s")
    params = [
        row.tracking_id,
        row.access_code_hash,
        row.submission_json,
        row.fingerprint,
        row.idempotency_key,
        connection.ops.adapt_datetimefield_value(received_at),
        _PENDING,
        row.tracking_id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount == 1


def _earlier(key: str, fingerprint: str) -> Acceptance | None:
    # The journal first, then reports: recording moves an entry from one to the other in a single
    # transaction, so reading in this order cannot miss it.
    held = JournalEntry.objects.filter(idempotency_key=key).values_list(
        "tracking_id", "fingerprint"
    )
    row = (
        held.first()
        or Report.objects.filter(idempotency_key=key)
        .values_list("tracking_id", "idempotency_fingerprint")
        .first()
    )
    if row is None:
        return None
    if row[1] != fingerprint:
        raise SubmissionError(
            "idempotency_conflict",
            "idempotency_key",
            _("This submission key was already used for a different report."),
        )
    return Acceptance(row[0], derived_access_code(key), created=False)


def encode(submission: ReportSubmission) -> dict[str, Any]:
    """The submission as JSON (no files, no accounts: `accept` refuses those)."""
    dropped = ("attachments", "entered_by")
    data = {
        f.name: getattr(submission, f.name) for f in fields(submission) if f.name not in dropped
    }
    identity = submission.identity
    data["identity"] = {f.name: getattr(identity, f.name) for f in fields(identity)}
    data["identity"].pop("user")
    data["answers"] = dict(submission.answers)
    for point in ("latitude", "longitude"):
        if data[point] is not None:
            data[point] = str(data[point])
    return data


def decode(data: dict[str, Any]) -> ReportSubmission:
    fields = dict(data)
    fields["identity"] = Identity(**fields["identity"])
    for point in ("latitude", "longitude"):
        if fields[point] is not None:
            fields[point] = Decimal(fields[point])
    return ReportSubmission(**fields)


_last_kick = 0.0
#: How `kick` asks a worker to record the journal: set by `tasks` when it is imported (the app's
#: `ready`), so this module never imports the queue's entry points (tasks call services, not back).
_recorder: Callable[[], object] | None = None


def set_recorder(enqueue: Callable[[], object]) -> None:
    """Name the function that puts one recording task on the queue (`tasks.record_journal`)."""
    global _recorder
    _recorder = enqueue


def kick() -> None:
    """Ask the worker to record the journal, at most once per ``LAYANI_JOURNAL_KICK_SECONDS`` per
    process: a burst of submissions becomes a few queue tasks, not one per submission. An entry
    whose kick was skipped is found by the task its predecessor's kick started (`record_pending`
    looks again after the same interval) or, at the latest, by the scheduler's minute job."""
    global _last_kick
    interval = float(getattr(settings, "LAYANI_JOURNAL_KICK_SECONDS", 0.5))
    now = time.monotonic()
    if interval > 0 and now - _last_kick < interval:
        return
    _last_kick = now
    if _recorder is None:
        logger.warning("No recorder is set (intake.tasks not imported); the scheduler catches up.")
        return
    try:
        _recorder()
    except Exception:  # the entry is safe in the journal; the scheduler catches up
        logger.warning("Could not enqueue recording of the intake journal.", exc_info=True)


def record_pending(*, batch: int | None = None) -> Recorded:
    """Record waiting journal entries as reports, oldest first, until none is left.

    Several workers may run this at once: each claims a batch with SKIP LOCKED (PostgreSQL; SQLite
    admits one writer anyway). After recording something it looks once more after the kick
    interval, for entries whose own kick was skipped while this batch ran."""
    batch = batch or int(getattr(settings, "LAYANI_JOURNAL_BATCH", 200))
    interval = float(getattr(settings, "LAYANI_JOURNAL_KICK_SECONDS", 0.5))
    recorded = failed = 0
    skipped: set[int] = set()
    looked_again = False
    while True:
        done, bad = _record_batch(batch, skipped)
        recorded, failed = recorded + done, failed + bad
        if done or bad:
            looked_again = False
            continue
        if looked_again or not recorded or interval <= 0:
            return Recorded(recorded, failed)
        time.sleep(interval)
        looked_again = True


def _record_batch(size: int, skipped: set[int]) -> tuple[int, int]:
    """Claim up to `size` waiting entries and record them in one transaction: one multi-row
    INSERT per table and one append to the audit chain for the whole batch, and the entries
    deleted in the same transaction. Should the batch fail as a whole (an unexpected error, a
    tracking ID taken meanwhile), its entries are recorded one by one instead, so that one bad
    entry is set aside and the others still go through."""
    with transaction.atomic():
        entries = list(
            JournalEntry.objects.select_for_update(skip_locked=True)
            .filter(state=JournalState.PENDING)
            .exclude(pk__in=skipped)
            .order_by("pk")[:size]
        )
        if not entries:
            return 0, 0
        try:
            with transaction.atomic():
                return _record_together(entries, skipped)
        except Exception:
            logger.warning(
                "Recording a batch of %d failed; one by one.", len(entries), exc_info=True
            )
        recorded = failed = 0
        for entry in entries:
            if _record_one(entry):
                recorded += 1
            else:
                failed += 1
                skipped.add(entry.pk)
        return recorded, failed


def _record_together(entries: list[JournalEntry], skipped: set[int]) -> tuple[int, int]:
    items = [
        Acknowledged(
            decode(entry.submission),
            entry.tracking_id,
            entry.access_code_hash,
            entry.fingerprint,
            entry.received_at,
        )
        for entry in entries
    ]
    reports, refused = record_submissions(items)
    for index, error in refused.items():
        # Reference data changed since the submission was accepted (a category retired, say).
        _set_aside(entries[index], f"{error.field}: {error.message}", final=True)
        skipped.add(entries[index].pk)
    done = [e.pk for i, e in enumerate(entries) if i not in refused]
    JournalEntry.objects.filter(pk__in=done).delete()
    return len(reports), len(refused)


def _record_one(entry: JournalEntry) -> bool:
    try:
        with transaction.atomic():
            record_submission(
                decode(entry.submission),
                tracking_id=entry.tracking_id,
                access_code_hash=entry.access_code_hash,
                fingerprint=entry.fingerprint,
                received_at=entry.received_at,
            )
            entry.delete()
        return True
    except SubmissionError as refused:
        # Reference data changed since the submission was accepted (a category retired, say):
        # nothing to retry until someone decides; the entry waits, with the reason.
        _set_aside(entry, f"{refused.field}: {refused.message}", final=True)
    except Exception as error:  # one bad entry must not stop the others
        logger.exception("Recording journal entry %s failed.", entry.pk)
        _set_aside(entry, repr(error)[:500], final=entry.attempts + 1 >= MAX_ATTEMPTS)
    return False


def _set_aside(entry: JournalEntry, reason: str, *, final: bool) -> None:
    JournalEntry.objects.filter(pk=entry.pk).update(
        attempts=entry.attempts + 1,
        error=reason,
        state=JournalState.FAILED if final else JournalState.PENDING,
    )


def retry_failed() -> int:
    """Put entries that needed attention back in line (after the cause was fixed)."""
    return JournalEntry.objects.filter(state=JournalState.FAILED).update(
        state=JournalState.PENDING, attempts=0
    )


def public_waiting(raw_id: str) -> JournalEntry | None:
    """The journal entry behind a typed tracking ID, when it is not a report yet and will be a
    public one: what Open311 and the portal may say about a request still being recorded."""
    return next(iter(public_waiting_many([raw_id])), None)


def public_waiting_many(raw_ids: list[str]) -> list[JournalEntry]:
    """`public_waiting` for several typed IDs in one query (Open311's list by ID), oldest first."""
    canonical = {c for c in map(normalize_tracking_id, raw_ids) if c is not None}
    if not canonical:
        return []
    entries = JournalEntry.objects.filter(tracking_id__in=canonical).order_by("pk")
    return [e for e in entries if e.submission.get("privacy") in PUBLIC_TIERS]
