"""Open311 text goes through the redactor: personal data masked, ordinary numbers kept."""

from __future__ import annotations

import pytest

from layani.open311.redaction import redact as _redact


def redact(text):
    return _redact(text, plates=False)


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


def test_primed_texts_are_masked_once_and_shared_through_the_cache(monkeypatch):
    """A page's texts are masked once; another process finds them in the shared cache."""
    from django.core.cache import cache

    from layani.open311 import redaction

    cache.clear()
    redaction._local.clear()
    calls = []
    real = redaction._redact

    def counting(text, **kwargs):
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(redaction, "_redact", counting)
    texts = ["NIK saya 3404071708800003 ya", "lampu mati di RT 03", None, ""]
    redaction.prime(texts, plates=False)
    assert sorted(calls) == sorted(texts[:2])
    assert redact(texts[0]) is not None and "3404071708800003" not in redact(texts[0])
    assert redact(texts[1]) == "lampu mati di RT 03"
    redaction._local.clear()  # as in a second worker process: only the shared cache is warm
    redaction.prime(texts, plates=False)
    assert redact(texts[0]) == real(texts[0]).text
    assert len(calls) == 2  # nothing was masked again
    # The cache key is an HMAC, never the text or the NIK in it.
    assert "3404071708800003" not in redaction._key(texts[0], False)


def test_the_per_process_memory_is_bounded(monkeypatch):
    from layani.open311 import redaction

    redaction._local.clear()
    monkeypatch.setattr(redaction, "LOCAL_MAX", 3)
    for n in range(5):
        redact(f"laporan nomor {n} tentang sampah")
    assert list(redaction._local) == [
        (False, f"laporan nomor {n} tentang sampah") for n in (2, 3, 4)
    ]


def test_plates_follow_the_deployments_policy(db):
    """Open311 masks plates when the deployment says so, as the portal does (cases.presentation)."""
    from layani.cases.presentation import Audience, text
    from layani.routing.models import RoutingSettings

    policy = RoutingSettings.current()
    policy.redact_plates = True
    policy.save()
    plate = "Truk AB 1234 CD parkir di trotoar"
    assert "AB 1234 CD" not in _redact(plate, plates=True)
    assert "AB 1234 CD" in _redact(plate, plates=False)  # remembered apart from the masked form
    assert _redact(plate, plates=True) == text(Audience.PUBLIC, "biasa", plate)
