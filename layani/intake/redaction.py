"""Masking personal data in text the public will read: report titles and descriptions, open data.

Citizens paste their NIK, phone number and bank account into complaints ("dana PIP belum masuk ke
rek BRI 0123…, hub 0812…"). Public pages and exports must never show them, while dates, amounts
(Rp 50.000), RT/RW and house numbers — what makes a report understandable — must stay.

Detection combines lokal-id's `samaran` detectors (well tested on Indonesian text: NIK, KK, phone,
e-mail, bank accounts, names after "nama saya"…) with patterns for forms it misses: NIK glued to
text ("NIK3404…", "nik.3201…") or split with dashes or dots, mobile numbers written with dots
("62.812.3456.7890"), account numbers after "rek"/"norek", and names after "atas nama"/"a.n.".
Addresses are deliberately not masked (the place is the point of a public report).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lokal.phone import parse_phone
from lokal.samaran import PiiType, detect_pii

#: Personal data kinds masked in public text, and what replaces them.
_LABELS = {
    "NIK": "[NIK]",
    "KK": "[KK]",
    "PHONE": "[phone]",
    "EMAIL": "[e-mail]",
    "BANK_ACCOUNT": "[account]",
    "CARD": "[account]",
    "NPWP": "[ID number]",
    "BPJS": "[ID number]",
    "PASSPORT": "[ID number]",
    "NAME": "[name]",
    "PLATE": "[plate]",
}
# samaran's NAME detector is left out: on generated reports it took greetings ("Sugeng siang"),
# programmes ("PIP") and relatives ("atas nama istri") for names. Names are masked only after an
# explicit introduction, below.
_SAMARAN_TYPES: list[PiiType] = [
    "NIK",
    "KK",
    "NPWP",
    "BPJS",
    "PASSPORT",
    "PHONE",
    "EMAIL",
    "BANK_ACCOUNT",
    "CARD",
]

# 16 digits, glued to letters or not, optionally split by single spaces, dots or dashes; not part of
# a longer run of digits (so a list of amounts "1.500.000 2.500.000 …" is never taken for a NIK).
_SIXTEEN_DIGITS = re.compile(r"(?<!\d)(?<!\d[ .-])(?:\d[ .-]?){15}\d(?![ .-]?\d)")
_MOBILE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .-]?8\d{1,3}(?:[ .-]?\d{2,5}){2,4}(?![ .-]?\d)")
# samaran misses some addresses (dotted local parts, reserved domains): every address is masked.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ACCOUNT = re.compile(
    r"\b(?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek|acc(?:ount)?)\b[.:\s]*"
    r"(?:[A-Za-z]{2,10}\s*[.:]?\s*)?(?P<value>\d[\d .-]{4,22}\d)",
    re.IGNORECASE,
)
_NOT_A_NAME = r"(?!(?:Saya|Kami|Aku|Ibu|Bapak|Pak|Bu|Istri|Suami|Anak|Orang|Warga)\b)"
_CAPITALISED_WORDS = rf"{_NOT_A_NAME}[A-Z][a-z']+(?:\s+{_NOT_A_NAME}[A-Z][a-z']+){{0,3}}"
_NAME_AFTER = re.compile(
    rf"\b(?i:nama saya|nama sy|atas nama|a\.\s?n\.?|nama\s*:)\s*:?\s*(?P<value>{_CAPITALISED_WORDS})"
    rf"|\b(?i:saya|sy),\s*(?P<value2>{_CAPITALISED_WORDS})\s*,"
)


@dataclass(frozen=True)
class Redaction:
    kind: str
    start: int
    end: int


@dataclass
class RedactionResult:
    """The masked text and what was masked where (offsets into the original text)."""

    text: str
    redactions: list[Redaction] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.redactions)

    def kinds(self) -> set[str]:
        return {r.kind for r in self.redactions}


def redact(text: str, *, plates: bool = False) -> RedactionResult:
    """Mask personal data in `text` for public display; `plates` also masks vehicle plates.

    Deployments decide on plates in `RoutingSettings.redact_plates`: a plate is often the very
    subject of a parking or traffic report, so masking it is a policy choice, not a default.
    """
    spans = _spans(text, plates=plates)
    out, cursor = [], 0
    for span in spans:
        out.append(text[cursor : span.start])
        out.append(_(_LABELS[span.kind]))
        cursor = span.end
    out.append(text[cursor:])
    return RedactionResult("".join(out), spans)


def _spans(text: str, *, plates: bool) -> list[Redaction]:
    types: list[PiiType] = [*_SAMARAN_TYPES, "PLATE"] if plates else _SAMARAN_TYPES
    found = [Redaction(m.type, m.start, m.end) for m in detect_pii(text, types=types)]
    found += [Redaction("NIK", m.start(), m.end()) for m in _SIXTEEN_DIGITS.finditer(text)]
    found += [
        Redaction("PHONE", m.start(), m.end())
        for m in _MOBILE.finditer(text)
        if parse_phone(m.group(0)).valid
    ]
    found += [Redaction("EMAIL", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    found += [
        Redaction("BANK_ACCOUNT", m.start("value"), m.end("value")) for m in _ACCOUNT.finditer(text)
    ]
    for m in _NAME_AFTER.finditer(text):
        group = "value" if m.group("value") else "value2"
        found.append(Redaction("NAME", m.start(group), m.end(group)))
    return _merge(found)


def _merge(spans: list[Redaction]) -> list[Redaction]:
    """Overlapping findings become one span; the kind of the longest finding names it."""
    merged: list[Redaction] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Redaction(last.kind, last.start, span.end)
            continue
        merged.append(span)
    return merged


#: Masked texts each process remembers (keyed by the plates policy and the text itself, so an
#: edited text is masked afresh): lists show the same texts view after view.
_REMEMBERED_MAX = 5000
_remembered: OrderedDict[tuple[bool, str], str] = OrderedDict()
_remembered_lock = threading.Lock()


def redact_many(texts: list[str], *, plates: bool = False) -> list[str]:
    """`redact(t, plates=plates).text` for each text, remembering the last `_REMEMBERED_MAX`."""
    out: list[str] = []
    for text in texts:
        if not text:
            out.append(text)
            continue
        with _remembered_lock:
            masked = _remembered.get((plates, text))
        if masked is None:
            masked = redact(text, plates=plates).text
            with _remembered_lock:
                _remembered[(plates, text)] = masked
                while len(_remembered) > _REMEMBERED_MAX:
                    _remembered.popitem(last=False)
        out.append(masked)
    return out
