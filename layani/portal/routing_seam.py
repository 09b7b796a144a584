"""The portal's one door into the routing app: category suggestion, similar reports.

Routing is developed alongside the portal, so every call goes through this module: the import happens
inside the function, and when routing (or one of its parts) is missing the portal still works —
there is simply no suggestion and no "is this the same problem?" list. Nothing else in the portal
imports `layani.routing`. Public text is masked by `cases.presentation` (the redactor lives in
intake, so it is always there).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from layani.cases import presentation
from layani.directory.models import Category
from layani.intake.models import Report

logger = logging.getLogger(__name__)

#: Below this confidence a suggestion would confuse more than help; the citizen chooses instead.
MIN_SUGGESTION_CONFIDENCE = 0.25
#: Shorter descriptions carry too little signal for a suggestion or a duplicate search.
MIN_TEXT_LENGTH = 15


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
    shown = [c for c in candidates if c.report.is_public]
    return [
        SimilarReport(c.report, title, c.distance_m)
        for c, title in zip(
            shown, presentation.public_texts(c.report.title for c in shown), strict=True
        )
    ]
