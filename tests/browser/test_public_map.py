"""The public map in a real browser: clusters with counts, a click zooms in to markers."""

from decimal import Decimal

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import ReportSubmission, submit_report
from layani.portal import maps
from tests.browser.test_portal_journeys import serious_accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)


def _at(lat: str, lng: str, privacy=PrivacyTier.BIASA):
    submit_report(
        ReportSubmission(
            description="Sampah menumpuk di pinggir jalan, sudah seminggu tidak diangkut.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            privacy=privacy,
            latitude=Decimal(lat),
            longitude=Decimal(lng),
        )
    )


def test_clusters_show_counts_and_open_into_markers(
    new_page, regions, categories, audit_purged, monkeypatch
):
    monkeypatch.setattr(maps, "MAX_MARKERS", 3)
    for i in range(4):  # four in Sleman, close together
        _at(f"-7.70{i}", f"110.40{i}")
    _at("-7.8046", "110.3721")  # one in Yogyakarta
    _at("-7.7011", "110.4011", PrivacyTier.RAHASIA)  # never counted on the map
    page = new_page()
    page.goto("/laporan/peta/")
    clusters = page.locator(".map-cluster")
    clusters.first.wait_for()
    labels = sorted(c.get_attribute("aria-label") or "" for c in clusters.all())
    counts = sorted(int(c.inner_text()) for c in clusters.all())
    assert sum(counts) == 5, labels
    assert all("laporan" in label for label in labels)
    assert "5" in page.locator("#report-map-count").inner_text()
    assert serious_accessibility_problems(page) == []
    # Each click zooms into the cell; the four close reports split into markers at last.
    markers = page.locator(".leaflet-marker-icon:not(.map-cluster)")
    for _ in range(12):
        if markers.count():
            break
        biggest = max(page.locator(".map-cluster").all(), key=lambda c: int(c.inner_text()))
        biggest.click()
        page.wait_for_timeout(700)
    assert 1 <= markers.count() <= 3
    assert page.locator(".map-cluster").count() == 0
    in_view = int(
        "".join(ch for ch in page.locator("#report-map-count").inner_text() if ch.isdigit())
    )
    assert in_view == markers.count()
