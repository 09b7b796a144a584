"""What the public may read of free text: personal data masked before it leaves through Open311.

The routing app is getting the real redactor (``layani.routing.redaction.redact``). Until it lands,
this fallback masks the three things a citizen most often types into a public description: a NIK
(16 digits in a row), an Indonesian phone number and an e-mail address. When the routing module
exists it is used instead, with no change here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, cast

_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
# +62, 628… or 0, then digits with the separators people type; 9 to 15 digits make a number.
_PHONE = re.compile(r"(?<![\w+.\-(])\(?(?:\+62|62(?=8)|0)[\d\s.\-()]{6,20}\d(?!\w)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _fallback_redact(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    text = _NIK.sub("[NIK]", text)
    return _PHONE.sub(_mask_phone, text)


def _mask_phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return "[telepon]" if 9 <= digits <= 15 else match.group()


def _load() -> Callable[[str], object]:
    try:
        from layani.routing.redaction import redact as routing_redact  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _fallback_redact
    return routing_redact  # type: ignore[no-any-return,unused-ignore]


class _HasText(Protocol):
    text: str


_redactor = _load()


def redact(text: str | None) -> str | None:
    """`text` with personal data masked; None stays None."""
    if not text:
        return text
    result = _redactor(text)
    # The routing redactor returns a RedactionResult (text plus what was masked where).
    return result if isinstance(result, str) else cast(_HasText, result).text
