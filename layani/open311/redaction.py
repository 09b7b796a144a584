"""What the public may read of free text: personal data masked before it leaves through Open311."""

from __future__ import annotations

from layani.routing.redaction import redact as _redact


def redact(text: str | None) -> str | None:
    """`text` with personal data (NIK, phone, e-mail, account numbers, named reporters) masked."""
    if not text:
        return text
    return _redact(text).text
