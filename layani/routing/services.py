"""Routing suggestions and the decisions people make on them.

`suggest_for_report` is called when a report arrives (or is edited); `record_final_decision` when a
coordinator disposes it — the cases workflow calls both. Suggestions never change the report: the
router only suggests, and the record of suggestion vs decision is what the next model learns from.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import User
from layani.audit.services import record as audit_record
from layani.directory.models import Agency, Category
from layani.directory.selectors import responsible_agencies
from layani.intake.models import Report

from .models import ModelVersion, RoutingDecision, RoutingSettings
from .selectors import current_router

#: Categories considered when adding up agency and service-class confidence: the top few carry
#: nearly all probability mass, and each costs one responsibility-matrix lookup.
_TOP_CATEGORIES = 5
#: Categories less likely than this are left out of those sums.
_NEGLIGIBLE = 0.02


@dataclass
class Alternative:
    category: Category
    confidence: float


@dataclass
class RoutingSuggestion:
    """What the router proposes for one report, each part with a confidence in [0, 1]."""

    category: Category
    category_confidence: float
    main_category: Category
    main_category_confidence: float
    agency: Agency | None
    agency_confidence: float
    service_class: str
    service_class_confidence: float
    words: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    model_version: ModelVersion | None = None
    model_label: str = ""

    def explanation(self) -> dict[str, object]:
        """The reasons, as stored with the decision and shown to the coordinator."""
        return {
            "words": self.words,
            "keywords": self.keywords,
            "alternatives": [
                {"category": a.category.code, "confidence": round(a.confidence, 4)}
                for a in self.alternatives
            ],
        }


def report_text(report: Report) -> str:
    """The text the router reads: title and description, as the citizen wrote them."""
    return f"{report.title}. {report.description}"


def suggest_for_report(report: Report, *, save: bool = True) -> RoutingSuggestion:
    """Suggest category, agency and service class for `report`, and keep the suggestion.

    The category comes from the router; the agency from the responsibility matrix at the
    category's usual level of government for the report's region; the service class from the
    category. Agency and service-class confidences add up the probability of every likely
    category that leads to the same answer: when the router hesitates between "drainase" and
    "banjir-genangan" but both go to the same public-works office, the agency is still certain.

    With `save`, the suggestion is stored in the report's `RoutingDecision` (replacing an earlier
    suggestion while nobody has decided yet).
    """
    router, version, label = current_router()
    text = report_text(report)
    probabilities = router.predict_proba([text])[0]
    order = probabilities.argsort()[::-1][:_TOP_CATEGORIES]
    codes = [str(router.classes_[i]) for i in order]
    categories = Category.objects.select_related("parent").in_bulk(codes, field_name="code")
    ranked = [
        (categories[c], float(probabilities[i]))
        for c, i in zip(codes, order, strict=True)
        if c in categories
    ]
    if not ranked:
        raise LookupError("The router's categories no longer exist; retrain it.")
    best, confidence = ranked[0]
    main = best.parent or best

    main_mass: dict[int, float] = defaultdict(float)
    agency_mass: dict[int | None, float] = defaultdict(float)
    class_mass: dict[str, float] = defaultdict(float)
    agencies: dict[int | None, Agency | None] = {}
    # The tail changes no confidence noticeably; the rest share one matrix query.
    weighed = [(c, p) for rank, (c, p) in enumerate(ranked) if rank == 0 or p >= _NEGLIGIBLE]
    responsible = responsible_agencies([c for c, _ in weighed], report.region_id)
    for category, p in weighed:
        main_mass[category.parent_id or category.pk] += p
        agency = responsible[category.pk]
        key = agency.pk if agency else None
        agencies[key] = agency
        agency_mass[key] += p
        class_mass[_service_class(category)] += p
    agency = next(iter(agencies.values()))  # the best category's agency
    explanation = router.explain(text, best.code)
    suggestion = RoutingSuggestion(
        category=best,
        category_confidence=confidence,
        main_category=main,
        main_category_confidence=min(1.0, main_mass[main.pk]),
        agency=agency,
        agency_confidence=agency_mass[agency.pk] if agency else 0.0,
        service_class=_service_class(best),
        service_class_confidence=class_mass[_service_class(best)],
        words=explanation.words,
        keywords=explanation.keywords,
        alternatives=[Alternative(c, p) for c, p in ranked[1:]],
        model_version=version,
        model_label=label,
    )
    if save:
        _store_suggestion(report, suggestion)
    return suggestion


def _service_class(category: Category) -> str:
    if category.default_service_class:
        return category.default_service_class
    return category.parent.default_service_class if category.parent else ""


def _store_suggestion(report: Report, s: RoutingSuggestion) -> None:
    if RoutingDecision.objects.filter(report=report, decided_at__isnull=False).exists():
        return  # a person has decided; the record of what was suggested then must not change
    RoutingDecision.objects.update_or_create(
        report=report,
        defaults={
            "model_version": s.model_version,
            "model_label": s.model_label,
            "suggested_category": s.category,
            "category_confidence": s.category_confidence,
            "suggested_main_category": s.main_category,
            "main_category_confidence": s.main_category_confidence,
            "suggested_agency": s.agency,
            "agency_confidence": s.agency_confidence,
            "suggested_service_class": s.service_class,
            "service_class_confidence": s.service_class_confidence,
            "explanation": s.explanation(),
            "suggested_at": timezone.now(),
        },
    )


def is_confident_enough(suggestion: RoutingSuggestion) -> bool:
    """Whether the report may skip manual triage and be disposed as suggested.

    Only when the deployment switched auto-disposition on, an agency was found, the suggestion
    came from a trained version whose threshold was calibrated on enough of the deployment's own
    held-out decisions (`calibrating.auto_threshold`; never for cold start), and both the category
    and the agency reach that threshold — or the admin's `auto_threshold`, if it is higher.
    """
    from .calibrating import auto_threshold

    settings = RoutingSettings.current()
    if not settings.auto_disposition_enabled or suggestion.agency is None:
        return False
    calibrated, _reason = auto_threshold(suggestion.model_version)
    if calibrated is None:
        return False
    threshold = max(calibrated, settings.auto_threshold)
    return suggestion.category_confidence >= threshold and suggestion.agency_confidence >= threshold


@transaction.atomic
def record_final_decision(
    report: Report,
    category: Category,
    agency: Agency | None,
    actor: User | None,
    *,
    service_class: str = "",
) -> RoutingDecision:
    """Record what a person (or, with `actor=None`, auto-disposition) finally chose for `report`.

    Called by the cases workflow when it disposes a report; it does not change the report itself.
    If no suggestion was stored yet, one is made first, so every decision has its suggestion next
    to it. Overrides are flagged and become the next model's training labels.
    """
    decision = RoutingDecision.objects.select_for_update().filter(report=report).first()
    if decision is None:
        suggest_for_report(report)
        decision = RoutingDecision.objects.select_for_update().get(report=report)
    decision.final_category = category
    decision.final_agency = agency
    decision.final_service_class = service_class or _service_class(category)
    decision.decided_by = actor
    decision.decided_at = timezone.now()
    decision.overridden = (
        decision.suggested_category_id != category.pk
        or decision.suggested_agency_id != (agency.pk if agency else None)
    )
    decision.save()
    audit_record(
        "routing.decided",
        actor_ref=f"user:{actor.pk}" if actor else "system",
        object_type="report",
        object_ref=report.tracking_id,
        payload={
            "category": category.code,
            "agency": agency.pk if agency else None,
            "overridden": decision.overridden,
            "model": decision.model_label,
            "confidence": f"{decision.category_confidence:.4f}",
        },
    )
    return decision
