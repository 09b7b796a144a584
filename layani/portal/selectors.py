"""Reads for the public pages: public reports with filters, one public report (the map: `maps`).

Every query starts from `Report.objects.public()`: confidential tiers, archived and merged reports
never reach a public page, a map marker or a count shown here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from layani.cases.models import CaseMessage, MessageKind
from layani.directory.models import Category
from layani.intake.models import FINAL_STATUSES, Report, Support

#: Periods offered in the "time" filter, in days.
PERIODS = {"7": 7, "30": 30, "365": 365}


@dataclass(frozen=True)
class ReportFilters:
    q: str = ""
    category: str = ""
    region: str = ""
    status: str = ""
    period: str = ""


def public_reports(filters: ReportFilters) -> QuerySet[Report]:
    """Public reports matching the filters, newest first, with category and region loaded."""
    reports = Report.objects.public().select_related(
        "category", "category__parent", "region", "region__parent"
    )
    if filters.category:
        category = Category.objects.filter(code=filters.category).first()
        if category is not None:
            reports = reports.filter(Q(category=category) | Q(category__parent=category))
    if filters.region:
        # Kemendagri codes nest: every region inside "34.04" has a code starting with "34.04.".
        reports = reports.filter(
            Q(region_id=filters.region) | Q(region__code__startswith=f"{filters.region}.")
        )
    if filters.status == "open":
        reports = reports.exclude(status__in=FINAL_STATUSES)
    elif filters.status == "closed":
        reports = reports.filter(status__in=FINAL_STATUSES)
    if filters.period in PERIODS:
        reports = reports.filter(
            submitted_at__gte=timezone.now() - timedelta(days=PERIODS[filters.period])
        )
    if filters.q.strip():
        words = filters.q.split()[:5]
        for word in words:
            reports = reports.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return reports.order_by("-submitted_at")


def public_report(tracking_id: str) -> Report | None:
    """One public report by tracking ID; None for unknown and non-public alike."""
    return (
        Report.objects.public()
        .select_related(
            "category", "category__parent", "region", "region__parent", "region__parent__parent"
        )
        .filter(tracking_id=tracking_id)
        .first()
    )


def public_follow_ups(report: Report) -> QuerySet[CaseMessage]:
    """The follow-ups agencies published on a public report (never notes or the reporter's words)."""
    return (
        CaseMessage.objects.filter(case_id=report.pk, kind=MessageKind.PUBLIC_FOLLOW_UP)
        .select_related("agency")
        .order_by("created_at")
    )


def has_supported(report: Report, supporter_key: str) -> bool:
    return Support.objects.filter(report=report, supporter_key=supporter_key).exists()


#: Photos on the home page: the newest public reports' small reviewed photos, within this many
#: bytes in all, so the page stays light (stored photos are not scaled down for thumbnails).
THUMBNAIL_BUDGET = 60_000
THUMBNAIL_MAX_BYTES = 25_000


def public_thumbnails(reports: list[Report]) -> dict[int, int]:
    """report pk → the pk of a photo anyone may see (reviewed, of a public report: the same rule as
    `attachments.public_attachments`), small enough for the home page's byte budget."""
    from layani.intake.models import Attachment

    public_pks = {r.pk for r in reports if r.is_public}
    photos = Attachment.objects.filter(
        report_id__in=public_pks,
        reviewed=True,
        content_type__in=("image/jpeg", "image/png", "image/webp", "image/gif"),
        size__lte=THUMBNAIL_MAX_BYTES,
    ).order_by("created_at", "pk")
    chosen: dict[int, int] = {}
    spent = 0
    for photo in photos:
        if photo.report_id in chosen or spent + photo.size > THUMBNAIL_BUDGET:
            continue
        chosen[photo.report_id] = photo.pk
        spent += photo.size
    return chosen
