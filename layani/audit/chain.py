"""The canonical forms that the hash chain and the checkpoint signatures are computed over.

Pure functions, no ORM, so that an outside verifier can re-implement them from this description:

* An entry's hash is the lowercase hex SHA-256 of the UTF-8 bytes of a JSON object with exactly the
  keys ``action``, ``actor_ref``, ``object_ref``, ``object_type``, ``occurred_at``, ``payload``,
  ``prev_hash``, ``sequence`` and ``visibility``, serialised with keys sorted at every level, no
  whitespace (``","`` and ``":"`` separators) and non-ASCII characters written as themselves
  (Python's ``json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``).
  ``sequence`` is an integer; ``occurred_at`` is UTC with microseconds, e.g.
  ``"2025-03-01T02:04:05.000123Z"``; ``payload`` is an object (``{}`` when empty).
* The first entry's ``prev_hash`` is 64 zeros; every later entry's ``prev_hash`` is the
  ``entry_hash`` of the entry with the previous sequence number.
* A checkpoint signs, with Ed25519, the UTF-8 bytes of the one-line statement
  ``layani-audit-checkpoint v1 seq=<n> hash=<entry hash> count=<entries> at=<UTC instant>``.

Payloads hold only strings, integers, booleans, null, lists and objects with identifier keys (see
``guards``): floats are left out because their text form is not stable across the JSON columns of
SQLite and PostgreSQL, and a hash that changes on a round trip would raise false alarms.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

#: The ``prev_hash`` of the first entry in the chain.
GENESIS_HASH = "0" * 64

#: The version tag at the start of every checkpoint statement.
CHECKPOINT_STATEMENT_PREFIX = "layani-audit-checkpoint v1"


# One encoder for every call: the verifier hashes millions of entries in a row.
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def format_instant(value: datetime) -> str:
    """An aware instant as UTC ISO-8601 with microseconds and a ``Z`` suffix.

    Always six fractional digits, so the same instant has exactly one text form.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("Audit timestamps must be timezone-aware.")
    # "...+00:00" from isoformat becomes "...Z"; isoformat is faster than strftime.
    return value.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def canonical_json(value: Any) -> str:
    """The one text form of a JSON value that hashes are computed over."""
    return _ENCODER.encode(value)


def entry_hash(
    *,
    sequence: int,
    occurred_at: datetime,
    action: str,
    actor_ref: str,
    object_type: str,
    object_ref: str,
    payload: dict[str, Any] | None,
    visibility: str,
    prev_hash: str,
) -> str:
    """The SHA-256 (hex) that seals one entry and, through ``prev_hash``, everything before it."""
    document = {
        "sequence": sequence,
        "occurred_at": format_instant(occurred_at),
        "action": action,
        "actor_ref": actor_ref,
        "object_type": object_type,
        "object_ref": object_ref,
        "payload": payload if payload is not None else {},
        "visibility": visibility,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def checkpoint_statement(*, sequence: int, entry_hash: str, entry_count: int, at: datetime) -> str:
    """The text a checkpoint signs: which entry it covers, that entry's hash, how many, and when."""
    return (
        f"{CHECKPOINT_STATEMENT_PREFIX} seq={sequence} hash={entry_hash} "
        f"count={entry_count} at={format_instant(at)}"
    )
