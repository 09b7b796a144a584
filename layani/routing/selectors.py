"""Reads for routing: the taxonomy as the router sees it, the router in use, decisions to review.

Importing this module costs no numeric library: `Router` (numpy, scipy, scikit-learn, joblib) is
imported inside `current_router`, the one function here that fits or loads a model. The web
process reads stored suggestions (`stored_suggestion`) and never calls it on common requests
(docs/decisions/0028-lean-workers-and-cheap-intake.md).
"""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from layani.directory.models import Category
from layani.intake.models import Report, ReportStatus

from .classifier import RouterConfig, TaxonomyEntry
from .duplicates import DuplicateCandidate, find_duplicates
from .models import ModelVersion, RoutingDecision, RoutingSettings

if TYPE_CHECKING:
    from .classifier import Router
    from .services import RoutingSuggestion

#: Statuses whose category a person has confirmed: the router learns only from these.
UNVERIFIED_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.ARCHIVED)

_cache_lock = threading.Lock()
_router_cache: dict[str, Router] = {}


def current_taxonomy() -> list[TaxonomyEntry]:
    """The active categories with their admin-edited names, descriptions and keywords."""
    rows = Category.objects.filter(is_active=True).select_related("parent").order_by("pk")
    return [
        TaxonomyEntry(
            code=c.code,
            name=c.name,
            parent_code=c.parent.code if c.parent else "",
            description=c.description,
            keywords=tuple(c.keyword_list()),
        )
        for c in rows
    ]


def active_model_version() -> ModelVersion | None:
    """The router version suggestions come from; None means the taxonomy cold start."""
    # Only the key is read (this runs for every suggestion); other fields load if ever used.
    return ModelVersion.objects.filter(is_active=True).only("pk").first()


def current_router() -> tuple[Router, ModelVersion | None, str]:
    """The router to suggest with, the version it came from, and a label for the record.

    Trained versions are loaded once per process. Without one, a cold-start router is built from
    the taxonomy and rebuilt whenever an admin edits a name, description or keyword (the cache key
    is a fingerprint of the taxonomy), so keyword edits act on the next suggestion.
    """
    from .classifier import Router  # the numeric stack, only where a model is used

    version = active_model_version()
    if version is not None:
        key = f"v{version.pk}"
        with _cache_lock:
            if key not in _router_cache:
                data = ModelVersion.objects.values_list("artefact", flat=True).get(pk=version.pk)
                _router_cache[key] = Router.loads(bytes(data))
            return _router_cache[key], version, key
    taxonomy = current_taxonomy()
    fingerprint = hashlib.sha256(repr(taxonomy).encode()).hexdigest()[:12]
    key = f"cold-start:{fingerprint}"
    with _cache_lock:
        if key not in _router_cache:
            _router_cache.clear()
            _router_cache[key] = Router(taxonomy, COLD_START_CONFIG).fit([], [])
        return _router_cache[key], None, key


#: Without history the taxonomy documents are the only examples; a looser margin fits them
#: better (measured in docs/decisions/0005-routing.md).
COLD_START_CONFIG = RouterConfig(c=1.0)


def verified_reports() -> QuerySet[Report]:
    """Reports whose category a person confirmed: the history the router learns from."""
    return (
        Report.objects.exclude(status__in=UNVERIFIED_STATUSES)
        .filter(category__isnull=False)
        .select_related("category", "routing_decision__final_category")
    )


def decisions_to_review(since: datetime | None = None) -> QuerySet[RoutingDecision]:
    """Decisions where a person overrode the router, newest first: what the model got wrong."""
    decisions = RoutingDecision.objects.filter(overridden=True).select_related(
        "report", "suggested_category", "final_category", "suggested_agency", "final_agency"
    )
    if since is not None:
        decisions = decisions.filter(decided_at__gte=since)
    return decisions.order_by("-decided_at")


def model_versions() -> QuerySet[ModelVersion]:
    """Every kept router version, newest first, without the (large) artefacts."""
    return ModelVersion.objects.defer("artefact").select_related("created_by")


def likely_duplicates(report: Report, limit: int = 5) -> list[DuplicateCandidate]:
    """For the coordinator's queue: reports that are probably about the same problem as `report`.

    Merging them (and counting supports) is the cases workflow's business; this only finds them,
    within the deployment's search window and radius.
    """
    settings = RoutingSettings.current()
    return find_duplicates(
        report,
        window_days=settings.duplicate_window_days,
        radius_m=settings.duplicate_radius_m,
        limit=limit,
    )


def similar_public_reports(
    *,
    text: str,
    region_code: str,
    latitude: float | None = None,
    longitude: float | None = None,
    limit: int = 3,
) -> list[DuplicateCandidate]:
    """For intake ("is this the same problem?"): public reports like the one being written.

    Only public tiers are searched, so a citizen never sees a confidential report; show their
    text through `redaction.redact`, like every public text.
    """
    settings = RoutingSettings.current()
    return find_duplicates(
        text=text,
        latitude=latitude,
        longitude=longitude,
        region_code=region_code,
        window_days=settings.duplicate_window_days,
        radius_m=settings.duplicate_radius_m,
        limit=limit,
        public_only=True,
    )


def stored_suggestion(report: Report) -> RoutingSuggestion | None:
    """The suggestion stored for `report` (by the sweep, or by the task the console asks for), as
    `suggest_for_report` made it; None while there is none. Reads one row and loads no model, so
    the coordinator's case page costs the web process no numeric library."""
    from .services import Alternative, RoutingSuggestion

    decision = (
        RoutingDecision.objects.filter(report=report, suggested_category__isnull=False)
        .select_related(
            "suggested_category__parent",
            "suggested_main_category",
            "suggested_agency",
            "model_version",
        )
        .first()
    )
    if decision is None or decision.suggested_category is None:
        return None
    category = decision.suggested_category
    explanation = decision.explanation or {}
    others = {
        a.get("category"): a.get("confidence", 0.0) for a in explanation.get("alternatives", [])
    }
    by_code = (
        Category.objects.in_bulk([c for c in others if c], field_name="code") if others else {}
    )
    return RoutingSuggestion(
        category=category,
        category_confidence=decision.category_confidence,
        main_category=decision.suggested_main_category or category.parent or category,
        main_category_confidence=decision.main_category_confidence,
        agency=decision.suggested_agency,
        agency_confidence=decision.agency_confidence,
        service_class=decision.suggested_service_class,
        service_class_confidence=decision.service_class_confidence,
        words=list(explanation.get("words", [])),
        keywords=list(explanation.get("keywords", [])),
        alternatives=[
            Alternative(by_code[code], float(p)) for code, p in others.items() if code in by_code
        ],
        model_version=decision.model_version,
        model_label=decision.model_label,
    )
