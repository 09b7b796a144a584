"""GeoReport v2's minimum POST — a service code, a point and a description — makes a report in the
village the point lies in, which reaches the agency the responsibility matrix names (issue 18)."""

from __future__ import annotations

import pytest

from layani.accounts.models import Membership, Role, User
from layani.cases import services
from layani.directory.models import Agency, AgencyKind, Category, GovernmentLevel, Responsibility
from layani.directory.selectors import responsible_agency
from layani.intake import journal
from layani.intake.models import Report

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
#: Tugu Yogyakarta (Kota Yogyakarta); Candi Borobudur (Magelang, Jawa Tengah); the sea south of DIY.
TUGU, BOROBUDUR, AT_SEA = (
    ("-7.782889", "110.367083"),
    ("-7.607874", "110.203751"),
    ("-8.6", "110.5"),
)


def _post(client, api_key, point, fmt="json", **extra):
    lat, lng = point
    fields = {"api_key": api_key, "service_code": "jalan-rusak", "lat": lat, "long": lng}
    fields["description"] = "Jalan berlubang besar di depan sekolah, berbahaya untuk motor."
    return client.post(f"{BASE}/requests.{fmt}", {**fields, **extra})


def test_a_point_only_post_makes_a_report_that_reaches_the_responsible_agency(
    client, api_key, boundaries, categories
):
    dpu_kota = Agency.objects.create(
        slug="dpu-kota-yogya",
        name="DPUPKP Kota Yogyakarta",
        short_name="DPUPKP Kota",
        level=GovernmentLevel.REGENCY,
        kind=AgencyKind.REGIONAL_OFFICE,
        region_id="34.71",
    )
    Responsibility.objects.create(
        category=Category.objects.get(code="jalan-rusak"),
        level=GovernmentLevel.REGENCY,
        region_id="34.71",
        agency=dpu_kota,
    )
    answered = _post(client, api_key, TUGU)
    assert answered.status_code == 200, answered.content
    request_id = answered.json()[0]["service_request_id"]
    journal.record_pending()
    report = Report.objects.get(channel="open311")
    assert report.region_id.startswith("34.71.") and report.region.level == 4
    assert report.location_label.endswith("Kota Yogyakarta")
    item = client.get(f"{BASE}/requests/{request_id}.json").json()[0]
    assert isinstance(item["address"], str) and "Kota Yogyakarta" in item["address"]
    assert item["address_id"] == report.region_id
    # The responsibility matrix names the city's public-works office for that village.
    assert responsible_agency(report.category, report.region_id) == dpu_kota
    pemkot = Agency.objects.create(
        slug="pemkot-yogya",
        name="Pemkot Yogyakarta",
        short_name="Pemkot Yogyakarta",
        level=GovernmentLevel.REGENCY,
        kind=AgencyKind.REGIONAL_GOVERNMENT,
        region_id="34.71",
    )
    coordinator = User.objects.create_user("koordinator_kota", password="x-pass-123")
    Membership.objects.create(user=coordinator, agency=pemkot, role=Role.COORDINATOR)
    services.verify_report(report, actor=coordinator)
    services.dispose_report(
        report, actor=coordinator, lead=responsible_agency(report.category, report.region_id)
    )
    assert report.case.tasks.get().agency == dpu_kota


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("point", "code"), [(BOROBUDUR, "outside_area"), (AT_SEA, "outside")])
def test_points_outside_or_at_sea_are_refused_in_the_spec_errors_document(
    client, api_key, boundaries, categories, fmt, point, code
):
    refused = _post(client, api_key, point, fmt=fmt)
    assert refused.status_code == 400
    body = refused.content.decode()
    if fmt == "json":
        [error] = refused.json()
        assert error["code"] == 400 and error["description"].startswith("lat:")
        if code == "outside_area":
            assert "Jawa Tengah" in error["description"]
    else:
        assert "<errors>" in body and "<description>lat:" in body
    assert not Report.objects.exists()


def test_a_point_only_post_in_xml_is_answered_in_xml(client, api_key, boundaries, categories):
    answered = _post(client, api_key, TUGU, fmt="xml")
    assert answered.status_code == 200, answered.content
    assert answered["Content-Type"].startswith(("text/xml", "application/xml"))
    assert b"<service_request_id>" in answered.content
    journal.record_pending()
    assert Report.objects.get(channel="open311").region_id.startswith("34.71.")
