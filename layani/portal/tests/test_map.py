"""The clustered public map: markers or cells counted by the database, never a confidential report.

Cells at zoom 10 are 360 / 2**10 * 64 / 256 = 0.087890625° wide; the expected cells and centres
below are worked out by hand from that width.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import ReportSubmission, submit_report
from layani.portal import maps

pytestmark = pytest.mark.django_db
URL = "/laporan/peta.json"


def _at(lat: str, lng: str, privacy=PrivacyTier.BIASA, title="Sampah menumpuk di pinggir jalan"):
    return submit_report(
        ReportSubmission(
            title=title,
            description=f"{title}, sudah seminggu tidak diangkut.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            privacy=privacy,
            latitude=Decimal(lat),
            longitude=Decimal(lng),
        )
    ).report


@pytest.fixture
def spots(regions, categories):
    return {
        "a": _at("-7.7012", "110.4023"),  # cell (-88, 1256)
        "b": _at("-7.7234", "110.4111"),  # cell (-88, 1256)
        "c": _at("-7.8046", "110.3721", PrivacyTier.ANONIM),  # cell (-89, 1255)
        "secret_here": _at("-7.7013", "110.4024", PrivacyTier.RAHASIA),
        "secret_far": _at("-7.9000", "110.5000", PrivacyTier.RAHASIA),
    }


def test_the_url_is_the_named_route():
    assert reverse("portal:report-map-data") == URL


def test_many_reports_in_view_become_cells_counted_without_confidential_ones(
    client, spots, monkeypatch
):
    monkeypatch.setattr(maps, "MAX_MARKERS", 2)
    data = client.get(URL, {"bbox": "110,-8.5,111,-7", "zoom": "10"}).json()
    assert data["total"] == 3 and data["markers"] == []
    assert data["clusters"] == [
        {
            "lat": -7.69043,
            "lng": 110.43457,
            "count": 2,
            "bounds": [[-7.73438, 110.39062], [-7.64648, 110.47852]],
        },
        {
            "lat": -7.77832,
            "lng": 110.34668,
            "count": 1,
            "bounds": [[-7.82227, 110.30273], [-7.73438, 110.39062]],
        },
    ]


def test_few_reports_in_view_are_markers_coarsened_by_tier(client, spots):
    data = client.get(URL, {"bbox": "110.30,-7.85,110.38,-7.78", "zoom": "14"}).json()
    assert data["total"] == 1 and data["clusters"] == []
    [marker] = data["markers"]
    assert marker["id"] == spots["c"].tracking_id
    assert (marker["lat"], marker["lng"]) == (-7.805, 110.372)  # anonymous: about 100 m
    assert marker["url"] == reverse("portal:report-detail", args=[spots["c"].tracking_id])
    near_a = client.get(URL, {"bbox": "110.40,-7.71,110.41,-7.70", "zoom": "16"}).json()
    assert [m["id"] for m in near_a["markers"]] == [spots["a"].tracking_id]  # not the rahasia one
    assert (near_a["markers"][0]["lat"], near_a["markers"][0]["lng"]) == (-7.7012, 110.4023)


def test_the_first_view_gives_the_extent_rounded_outwards_without_confidential_reports(
    client, spots
):
    data = client.get(URL).json()
    assert data["extent"] == [[-7.81, 110.37], [-7.70, 110.42]]
    assert data["total"] == 3


def test_filters_apply_to_clusters_too(client, spots, monkeypatch):
    monkeypatch.setattr(maps, "MAX_MARKERS", 0)
    data = client.get(URL, {"bbox": "110,-8.5,111,-7", "zoom": "10", "status": "closed"}).json()
    assert (data["total"], data["clusters"]) == (0, [])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bbox": "110,-8"}, "bbox"),
        ({"bbox": "barat,-8,111,-7"}, "bbox"),
        ({"bbox": "111,-8,110,-7"}, "bbox"),  # west east of east
        ({"bbox": "110,-7,111,-8"}, "bbox"),  # south north of north
        ({"bbox": "110,-8,nan,-7"}, "bbox"),
        ({"bbox": "110,-95,111,-7"}, "bbox"),
        ({"bbox": "110,-8,111,-7", "zoom": "25"}, "zoom"),
        ({"bbox": "110,-8,111,-7", "zoom": "dekat"}, "zoom"),
    ],
)
def test_a_view_the_server_cannot_use_is_a_clear_400(client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert field in response.json()["error"]


def test_marker_titles_are_redacted(client, regions, categories):
    report = _at("-7.7012", "110.4023", title="Sampah menumpuk, hubungi 081234567890")
    data = client.get(URL, {"bbox": "110.40,-7.71,110.41,-7.70", "zoom": "16"}).json()
    [marker] = data["markers"]
    assert marker["id"] == report.tracking_id
    assert "081234567890" not in marker["title"]
    assert marker["title"].startswith("Sampah menumpuk")
