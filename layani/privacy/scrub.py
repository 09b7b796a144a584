"""Masking one reporter's personal data in free text: their own stored values, then the redactor.

The redactor (`layani.intake.redaction`) finds NIK, phone numbers, e-mail addresses and names after
an introduction ("nama saya …"). Erasure also knows the reporter's stored identity, so their exact
name, NIK, phone (as 08…, 628… or +628…) and e-mail are masked wherever they were typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from layani.intake.models import ReporterIdentity
from layani.intake.redaction import redact

from .selectors import phone_variants

_MIN_NAME_PART = 3


@dataclass(frozen=True)
class Secrets:
    """The values to mask, longest first, each with its label."""

    values: list[tuple[str, str]] = field(default_factory=list)
    name_parts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, identity: ReporterIdentity | None) -> Secrets:
        if identity is None:
            return cls()
        values: list[tuple[str, str]] = []
        if identity.name.strip():
            values.append((identity.name.strip(), "[name]"))
        if identity.nik.strip():
            values.append((identity.nik.strip(), "[NIK]"))
        if identity.email.strip():
            values.append((identity.email.strip(), "[e-mail]"))
        variants = phone_variants(identity.phone)
        for variant in variants:
            values.append((variant, "[phone]"))
        if variants:
            national = min(variants, key=len)[1:]  # the number without 0, 62 or +62
            if len(national) >= 8:
                values.append((national, "[phone]"))
        values.sort(key=lambda pair: len(pair[0]), reverse=True)
        parts = frozenset(
            p.lower() for p in re.split(r"\W+", identity.name) if len(p) >= _MIN_NAME_PART
        )
        return cls(values, parts)


def scrub_text(text: str, secrets: Secrets, *, redactor: bool = True) -> str:
    """`text` with the reporter's values masked, then (unless `redactor` is off) all detectable data."""
    if not text:
        return text
    for value, label in secrets.values:
        text = re.sub(re.escape(value), label, text, flags=re.IGNORECASE)
    return redact(text).text if redactor else text


def scrub_json(value: Any, secrets: Secrets) -> Any:
    """The same for JSON: strings are scrubbed; a string that is one of the name's words is masked."""
    if isinstance(value, dict):
        return {k: scrub_json(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_json(v, secrets) for v in value]
    if isinstance(value, str):
        if value.strip().lower() in secrets.name_parts:
            return "[name]"
        return scrub_text(value, secrets)
    return value
