"""GET requests: the spec's filters and window, the common extensions, and query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import A_SLEMAN_VILLAGE, KOTA_YOGYAKARTA, SLEMAN
from layani.audit.models import Visibility
from layani.audit.services import record
from layani.directory.models import Agency, AgencyKind, Category, GovernmentLevel, Responsibility
from layani.directory.selectors import responsible_agency
from layani.intake.models import Report, ReportStatus
from layani.open311.selectors import lead_agencies, public_requests

from .conftest import make_report

pytestmark = pytest.mark.django_db

URL = "/open311/v2/requests.json"


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["service_request_id"] for item in response.json()]


def aged(report: Report, days: int) -> Report:
    moment = timezone.now() - timedelta(days=days)
    Report.objects.filter(pk=report.pk).update(submitted_at=moment, updated_at=moment)
    report.refresh_from_db()
    return report


@pytest.fixture
def spread(regions, categories):
    """Reports 1, 30, 100 and 200 days old; the 30-day one is closed, the 1-day one is a road."""
    new = make_report(category_code="jalan-rusak", description="Jalan berlubang")
    month = aged(make_report(), 30)
    Report.objects.filter(pk=month.pk).update(status=ReportStatus.CLOSED, closed_at=timezone.now())
    old = aged(make_report(region_code=KOTA_YOGYAKARTA, latitude=None, longitude=None), 100)
    older = aged(make_report(), 200)
    return {"new": new, "month": month, "old": old, "older": older}


def test_the_default_window_is_the_last_90_days_newest_first(client, spread):
    assert ids(client.get(URL)) == [
        spread["new"].display_tracking_id,
        spread["month"].display_tracking_id,
    ]


def test_dates_status_and_service_code_filter(client, spread):
    start = (timezone.now() - timedelta(days=150)).isoformat()
    end = (timezone.now() - timedelta(days=80)).isoformat()
    assert ids(client.get(URL, {"start_date": start, "end_date": end})) == [
        spread["old"].display_tracking_id
    ]
    assert ids(client.get(URL, {"status": "closed"})) == [spread["month"].display_tracking_id]
    assert ids(client.get(URL, {"status": "open,closed"})) == ids(client.get(URL))
    assert ids(client.get(URL, {"service_code": "jalan-rusak,bansos"})) == [
        spread["new"].display_tracking_id
    ]
    closed = client.get(URL, {"status": "closed"}).json()[0]
    assert (closed["status"], closed["status_notes"]) == ("closed", str(ReportStatus.CLOSED.label))


def test_service_request_id_overrides_every_other_filter(client, spread):
    wanted = [spread["older"].display_tracking_id, spread["new"].tracking_id]
    got = ids(client.get(URL, {"service_request_id": ",".join(wanted), "status": "closed"}))
    assert set(got) == {spread["older"].display_tracking_id, spread["new"].display_tracking_id}
    assert ids(client.get(URL, {"service_request_id": "rubbish"})) == []


def test_updated_after_and_before_replace_the_window(client, spread):
    since = (timezone.now() - timedelta(days=150)).isoformat()
    until = (timezone.now() - timedelta(days=50)).isoformat()
    assert ids(client.get(URL, {"updated_after": since, "updated_before": until})) == [
        spread["old"].display_tracking_id
    ]


def test_pages_are_stable_and_do_not_overlap(client, regions, categories):
    moment = timezone.now() - timedelta(hours=1)
    made = [make_report() for _ in range(5)]
    Report.objects.filter(pk__in=[r.pk for r in made]).update(submitted_at=moment)  # all tied
    pages = [ids(client.get(URL, {"page": p, "page_size": 2})) for p in (1, 2, 3, 4)]
    flat = [i for page in pages for i in page]
    assert [len(p) for p in pages] == [2, 2, 1, 0]
    assert sorted(flat) == sorted(r.display_tracking_id for r in made)
    assert pages == [ids(client.get(URL, {"page": p, "page_size": 2})) for p in (1, 2, 3, 4)]


def test_lat_long_finds_requests_nearby(client, regions, categories):
    near = make_report(latitude="-7.716000", longitude="110.355000")
    make_report(latitude="-7.800000", longitude="110.365000")  # about 9 km south
    found = ids(client.get(URL, {"lat": "-7.7165", "long": "110.3555", "radius": "500"}))
    assert found == [near.display_tracking_id]


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "kemarin"},
        {"end_date": "2026-13-45T00:00:00Z"},
        {"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"},
        {"start_date": "2025-06-01T00:00:00Z", "end_date": "2025-01-01T00:00:00Z"},
        {"status": "pending"},
        {"page": "0"},
        {"page_size": "-5"},
        {"page": "x"},
        {"lat": "-7.7"},
        {"lat": "91", "long": "110"},
        {"lat": "nan", "long": "110"},
        {"lat": "-7.7", "long": "110", "radius": "999999999"},
        {"updated_after": "\x00"},
    ],
)
def test_malformed_filters_are_400_not_500(client, db, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_a_datetime_whose_plus_became_a_space_is_still_read(client, spread):
    start = (timezone.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S") + " 07:00"
    assert ids(client.get(URL, {"start_date": start})) == [spread["new"].display_tracking_id]


def test_extensions_add_the_public_history(client, regions, categories):
    report = make_report()
    record(
        "report.verified",
        actor_ref="user:1",
        object_type="report",
        object_ref=report.tracking_id,
        payload={"status": "verified"},
        visibility=Visibility.PUBLIC,
    )
    record(
        "report.note_added",
        actor_ref="user:1",
        object_type="report",
        object_ref=report.tracking_id,
        visibility=Visibility.INTERNAL,
    )
    plain = client.get(URL).json()[0]
    assert "notes" not in plain
    item = client.get(URL, {"extensions": "true"}).json()[0]
    assert [n["type"] for n in item["notes"]] == ["report.submitted", "report.verified"]
    assert all(n["datetime"].endswith("+07:00") for n in item["notes"])
    single = client.get(f"/open311/v2/requests/{report.display_tracking_id}.xml?extensions=true")
    assert b"<note><datetime>" in single.content

    updates = client.get("/open311/v2/servicerequestupdates.json").json()
    assert [u["status"] for u in updates] == ["open", "open"]
    assert int(updates[0]["update_id"]) < int(updates[1]["update_id"])
    assert all(u["service_request_id"] == report.display_tracking_id for u in updates)
    assert len(updates) == 2


@pytest.fixture
def matrix(regions, categories):
    roads = Category.objects.get(code="jalan-rusak")

    def agency(slug, level, region=None):
        kind = AgencyKind.MINISTRY if region is None else AgencyKind.REGIONAL_OFFICE
        return Agency.objects.create(
            slug=slug, name=slug, short_name=slug, level=level, kind=kind, region_id=region
        )

    national = agency("kemen-pu", GovernmentLevel.NATIONAL)
    sleman = agency("pu-sleman", GovernmentLevel.REGENCY, SLEMAN)
    roads_sleman = agency("bina-marga-sleman", GovernmentLevel.REGENCY, SLEMAN)
    Responsibility.objects.create(category=roads.parent, level="national", agency=national)
    Responsibility.objects.create(
        category=roads.parent, level="regency", region_id=SLEMAN, agency=sleman
    )
    Responsibility.objects.create(
        category=roads, level="regency", region_id=SLEMAN, agency=roads_sleman
    )


def test_lead_agencies_agree_with_the_directorys_lookup(client, matrix):
    made = [
        make_report(category_code="jalan-rusak"),
        make_report(category_code="jalan-rusak", region_code=KOTA_YOGYAKARTA),
        make_report(category_code="lampu-jalan"),
        make_report(category_code="bansos", answers={"program": ["pkh"]}),
    ]
    found = lead_agencies(list(public_requests()))
    for report in made:
        expected = responsible_agency(report.category, report.region_id)
        assert found.get(report.pk) == expected
    item = client.get(f"/open311/v2/requests/{made[0].display_tracking_id}.json").json()[0]
    assert item["agency_responsible"] == "bina-marga-sleman"


def test_a_full_page_costs_a_fixed_number_of_queries(client, matrix):
    for _ in range(3):
        make_report(category_code="jalan-rusak")
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"extensions": "true"})
    for _ in range(12):
        make_report(category_code="lampu-jalan", region_code=A_SLEMAN_VILLAGE)
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"extensions": "true"})
    assert len(many) == len(few) <= 6
