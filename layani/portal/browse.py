"""Public reports: the list with filters and search, the map, one report's page, "dukung".

Everything shown passes through `cases.presentation` as the public reads it, and identities never
appear except a name the reporter of a regular report chose to show.

Supporting ("dukung") is `supporting.py`: once per account, or for a guest a proof of work within
an address budget (the rule: `layani.intake.supports`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from layani.audit.selectors import public_timeline
from layani.cases import presentation
from layani.directory.models import Category
from layani.directory.selectors import region_children
from layani.intake import journal
from layani.intake.models import FINAL_STATUSES, PrivacyTier
from layani.intake.tracking import format_tracking_id

from . import maps
from .attachments import public_attachments
from .pagination import CachedCountPaginator
from .places import map_settings
from .regions import region_path
from .selectors import (
    ReportFilters,
    has_supported,
    public_follow_ups,
    public_report,
    public_reports,
)
from .supporting import supporter_key
from .timeline import describe

PAGE_SIZE = 20


def _filters(request: HttpRequest) -> ReportFilters:
    get = request.GET
    region = get.get("regency") or get.get("province") or ""
    return ReportFilters(
        q=get.get("q", "")[:100],
        category=get.get("category", ""),
        region=region,
        status=get.get("status", ""),
        period=get.get("period", ""),
    )


#: The query parameters the filter form shows back (templates/portal/_filters.html).
FILTER_KEYS = ("q", "category", "province", "regency", "period", "status")


def _filter_context(request: HttpRequest) -> dict[str, object]:
    province = request.GET.get("province", "")
    mains = Category.objects.filter(is_active=True, parent__isnull=True).prefetch_related(
        "children"
    )
    return {
        "categories": mains,
        "provinces": region_children(None).order_by("name"),
        "regencies": region_children(province).order_by("name") if province else [],
        "periods": [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last year"))],
        "statuses": [("open", _("Still being handled")), ("closed", _("Finished"))],
        # A dict with every key the filter form reads: asking a QueryDict for an absent key made
        # the template engine call dir() on it, once per category option (docs/benchmarks.md).
        "current": {key: request.GET.get(key, "") for key in FILTER_KEYS},
        "query_string": _query_without_page(request),
    }


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def report_list(request: HttpRequest) -> HttpResponse:
    """Public reports, newest first, filtered by category, region, status and time, and searched."""
    filters = _filters(request)
    paginator = CachedCountPaginator(public_reports(filters), PAGE_SIZE, count_key=repr(filters))
    page = paginator.get_page(request.GET.get("page"))
    reports = list(page.object_list)
    texts = presentation.public_texts(
        t for r in reports for t in (r.title, _excerpt(r.description))
    )
    rows = [
        {"report": report, "title": texts[2 * i], "excerpt": texts[2 * i + 1]}
        for i, report in enumerate(reports)
    ]
    context = {"page": page, "rows": rows, **_filter_context(request)}
    return render(request, "portal/report_list.html", context)


def _excerpt(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def report_map(request: HttpRequest) -> HttpResponse:
    """The map page; markers come from `map_data`. Without JavaScript it links to the list."""
    context = {**map_settings(), **_filter_context(request)}
    return render(request, "portal/report_map.html", context)


def map_data(request: HttpRequest) -> JsonResponse:
    """Markers or clusters for the part of the map in view (see `maps`); titles redacted."""
    filters = _filters(request)
    try:
        view = maps.parse_view(request.GET.get("bbox"), request.GET.get("zoom"))
    except maps.ViewError as bad:
        message = {
            "bbox": _("bbox must be west,south,east,north in degrees, west ≤ east, south ≤ north."),
            "zoom": _("zoom must be a whole number from 0 to 19."),
        }[bad.field]
        return JsonResponse({"error": message, "field": bad.field}, status=400)
    data = maps.map_view(filters, view)
    titles = presentation.public_texts(str(m["title"]) for m in data["markers"])
    for marker, title in zip(data["markers"], titles, strict=True):
        marker["title"] = title
        marker["url"] = reverse("portal:report-detail", args=[marker["id"]])
    if view is None:
        data["extent"] = maps.extent(filters)
    return JsonResponse(dict(data))


def report_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """One public report: redacted text, where, status, public timeline and follow-ups."""
    report = public_report(tracking_id.upper())
    if report is None:
        return _waiting_or_404(request, tracking_id)
    identity = getattr(report, "identity", None)
    shown_name = (
        identity.name
        if identity and identity.show_name_publicly and report.privacy == PrivacyTier.BIASA
        else ""
    )
    key = supporter_key(request)
    shown = presentation.report_text(report, presentation.Audience.PUBLIC)
    follow_ups = list(public_follow_ups(report))
    context = {
        "report": report,
        "title": shown.title,
        "description": shown.description,
        "region_path": region_path(report.region),
        "shown_name": shown_name,
        "timeline": [describe(entry) for entry in public_timeline("report", report.tracking_id)],
        "follow_ups": list(
            zip(follow_ups, presentation.public_texts(m.body for m in follow_ups), strict=True)
        ),
        "supported": bool(key) and has_supported(report, key),
        "can_support": report.status not in FINAL_STATUSES,
        "attachments": public_attachments(report),
    }
    return render(request, "portal/report_detail.html", context)


def _waiting_or_404(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """A public report acknowledged through Open311 moments ago and not yet recorded (the intake
    journal): say so, with its number and time only, instead of a 404 that would read as lost."""
    entry = journal.public_waiting(tracking_id)
    if entry is None:
        raise Http404(_("There is no public report with this number."))
    context = {"tracking_id": format_tracking_id(entry.tracking_id), "entry": entry}
    return render(request, "portal/report_waiting.html", context, status=202)
