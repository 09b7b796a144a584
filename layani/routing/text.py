"""Normalising Indonesian as citizens write it, before the router or duplicate search reads it.

Reports arrive as formal letters, WhatsApp bursts and SMS: "jln dpn sklh bolong2 gak diperbaiki2
😡😡". The classifier learns far more from "jalan depan sekolah lubang lubang tidak diperbaiki".
Normalisation is deterministic and cheap (a few microseconds per word) so that the same function
serves training, suggestions and duplicate search without drift between them.

Steps, in order: Unicode NFKC and lower case; personal data and URLs replaced by neutral tokens;
emoji to words; reduplication ("anak2" → "anak anak"); digits used as letters ("s4mpah" →
"sampah"); runs of a repeated letter squeezed ("parahhh" → "parah"); chat spellings, regional
words and abbreviations expanded from `informal.INFORMAL_WORDS`; optionally Indonesian stemming
(PySastrawi), which docs/decisions/0005-routing.md measured and left off by default.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from .informal import EMOJI_WORDS, INFORMAL_WORDS

_URL = re.compile(r"https?://\S+|www\.\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LONG_NUMBER = re.compile(r"(?:\+?\d[\d .-]{8,}\d)")
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")
_REDUPLICATION_DASH = re.compile(r"\b([a-z]{2,})-\1\b")
_LEET = {"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t"}
_LEET_INSIDE = re.compile(r"(?<=[a-z])[431057](?=[a-z])")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[a-z]+(?:/[a-z]+)?|\d+")
_EMOJI_PATTERN = re.compile(
    "|".join(re.escape(e) for e in sorted(EMOJI_WORDS, key=len, reverse=True))
)

#: Very long texts (a pasted letter with its whole history) are cut: the first part of a report says
#: what it is about, and the cost of every later step grows with length.
MAX_CHARS = 4000


def normalize(text: str, *, stem: bool = False) -> str:
    """The standard-spelling, lower-case form of a report text, as space-separated tokens.

    >>> normalize("Jln dpn sklh bolong2 gak diperbaiki2 😡😡")
    'jalan dpn sekolah lubang lubang tidak diperbaiki diperbaiki marah marah'
    """
    return " ".join(tokens(text, stem=stem))


def tokens(text: str, *, stem: bool = False) -> list[str]:
    """The normalised tokens of `text` (see the module docstring for the steps)."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower()
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _LONG_NUMBER.sub(" ", text)
    text = _EMOJI_PATTERN.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text)
    text = _REDUPLICATION.sub(r"\1 \1", text)
    text = _REDUPLICATION_DASH.sub(r"\1 \1", text)
    text = _LEET_INSIDE.sub(lambda m: _LEET[m.group(0)], text)
    text = _REPEATS.sub(r"\1", text)
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token.isdigit():
            continue  # numbers (amounts, durations, RT/RW) say nothing about the category
        standard = INFORMAL_WORDS.get(token)
        if standard is not None:
            out.extend(standard.split())
        elif "/" in token:
            out.extend(token.split("/"))
        else:
            out.append(token)
    if stem:
        out = [stem_word(t) for t in out]
    return out


@functools.lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The Indonesian stem of one word ("perbaikan" → "baik"), cached because reports repeat words."""
    return _stemmer().stem(word) or word


@functools.cache
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()
