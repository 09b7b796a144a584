"""The statistics page's map of reports per district: the minimum rule, the table, the counting."""

import itertools
import re

import pytest
from django.urls import reverse

from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import ReportSubmission, submit_report
from layani.transparency import districts
from layani.transparency.districts import PALETTE, bands

SLEMAN_DISTRICT = "34.04.07"  # the district of conftest's A_SLEMAN_VILLAGE
TEGALREJO = "34.71.01"


def _report(region, privacy=PrivacyTier.BIASA):
    return submit_report(
        ReportSubmission(
            description="Jalan berlubang besar di depan sekolah, berbahaya bagi pengendara.",
            region_code=region,
            channel=Channel.WEB,
            privacy=privacy,
        )
    ).report


@pytest.fixture(autouse=True)
def _own_cache(private_cache):
    """The counts live in the cache: a cache of this test's own, not the Redis other test
    processes share in the PostgreSQL pass."""


@pytest.fixture
def counted(boundaries, categories, settings):
    settings.TRANSPARENCY_MIN_CASES = 3
    for _ in range(3):
        _report("34.04.07.2001")
    _report("34.04.07.2002", PrivacyTier.RAHASIA)  # counted in the number, never shown as a row
    _report("34.71.01.1001")  # Tegalrejo: one report, below the minimum
    _report("34.04")  # names only its regency


def test_bands_cover_the_shown_values_only():
    assert bands([0, 1, 2], minimum=3) == []
    classes = bands([0, 2, 3, 5, 8, 13, 21, 34, 55, 89], minimum=3)
    assert classes[0].low == 3 and classes[-1].high == 89
    assert [c.fill for c in classes] == list(PALETTE)
    for a, b in itertools.pairwise(classes):
        assert a.high < b.low and a.high + 1 == b.low
    one = bands([7, 7, 1], minimum=3)
    assert len(one) == 1 and (one[0].low, one[0].high) == (7, 7)


def test_count_per_district_over_every_tier(counted):
    result = districts.count()
    assert result.counts[SLEMAN_DISTRICT] == 4
    assert result.counts[TEGALREJO] == 1
    assert result.unplaced == 1


def test_page_colours_only_districts_with_enough_reports(client, counted):
    html = client.get(reverse("statistics:overview")).content.decode()
    section = html[html.index('class="district-map"') :]
    rows = dict(re.findall(r'<tr data-district="([\d.]+)">(.*?)</tr>', section, re.S))
    assert len(rows) == 78  # every district of DI Yogyakarta, in the table as on the map
    assert '<td class="num">4</td>' in rows[SLEMAN_DISTRICT]
    # "too few to show", and the number itself is not shown
    assert "terlalu sedikit untuk ditampilkan" in rows[TEGALREJO] and ">1<" not in rows[TEGALREJO]
    paths = re.findall(r'<path d="[^"]+" fill="([^"]+)"[^>]*><title>([^<]+)</title>', section)
    fills = {title.split(",")[0]: fill for fill, title in paths}
    label = re.search(r"<th[^>]*>([^<]+)</th>", rows[SLEMAN_DISTRICT]).group(1)
    assert fills[label] in PALETTE
    assert fills["Kec. Tegalrejo"] == "url(#too-few)"
    assert sum(1 for fill, _ in paths if fill in PALETTE) == 1
    assert "1 laporan hanya menyebut kabupaten/kotanya" in section  # "names only its regency"
    assert "RAHASIA" not in section
    assert len(section.encode()) < 60_000  # the map and its table, measured: about 40 KB


def test_the_page_reads_kept_counts_and_the_scheduler_refreshes_them(client, counted):
    from layani.transparency.tasks import update_statistics_rollups

    client.get(reverse("statistics:overview"))  # a small deployment: counted on first view
    _report("34.04.07.2001")
    html = client.get(reverse("statistics:overview")).content.decode()
    assert '<td class="num">4</td>' in html  # not recounted on a page view
    update_statistics_rollups.call()
    html = client.get(reverse("statistics:overview")).content.decode()
    assert '<td class="num">5</td>' in html


def test_a_large_deployment_never_counts_on_a_page_view(client, counted, settings):
    settings.TRANSPARENCY_AUTO_BUILD = 0
    html = client.get(reverse("statistics:overview")).content.decode()
    assert "Peta sedang disiapkan" in html  # "The map is being prepared"
    assert "data-district-table" not in html


def test_no_map_without_boundaries(client, regions, categories):
    html = client.get(reverse("statistics:overview")).content.decode()
    assert 'class="district-map"' not in html
