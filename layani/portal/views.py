"""Citizen pages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from layani.cases import presentation
from layani.directory.models import Agency, Region
from layani.intake.models import FINAL_STATUSES, Channel, ReportStatus
from layani.intake.selectors import recent_public_reports, report_counts

from .selectors import public_thumbnails


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what Layani is, figures counted a few minutes ago at most (see
    `intake.selectors.report_counts`), the newest public reports."""
    counts = report_counts()
    by_status = counts.by_status
    total = sum(by_status.values())
    by_category = counts.by_main_category
    top = by_category[0][1] if by_category else 0
    channel_labels = dict(Channel.choices)
    context = {
        "total": total,
        "open": total - sum(by_status[s] for s in FINAL_STATUSES),
        "closed": by_status[ReportStatus.CLOSED],
        "status_rows": [(label, by_status[value]) for value, label in ReportStatus.choices],
        "category_rows": [(name, n, round(100 * n / top) if top else 0) for name, n in by_category],
        "channel_rows": [(channel_labels.get(c, c), n) for c, n in counts.by_channel],
        "agency_count": Agency.objects.filter(is_active=True).count(),
        "region_count": Region.objects.count(),
        "recent": _recent(),
    }
    return render(request, "portal/home.html", context)


def _recent() -> list[dict[str, object]]:
    """The newest public reports with their titles as the public may read them."""
    reports = list(recent_public_reports(8))
    titles = presentation.titles(presentation.Audience.PUBLIC, reports)
    photos = public_thumbnails(reports)
    return [
        {"report": r, "title": t, "photo": photos.get(r.pk)}
        for r, t in zip(reports, titles, strict=True)
    ]


FAVICON = Path(__file__).parent / "static" / "portal" / "favicon.ico"


@cache
def _favicon_bytes() -> bytes:
    return FAVICON.read_bytes()


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on their own: the tiny icon, cached for a week."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response
