"""Open311 text goes through the routing redactor: personal data masked, ordinary numbers kept."""

from __future__ import annotations

import pytest

from layani.open311.redaction import redact


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("NIK saya 3404071708800003 ya", "3404071708800003"),
        ("hubungi 0812-3456-7890 segera", "0812-3456-7890"),
        ("WA +62 812 3456 7890.", "812 3456 7890"),
        ("email siti.r@example.co.id", "siti.r@example.co.id"),
    ],
)
def test_personal_data_is_masked(text, secret):
    masked = redact(text)
    assert masked is not None and secret not in masked
    assert masked.split()[0] == text.split()[0]  # the rest of the sentence stays


@pytest.mark.parametrize(
    "text", ["tanggal 2026-01-31 jam 09.15", "biaya Rp 620.000.000", "RT 03 RW 05 km 10"]
)
def test_ordinary_numbers_are_left_alone(text):
    assert redact(text) == text


def test_redact_keeps_empty_values():
    assert redact(None) is None
    assert redact("") == ""
