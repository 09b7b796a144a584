"""Public statistics pages and open-data downloads: adapters over selectors, scorecards and
opendata. Anyone may read them; nothing here needs a login or reveals a non-public report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import districts, opendata, published, rollups
from .charts import bar_chart
from .scorecards import minimum_cases, scorecards
from .selectors import Overview

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cached_overview() -> Overview:
    """The overview from the rollups (a few small tables, see docs/decisions/0017), kept for
    ``TRANSPARENCY_CACHE_SECONDS`` (default 300) per language: the rollups themselves move only
    when ``layani rollup_stats`` runs, every few minutes."""
    key = f"transparency:overview:{get_language()}"
    data = cache.get(key)
    if data is None:
        rollups.build_if_small()
        data = published.overview()
        cache.set(key, data, int(getattr(settings, "TRANSPARENCY_CACHE_SECONDS", 300)))
    return data


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    data = cached_overview()
    charts = [
        ("category", data.by_category, bar_chart(data.by_category)),
        ("region", data.by_region, bar_chart(data.by_region)),
        ("month", data.by_month, bar_chart(data.by_month)),
    ]
    context = {"data": data, "charts": charts, "district_map": districts.district_map(data.total)}
    return render(request, "transparency/statistics.html", context)


@require_GET
def scorecards_page(request: HttpRequest) -> HttpResponse:
    rollups.build_if_small()
    cards = scorecards()
    return render(
        request,
        "transparency/scorecards.html",
        {
            "ranked": [c for c in cards if c.ranked],
            "unranked": [c for c in cards if not c.ranked],
            "minimum": minimum_cases(),
        },
    )


@require_GET
def methods_page(request: HttpRequest) -> HttpResponse:
    return render(request, "transparency/methods.html", {"minimum": minimum_cases()})


@require_GET
def data_page(request: HttpRequest) -> HttpResponse:
    return render(request, "transparency/data.html", {"fields": opendata.FIELDS.items()})


def _download(
    rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, sheet: str, name: str
) -> HttpResponseBase:
    """CSV streams (a million rows never sit in memory); JSON and XLSX are one document."""
    body = opendata.encode(rows, columns, fmt, sheet)
    response: HttpResponseBase
    if isinstance(body, str | bytes):
        response = HttpResponse(body, content_type=FORMATS[fmt])
    else:
        response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
def reports_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Every public report, redacted, as CSV (streamed), JSON or XLSX."""
    if fmt not in FORMATS:
        raise Http404
    return _download(
        opendata.public_report_rows(), list(opendata.FIELDS), fmt, "laporan", "laporan-publik"
    )


@require_GET
def statistics_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The statistics page's figures as long-format rows."""
    if fmt not in FORMATS:
        raise Http404
    rows = opendata.statistics_rows(cached_overview())
    return _download(rows, opendata.STATISTICS_COLUMNS, fmt, "statistik", "statistik")
