"""Finding reports about the same problem: similar words, near each other, close in time.

Ten neighbours reporting the same broken street light should become one case with ten supports,
not ten cases. The search has two stages so that it stays fast with millions of stored reports:

1. a candidate query bounded by an index — with a point, the bounding box and the time window on
   the `(latitude, longitude, submitted_at)` index (read without ORDER BY, which would make the
   planner walk the whole window through `submitted_at`; the newest `MAX_CANDIDATES` are picked
   in Python); without a point, the same village on the `(region, submitted_at)` index — capped at
   `MAX_CANDIDATES`, newest first;
2. scoring of those few hundred candidates in Python: text similarity of normalised content words
   (consonant skeletons, so "jln rsk" meets "jalan rusak"), distance and time apart.

bench/routing/bench_duplicates.py measures it against a naive scan at a million reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from layani.intake.models import PUBLIC_TIERS, Report, ReportStatus

from .features import skeleton
from .text import tokens

#: How many recent reports around the point are scored at most.
MAX_CANDIDATES = 400
#: Keys read from the point index before falling back to the ordered query (a box so crowded
#: that its newest reports must be found by the database).
MAX_BOX_KEYS = 10 * MAX_CANDIDATES
#: Below this text similarity a nearby report is a neighbour, not a duplicate.
MIN_TEXT_SIMILARITY = 0.2
_METRES_PER_DEGREE = 111_320.0
_STOPWORDS = frozenset(
    """
    ada admin agar akan apakah assalamualaikum atau bagaimana banget bapak belum bisa bulan
    dalam dan dari dekat dengan depan di hari hormat ibu ingin ini itu izin jadi juga kalau
    kami kapan karena kasih ke kenapa kita lagi lapor laporan lebih malam masih mau
    melaporkan mengapa minggu mohon pada pagi para pihak sama sampai sangat saya segera
    sejak sekitar selamat siang sore sudah supaya tahun tapi terima terkait tersebut tidak
    tolong untuk warga wb wr yang yth
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


@dataclass
class DuplicateCandidate:
    """A stored report that may be about the same problem, with the evidence for it."""

    report: Report
    score: float
    text_similarity: float
    distance_m: float | None
    days_apart: float


def content_words(text: str) -> frozenset[str]:
    """The words that say what a report is about, in skeleton form to absorb spelling variants."""
    return frozenset(skeleton(t) for t in tokens(text) if len(t) > 2 and t not in _STOPWORDS)


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine similarity of two word sets (shared words over the geometric mean of sizes)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def candidate_reports(
    *,
    at: datetime,
    window: timedelta,
    latitude: float | None,
    longitude: float | None,
    region_code: str | None,
    radius_m: float,
    exclude_pk: int | None = None,
    public_only: bool = False,
) -> QuerySet[Report]:
    """Stage 1: recent reports near the point (or in the same village), on indexed columns only."""
    reports = Report.objects.filter(submitted_at__gte=at - window, submitted_at__lte=at + window)
    if exclude_pk is not None:
        reports = reports.exclude(pk=exclude_pk)
    if public_only:
        reports = reports.filter(privacy__in=PUBLIC_TIERS)
    reports = reports.exclude(status__in=[ReportStatus.ARCHIVED, ReportStatus.MERGED])
    if latitude is not None and longitude is not None:
        dlat = radius_m / _METRES_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(latitude)), 0.01)
        reports = reports.filter(
            latitude__gte=Decimal(f"{latitude - dlat:.6f}"),
            latitude__lte=Decimal(f"{latitude + dlat:.6f}"),
            longitude__gte=Decimal(f"{longitude - dlon:.6f}"),
            longitude__lte=Decimal(f"{longitude + dlon:.6f}"),
        )
        keys = list(reports.order_by().values_list("submitted_at", "pk")[:MAX_BOX_KEYS])
        if len(keys) < MAX_BOX_KEYS:
            newest = [pk for _at, pk in sorted(keys, reverse=True)[:MAX_CANDIDATES]]
            reports = Report.objects.filter(pk__in=newest)
    elif region_code:
        reports = reports.filter(region_id=region_code)
    else:
        return Report.objects.none()
    return reports.select_related("category", "region").order_by("-submitted_at")[:MAX_CANDIDATES]


def find_duplicates(
    report: Report | None = None,
    *,
    text: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    region_code: str | None = None,
    at: datetime | None = None,
    window_days: int = 30,
    radius_m: float = 500,
    limit: int = 5,
    min_score: float = 0.35,
    public_only: bool = False,
) -> list[DuplicateCandidate]:
    """Likely duplicates of `report` (or of a report being written: text, point, region, time).

    The score weighs text similarity (60 %), closeness within `radius_m` (25 %; a report without a
    point in the same village counts as half-close) and time apart within the window (15 %).
    `public_only` limits candidates to reports whose content the public may read (for intake).
    """
    if report is not None:
        text = text or f"{report.title}. {report.description}"
        latitude = float(report.latitude) if report.latitude is not None else latitude
        longitude = float(report.longitude) if report.longitude is not None else longitude
        region_code = region_code or report.region_id
        at = at or report.submitted_at
    at = at or timezone.now()
    window = timedelta(days=window_days)
    words = content_words(text)
    results: list[DuplicateCandidate] = []
    for other in candidate_reports(
        at=at,
        window=window,
        latitude=latitude,
        longitude=longitude,
        region_code=region_code,
        radius_m=radius_m,
        exclude_pk=report.pk if report is not None else None,
        public_only=public_only,
    ):
        similarity = text_similarity(words, content_words(f"{other.title}. {other.description}"))
        if similarity < MIN_TEXT_SIMILARITY:
            continue
        distance = None
        closeness = 0.5
        if (
            latitude is not None
            and longitude is not None
            and other.latitude is not None
            and other.longitude is not None
        ):
            distance = distance_m(
                latitude, longitude, float(other.latitude), float(other.longitude)
            )
            closeness = max(0.0, 1 - distance / radius_m)
        days = abs((at - other.submitted_at).total_seconds()) / 86_400
        score = 0.6 * similarity + 0.25 * closeness + 0.15 * max(0.0, 1 - days / window_days)
        if score >= min_score:
            results.append(
                DuplicateCandidate(other, round(score, 4), round(similarity, 4), distance, days)
            )
    results.sort(key=lambda c: c.score, reverse=True)
    return results[:limit]
