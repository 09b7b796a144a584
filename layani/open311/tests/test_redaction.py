"""The fallback redactor: NIK, phone numbers and e-mail masked; ordinary numbers left alone."""

from __future__ import annotations

import pytest

from layani.open311.redaction import _fallback_redact, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIK saya 3404071708800003 ya", "NIK saya [NIK] ya"),
        ("hubungi 0812-3456-7890 segera", "hubungi [telepon] segera"),
        ("WA +62 812 3456 7890.", "WA [telepon]."),
        ("telp (0274) 868 405", "telp [telepon]"),
        ("email siti.r@example.co.id", "email [email]"),
        ("tanggal 2026-01-31 jam 09.15", "tanggal 2026-01-31 jam 09.15"),
        ("biaya Rp 620.000.000", "biaya Rp 620.000.000"),
        ("RT 03 RW 05 km 10", "RT 03 RW 05 km 10"),
    ],
)
def test_fallback_masks_personal_data_only(text, expected):
    assert _fallback_redact(text) == expected


def test_redact_keeps_empty_values():
    assert redact(None) is None
    assert redact("") == ""
