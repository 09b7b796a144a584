"""The canonical forms are a published format: outside verifiers re-implement them byte for byte."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from layani.audit import chain

WIB = timezone(timedelta(hours=7))


def test_genesis_hash_is_64_zeros():
    assert chain.GENESIS_HASH == "0" * 64


def test_instants_are_utc_with_six_fractional_digits():
    assert chain.format_instant(datetime(2025, 3, 1, 9, 4, 5, tzinfo=WIB)) == (
        "2025-03-01T02:04:05.000000Z"
    )
    assert chain.format_instant(datetime(2025, 3, 1, 2, 4, 5, 123, tzinfo=UTC)) == (
        "2025-03-01T02:04:05.000123Z"
    )


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        chain.format_instant(datetime(2025, 3, 1))  # noqa: DTZ001 (the point of the test)


def test_entry_hash_is_sha256_of_the_documented_canonical_json():
    fields = {
        "sequence": 1,
        "occurred_at": datetime(2025, 3, 1, 9, 4, 5, 123, tzinfo=WIB),
        "action": "report.submitted",
        "actor_ref": "citizen",
        "object_type": "report",
        "object_ref": "K7R4XA96HW",
        "payload": {"channel": "web", "category": "jalan-rusak", "b": [1, True, None]},
        "visibility": "public",
        "prev_hash": chain.GENESIS_HASH,
    }
    written_out = (
        '{"action":"report.submitted","actor_ref":"citizen","object_ref":"K7R4XA96HW",'
        '"object_type":"report","occurred_at":"2025-03-01T02:04:05.000123Z",'
        '"payload":{"b":[1,true,null],"category":"jalan-rusak","channel":"web"},'
        f'"prev_hash":"{"0" * 64}","sequence":1,"visibility":"public"}}'
    )
    expected = hashlib.sha256(written_out.encode("utf-8")).hexdigest()
    assert chain.entry_hash(**fields) == expected
    # Pinned, so that an accidental change of the format fails loudly.
    assert expected == "f9680b9a08ad000c36af6965902cd783d0016e21fc1ad4a08e3066e8e0090c95"


def test_non_ascii_text_is_hashed_as_utf8_not_escaped():
    assert chain.canonical_json({"b": "Jl. Merdéka", "a": 1}) == '{"a":1,"b":"Jl. Merdéka"}'


def test_missing_payload_hashes_like_an_empty_one():
    common = {
        "sequence": 3,
        "occurred_at": datetime(2025, 1, 1, tzinfo=UTC),
        "action": "task.referred",
        "actor_ref": "user:42",
        "object_type": "task",
        "object_ref": "17",
        "visibility": "internal",
        "prev_hash": "a" * 64,
    }
    assert chain.entry_hash(payload=None, **common) == chain.entry_hash(payload={}, **common)


def test_checkpoint_statement_format():
    statement = chain.checkpoint_statement(
        sequence=12, entry_hash="ab" * 32, entry_count=12, at=datetime(2025, 1, 2, tzinfo=UTC)
    )
    assert statement == (
        f"layani-audit-checkpoint v1 seq=12 hash={'ab' * 32} count=12 "
        "at=2025-01-02T00:00:00.000000Z"
    )
