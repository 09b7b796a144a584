"""Aspirations gathered into proposal candidates: by village, by theme, then by similar words.

Aspirations are not closed like complaints; they wait to be gathered. Within one region (a village,
or a kecamatan with its villages) they are grouped by village and main category, and inside a group
clustered greedily with the duplicate finder's measures (`routing.duplicates.content_words`,
`text_similarity`, `distance_m`): an aspiration joins the first cluster whose words it shares enough
of and whose centre lies within `RADIUS_M` (when both have a point). A candidate is what a planning
officer may turn into a proposal: the reports, how many citizens and supports stand behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from layani.cases import presentation
from layani.intake.models import Report, ReportStatus, ReportType, public_coordinate
from layani.routing.duplicates import (
    MIN_TEXT_SIMILARITY,
    content_words,
    distance_m,
    text_similarity,
)

#: Aspirations read at most per region (newest first): a kecamatan's year fits easily.
MAX_ASPIRATIONS = 2000
#: Two aspirations with points farther apart than this are different needs.
RADIUS_M = 1500.0
#: Text similarity an aspiration needs to join a cluster (the duplicate finder's floor, raised:
#: the same village and theme are already required).
MIN_SIMILARITY = max(MIN_TEXT_SIMILARITY, 0.3)


@dataclass
class Candidate:
    """Aspirations that ask for the same thing in the same village: a proposal waiting to be made."""

    region_code: str
    category_id: int | None
    reports: list[Report] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    _points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable while no report joins or leaves: the oldest report's tracking ID."""
        return min(self.reports, key=lambda r: (r.submitted_at, r.pk)).tracking_id

    @property
    def tracking_ids(self) -> list[str]:
        return [r.tracking_id for r in self.reports]

    @property
    def citizens(self) -> int:
        return len(self.reports)

    @property
    def supports(self) -> int:
        return sum(r.support_count for r in self.reports)

    @property
    def category(self) -> object:
        return self.reports[0].category

    @property
    def region(self) -> object:
        return self.reports[0].region

    @property
    def title(self) -> str:
        """The oldest public report's title as the public may read it."""
        public = [r for r in self.reports if r.is_public] or self.reports
        first = min(public, key=lambda r: (r.submitted_at, r.pk))
        return presentation.text(presentation.Audience.PUBLIC, first.privacy, first.title)

    def centre(self) -> tuple[float, float] | None:
        if not self._points:
            return None
        lat = sum(p[0] for p in self._points) / len(self._points)
        lon = sum(p[1] for p in self._points) / len(self._points)
        return lat, lon

    def public_centre(self) -> tuple[float, float] | None:
        """The centre rounded as an anonymous report's pin is (about 100 m)."""
        centre = self.centre()
        if centre is None:
            return None
        return (
            float(public_coordinate(centre[0], "anonim")),
            float(public_coordinate(centre[1], "anonim")),
        )

    def _fits(self, words: frozenset[str], point: tuple[float, float] | None) -> bool:
        if text_similarity(frozenset(self.words), words) < MIN_SIMILARITY:
            return False
        centre = self.centre()
        if point is None or centre is None:
            return True
        return distance_m(centre[0], centre[1], point[0], point[1]) <= RADIUS_M

    def _add(
        self, report: Report, words: frozenset[str], point: tuple[float, float] | None
    ) -> None:
        self.reports.append(report)
        self.words |= words
        if point is not None:
            self._points.append(point)


def waiting_aspirations(region_code: str, *, public_only: bool) -> QuerySet[Report]:
    """Aspirations in the region (and its sub-regions) not yet behind any proposal."""
    rows = Report.objects.filter(type=ReportType.ASPIRATION, planning_link__isnull=True).exclude(
        status__in=[ReportStatus.ARCHIVED, ReportStatus.MERGED]
    )
    rows = rows.filter(region_id=region_code) | rows.filter(
        region__code__startswith=f"{region_code}."
    )
    if public_only:
        rows = rows.public()
    return rows.select_related("category", "region").order_by("submitted_at", "pk")[
        :MAX_ASPIRATIONS
    ]


def _theme(report: Report) -> int | None:
    """The main category (a sub-category's parent), so "lampu jalan" and "jalan rusak" part."""
    if report.category is None:
        return None
    return report.category.parent_id or report.category_id


def cluster(reports: list[Report]) -> list[Candidate]:
    """Candidates from reports, largest first (then oldest)."""
    groups: dict[tuple[str, int | None], list[Candidate]] = defaultdict(list)
    for report in reports:
        words = content_words(f"{report.title}. {report.description}")
        point = None
        if report.latitude is not None and report.longitude is not None:
            point = (float(report.latitude), float(report.longitude))
        key = (report.region_id, _theme(report))
        for candidate in groups[key]:
            if candidate._fits(words, point):
                candidate._add(report, words, point)
                break
        else:
            candidate = Candidate(region_code=report.region_id, category_id=report.category_id)
            candidate._add(report, words, point)
            groups[key].append(candidate)
    found = [c for cs in groups.values() for c in cs]
    return sorted(found, key=lambda c: (-c.citizens, -c.supports, c.key))


def candidates(region_code: str, *, public_only: bool = True) -> list[Candidate]:
    """The proposal candidates of a region: its waiting aspirations, clustered."""
    return cluster(list(waiting_aspirations(region_code, public_only=public_only)))
