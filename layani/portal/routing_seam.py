"""The portal's one door into the routing app: redaction, category suggestion, similar reports.

Routing is developed alongside the portal, so every call goes through this module: the import happens
inside the function, and when routing (or one of its parts) is missing the portal still works —
public text falls back to a conservative mask, and there is simply no suggestion and no "is this the
same problem?" list. Nothing else in the portal imports `layani.routing`.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from layani.directory.models import Category
from layani.intake.models import Report

logger = logging.getLogger(__name__)

#: Below this confidence a suggestion would confuse more than help; the citizen chooses instead.
MIN_SUGGESTION_CONFIDENCE = 0.25
#: Shorter descriptions carry too little signal for a suggestion or a duplicate search.
MIN_TEXT_LENGTH = 15

_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .-]?8[\d .-]{7,16}\d")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _fallback_redact(text: str) -> str:
    text = _EMAIL.sub("[e-mail]", text)
    text = _NIK.sub("[NIK]", text)
    return _PHONE.sub("[phone]", text)


def redact_public(text: str) -> str:
    """`text` as the public may read it: personal data (NIK, phone, e-mail, accounts…) masked."""
    if not text:
        return text
    try:
        from layani.routing.models import RoutingSettings
        from layani.routing.redaction import redact
    except ImportError:  # routing not installed: the conservative fallback
        return _fallback_redact(text)
    return redact(text, plates=RoutingSettings.current().redact_plates).text


#: Masked texts each process remembers for lists (keyed by the plates policy and the text).
_REMEMBERED_MAX = 5000
_remembered: OrderedDict[tuple[bool, str], str] = OrderedDict()
_remembered_lock = threading.Lock()


def redact_public_many(texts: list[str]) -> list[str]:
    """`redact_public` for a page of texts: the policy read once, repeated texts masked once.

    Masking costs about 2 ms per text; a list page shows 40 and most are the same on the next view,
    so each process remembers the last `_REMEMBERED_MAX` results (the text itself is the key, so an
    edited text is masked afresh).
    """
    try:
        from layani.routing.models import RoutingSettings
        from layani.routing.redaction import redact
    except ImportError:  # routing not installed: the conservative fallback
        return [_fallback_redact(t) if t else t for t in texts]
    plates = RoutingSettings.current().redact_plates
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


@dataclass(frozen=True)
class CategorySuggestion:
    category: Category
    confidence: float


def suggest_category(text: str, region_code: str = "") -> CategorySuggestion | None:
    """The router's best category for a report being written, or None when unsure or unavailable.

    The suggestion is computed on an unsaved report and never stored: the record of suggestion vs
    decision is made by routing when the real report arrives.
    """
    if len(text.strip()) < MIN_TEXT_LENGTH:
        return None
    try:
        from layani.routing.services import suggest_for_report
    except ImportError:
        return None
    draft = Report(title="", description=text, region_id=region_code or "")
    try:
        suggestion = suggest_for_report(draft, save=False)
    except Exception:  # a suggestion is a convenience: never let it break the form
        logger.exception("category suggestion failed")
        return None
    if suggestion.category_confidence < MIN_SUGGESTION_CONFIDENCE:
        return None
    return CategorySuggestion(suggestion.category, suggestion.category_confidence)


@dataclass(frozen=True)
class SimilarReport:
    report: Report
    title: str
    distance_m: float | None


def similar_public_reports(
    text: str,
    region_code: str,
    latitude: float | None = None,
    longitude: float | None = None,
    limit: int = 3,
) -> list[SimilarReport]:
    """Public reports probably about the same problem ("is this the same? support it instead")."""
    if len(text.strip()) < MIN_TEXT_LENGTH or not (region_code or latitude is not None):
        return []
    try:
        from layani.routing.selectors import similar_public_reports as find
    except ImportError:
        return []
    candidates = find(
        text=text, region_code=region_code, latitude=latitude, longitude=longitude, limit=limit
    )
    # routing searches public tiers only; the check here keeps that promise even if it changes.
    return [
        SimilarReport(c.report, redact_public(c.report.title), c.distance_m)
        for c in candidates
        if c.report.is_public
    ]
