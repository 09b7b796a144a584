"""Tracking IDs (nomor tiket) and access codes.

A tracking ID is read aloud over the phone and typed on a cheap keypad. Its alphabet is the ten
digits (spoken "nol, satu, dua …", never confused) and seven letters whose Indonesian names rhyme
with no other symbol's: A (a), H (ha), K (ka), M (em), R (er), U (u), X (eks). Letters that rhyme
(be/ce/de/ge/pe/te/we/ye, ef/fe, en/em …) are left out. When typing, letters that look like a digit
are read as that digit (O→0, I/L→1, Z→2, S→5, G→6, B→8), so what a person copies from paper works.

Nine random symbols from `secrets` (about 37 bits: not guessable, not enumerable) and a check symbol
computed modulo 17 — the size of the alphabet, a prime — so every single-symbol typo and every swap
of two neighbours is rejected before a database lookup. Shown as ``K7R-4XA-96HW``.

The access code that lets a reporter follow a non-public report is separate and secret; only its HMAC
under a server-side key is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789AHKMRUX"
RANDOM_LENGTH = 9
ACCESS_CODE_LENGTH = 10
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6", "B": "8"})


def check_symbol(body: str) -> str:
    # Weighted sum modulo a prime-sized alphabet detects single substitutions and adjacent swaps.
    total = sum((i + 1) * _INDEX[ch] for i, ch in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_tracking_id() -> str:
    """A fresh random tracking ID in canonical form (no dashes), e.g. ``K7R4XA96HW``.

    At least one letter: an all-digit ID reads like a phone number to people and to the audit
    log's personal-data guard (about 1 ID in 200 would otherwise be all digits).
    """
    while True:
        body = _random_symbols(RANDOM_LENGTH)
        if any(ch.isalpha() for ch in body):
            return body + check_symbol(body)


def format_tracking_id(canonical: str) -> str:
    """``K7R4XA96HW`` → ``K7R-4XA-96HW`` for display."""
    return f"{canonical[:3]}-{canonical[3:6]}-{canonical[6:]}"


def normalize_tracking_id(raw: str) -> str | None:
    """The canonical form of a typed tracking ID, or None when it cannot be one of ours."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum()).translate(_LOOKALIKES)
    if len(cleaned) != RANDOM_LENGTH + 1 or any(ch not in _INDEX for ch in cleaned):
        return None
    if check_symbol(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned


def new_access_code() -> str:
    """A secret access code shown once to the reporter (10 symbols, about 41 bits)."""
    return _random_symbols(ACCESS_CODE_LENGTH)


#: Random bytes below this are used (255 = 15 × 17), so every symbol is exactly as likely.
_FAIR_BELOW = 256 - 256 % len(ALPHABET)


def _random_symbols(count: int) -> str:
    """`count` uniformly random symbols from `secrets`, with one system call for the lot (intake
    draws two codes per submission; `secrets.choice` asked the OS once per symbol)."""
    symbols: list[str] = []
    while len(symbols) < count:
        for byte in secrets.token_bytes(count + 4):
            if byte < _FAIR_BELOW and len(symbols) < count:
                symbols.append(ALPHABET[byte % len(ALPHABET)])
    return "".join(symbols)


def hash_access_code(code: str) -> str:
    """HMAC-SHA256 of the normalised code under a server-side key: fast, and useless without the key."""
    key = (settings.LAYANI_ACCESS_CODE_KEY or settings.SECRET_KEY).encode()
    normalized = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_LOOKALIKES)
    return hmac.new(key, normalized.encode(), hashlib.sha256).hexdigest()


def access_code_matches(code: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_access_code(code), stored_hash)
