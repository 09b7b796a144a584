"""Reads for routing: the taxonomy as the router sees it, the router in use, decisions to review."""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime

from django.db.models import QuerySet

from layani.directory.models import Category
from layani.intake.models import Report, ReportStatus

from .classifier import Router, RouterConfig, TaxonomyEntry
from .duplicates import DuplicateCandidate, find_duplicates
from .models import ModelVersion, RoutingDecision, RoutingSettings

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


def live_suggestions(report_ids: list[int]) -> dict[int, tuple[Category, float]]:
    """The router's best category and its confidence for reports without a stored suggestion,
    computed now and not kept (reading a page writes nothing).

    The sweep stores a suggestion for each new report every few minutes (escalation.sweep), and
    only for submitted ones: until then — and for reports verified before they were routed — the
    queue would show nothing where the case page shows a live suggestion. One prediction for all
    `report_ids` and two queries, whatever their number.
    """
    if not report_ids:
        return {}
    router, _version, _label = current_router()
    texts = list(Report.objects.filter(pk__in=report_ids).values_list("pk", "title", "description"))
    if not texts:
        return {}
    probabilities = router.predict_proba([f"{title}. {text}" for _pk, title, text in texts])
    best = [str(router.classes_[row.argmax()]) for row in probabilities]
    categories = Category.objects.select_related("parent").in_bulk(set(best), field_name="code")
    found = {}
    for (pk, _title, _text), code, row in zip(texts, best, probabilities, strict=True):
        if code in categories:
            found[pk] = (categories[code], float(row.max()))
    return found
