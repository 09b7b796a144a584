"""Real Open311 clients from PyPI against a live server: civicbot (reads and writes, JSON) and
georeport (reads, JSON and XML). Both are pointed at the live test server's base URL."""

from __future__ import annotations

import pytest
import requests
from civicbot.http import HttpTransport, RateLimiter
from civicbot.open311 import Open311Client
from civicbot.registry import Endpoint
from georeport import GeoReport

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, Report, ReporterIdentity
from layani.open311.keys import issue_api_key

pytestmark = pytest.mark.django_db(transaction=True)

JURISDICTION = "layani.test"
TEXT = "Bantuan PKH belum cair sejak Januari 😢 — mohon dicek, Pak/Bu. Ünïcödé ✓"


@pytest.fixture
def base_url(live_server, audit_purged, regions, categories) -> str:
    return f"{live_server.url}/open311/v2"


@pytest.fixture
def civicbot(base_url) -> Open311Client:
    endpoint = Endpoint(id="layani", name="Layani", base_url=base_url, write=True)
    transport = HttpTransport(rate_limiter=RateLimiter(min_interval=0))
    return Open311Client(endpoint, transport, jurisdiction_id=JURISDICTION, fmt="json")


def test_civicbot_lists_services_reads_a_definition_posts_and_reads_back(civicbot):
    key = issue_api_key("Kios Kecamatan Ngaglik")[1]
    services = {s["service_code"]: s for s in civicbot.list_services()}
    assert services["bansos"]["metadata"] is True
    assert services["bansos"]["group"]
    definition = civicbot.get_service_definition("bansos")
    program = definition["attributes"][0]
    assert (program["code"], program["datatype"], program["required"]) == (
        "program",
        "multivaluelist",
        True,
    )

    prepared = civicbot.create_request(
        "bansos",
        dry_run=False,
        confirm="SEND",
        api_key=key,
        validate_remote=True,
        address_id=A_SLEMAN_VILLAGE,
        address_string="Dusun Krapyak, Wedomartani",
        description=TEXT,
        attributes={"program": ["pkh", "blt"]},
    )
    request_id = prepared.response[0]["service_request_id"]

    report = Report.objects.get(channel=Channel.OPEN311)
    assert report.display_tracking_id == request_id
    assert report.channel_ref == "Kios Kecamatan Ngaglik"
    assert report.answers == {"program": ["pkh", "blt"]}
    assert report.description == TEXT

    item = civicbot.get_request(request_id)
    assert item["service_request_id"] == request_id
    assert item["description"] == TEXT
    assert item["status"] == "open"
    assert item["address_id"] == A_SLEMAN_VILLAGE
    listed = civicbot.list_requests(service_code="bansos", status="open")
    assert [r["service_request_id"] for r in listed] == [request_id]
    assert civicbot.get_token(request_id) == [
        {"service_request_id": request_id, "token": request_id}
    ]


def test_civicbot_posts_a_single_value_attribute_with_a_point(civicbot, settings, boundaries):
    settings.LAYANI_OPEN311_DEFAULT_REGION = A_SLEMAN_VILLAGE
    key = issue_api_key("Aplikasi Jogja Smart")[1]
    prepared = civicbot.create_request(
        "jalan-rusak",
        dry_run=False,
        confirm="SEND",
        api_key=key,
        lat=-7.7162,
        lng=110.4114,
        description="Jalan ambles di depan masjid",
        attributes={"ukuran": "besar"},
        first_name="Budi",
        last_name="Santoso",
        phone="081234567890",
        email="budi@example.id",
    )
    request_id = prepared.response[0]["service_request_id"]
    item = civicbot.get_request(request_id)
    assert (item["lat"], item["long"]) == (-7.7162, 110.4114)
    report = Report.objects.get(channel=Channel.OPEN311)
    assert report.answers == {"ukuran": "besar"}
    identity = ReporterIdentity.objects.get(report=report)
    assert (identity.name, identity.phone) == ("Budi Santoso", "081234567890")
    raw = requests.get(f"{civicbot.endpoint.base_url}/requests/{request_id}.json", timeout=10).text
    assert "081234567890" not in raw and "Budi" not in raw and "budi@example.id" not in raw


def test_civicbot_write_errors_are_the_specs_status_codes(civicbot):
    from civicbot.http import HttpError

    key = issue_api_key("Aplikasi Jogja Smart")[1]
    common = {"dry_run": False, "confirm": "SEND", "address_id": A_SLEMAN_VILLAGE}
    url = f"{civicbot.endpoint.base_url}/requests.json"
    with pytest.raises(HttpError) as missing_key:  # civicbot itself refuses to send without a key
        civicbot.http.post_form(
            url, {"service_code": "jalan-rusak", "address_id": A_SLEMAN_VILLAGE}
        )
    with pytest.raises(HttpError) as bad_key:
        civicbot.create_request("jalan-rusak", api_key="l311_not-a-key", **common)
    with pytest.raises(HttpError) as unknown:
        civicbot.create_request("tidak-ada", api_key=key, **common)
    with pytest.raises(HttpError) as bad_point:
        civicbot.http.post_form(
            url,
            {"api_key": key, "service_code": "jalan-rusak", "lat": "-97.5", "long": "110.4"},
        )
    assert (missing_key.value.status, bad_key.value.status) == (403, 403)
    assert unknown.value.status == 404
    assert bad_point.value.status == 400
    assert "lat" in bad_point.value.body
    assert Report.objects.count() == 0


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_services_definitions_and_requests(base_url, fmt):
    key = issue_api_key("Aplikasi Jogja Smart")[1]
    posted = requests.post(
        f"{base_url}/requests.{fmt}",
        data={
            "api_key": key,
            "jurisdiction_id": JURISDICTION,
            "service_code": "bansos",
            "address_id": A_SLEMAN_VILLAGE,
            "description": TEXT,
            "attribute[program][]": ["pkh", "bpnt"],
        },
        timeout=10,
    )
    assert posted.status_code == 200, posted.text
    client = GeoReport(base_url, jurisdiction=JURISDICTION, output_format=fmt)

    services = client.get_service_list()
    bansos = next(s for s in services if s["service_code"] == "bansos")
    assert str(bansos["metadata"]).lower() == "true"
    definition = client.get_service_definition("bansos")
    assert definition["service_code"] == "bansos"

    listed = client.get_service_requests(service_code="bansos", status="open")
    item = listed if isinstance(listed, dict) else listed[0]  # xmltodict: one element → a dict
    single = client.get_service_request(item["service_request_id"])
    assert single["description"] == TEXT
    assert single["service_code"] == "bansos"
    assert set(single) >= {"expected_datetime", "agency_responsible", "media_url", "zipcode"}
    assert Report.objects.get().answers == {"program": ["pkh", "bpnt"]}


# ---- issue 19: strict clients, paging, both formats, FixMyStreet's updates ----------------------


def _strict(item: dict) -> None:
    """What a strict client insists on (test_strict.assert_strict, from the client's side)."""
    from .test_strict import assert_strict

    assert_strict(item, point=item.get("lat") is not None)


def test_civicbot_posts_with_an_address_id_and_reads_strict_requests_page_by_page(civicbot):
    key = issue_api_key("Kios Kecamatan Ngaglik")[1]
    ids = []
    for n in range(5):
        prepared = civicbot.create_request(
            "lampu-jalan",
            dry_run=False,
            confirm="SEND",
            api_key=key,
            validate_remote=True,
            address_id=A_SLEMAN_VILLAGE,
            description=f"Lampu jalan nomor {n} mati sejak minggu lalu",
            attributes={"jumlah_lampu": "2"},
        )
        ids.append(prepared.response[0]["service_request_id"])
    assert Report.objects.count() == 5

    url = f"{civicbot.endpoint.base_url}/requests.json"
    pages = [
        civicbot.http.get_json(url, {"jurisdiction_id": JURISDICTION, "page": p, "page_size": 2})
        for p in (1, 2, 3, 4)
    ]
    assert [len(page) for page in pages] == [2, 2, 1, 0]
    seen = [item["service_request_id"] for page in pages for item in page]
    assert sorted(seen) == sorted(ids) and len(set(seen)) == 5  # stable: no overlap, no gap
    for page in pages:
        for item in page:
            _strict(item)
            assert item["address"].startswith("Desa Caturtunggal, Kec. Depok, Kab. Sleman")
    assert len(civicbot.list_requests(service_code="lampu-jalan", page_size=3)) == 3
    one = civicbot.get_request(ids[0])
    _strict(one)
    assert civicbot.get_token(ids[0]) == [{"service_request_id": ids[0], "token": ids[0]}]


def test_civicbot_posts_with_a_point_only(civicbot, boundaries):
    """The spec's minimum: a service code, a point and a description, no region code and no
    default region. The point is placed in its village (issue 18)."""
    key = issue_api_key("Aplikasi Jogja Smart")[1]
    prepared = civicbot.create_request(
        "jalan-rusak",
        dry_run=False,
        confirm="SEND",
        api_key=key,
        lat=-7.7162,
        lng=110.4114,
        description="Jalan ambles di depan masjid",
    )
    request_id = prepared.response[0]["service_request_id"]
    report = Report.objects.get(channel=Channel.OPEN311)
    assert report.region.level == 4 and report.region_id.startswith("34.04.")  # Sleman
    item = civicbot.get_request(request_id)
    assert item["address_id"] == report.region_id and item["address"].endswith("DI Yogyakarta")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_strict_lists_and_single_requests_in_both_formats(base_url, fmt):
    key = issue_api_key("Aplikasi Jogja Smart")[1]
    for description in ("Sampah menumpuk di pasar", "Saluran air tersumbat"):
        posted = requests.post(
            f"{base_url}/requests.{fmt}",
            data={
                "api_key": key,
                "jurisdiction_id": JURISDICTION,
                "service_code": "jalan-rusak",
                "address_id": A_SLEMAN_VILLAGE,
                "address_string": "Jl. Affandi",
                "lat": "-7.7700",
                "long": "110.3900",
                "description": description,
                "attribute[ukuran]": "besar",
            },
            timeout=10,
        )
        assert posted.status_code == 200, posted.text
    client = GeoReport(base_url, jurisdiction=JURISDICTION, output_format=fmt)
    services = client.get_service_list()
    assert all(s["group"] and s["description"] for s in services)
    definition = client.get_service_definition("jalan-rusak")
    assert definition["service_code"] == "jalan-rusak"

    listed = client.get_service_requests(service_code="jalan-rusak")
    assert isinstance(listed, list) and len(listed) == 2
    for item in listed:
        single = client.get_service_request(item["service_request_id"])
        assert single == item
        if fmt == "json":
            _strict(single)
        else:  # xmltodict: every value a string, empty elements None
            assert single["address"] == (
                "Jl. Affandi, Desa Caturtunggal, Kec. Depok, Kab. Sleman, DI Yogyakarta"
            )
            assert float(single["lat"]) == -7.77 and float(single["long"]) == 110.39
            assert single["requested_datetime"].endswith("+07:00")


def test_a_fixmystreet_style_update_round_trip(base_url):
    """What a FixMyStreet cobrand with Open311 updates does: POST servicerequestupdates.xml with
    its comment (perllib/Open311.pm's fields), read update_id from the XML answer, then poll
    GET servicerequestupdates.xml and recognise its own update by that ID."""
    from xml.etree import ElementTree as ET

    key = issue_api_key("FixMyStreet Sleman")[1]
    posted = requests.post(
        f"{base_url}/requests.xml",
        data={
            "api_key": key,
            "jurisdiction_id": JURISDICTION,
            "service_code": "jalan-rusak",
            "address_id": A_SLEMAN_VILLAGE,
            "description": "Jalan ambles",
        },
        timeout=10,
    )
    request_id = ET.fromstring(posted.content).findtext("request/service_request_id")  # noqa: S314
    comment = {
        "api_key": key,
        "jurisdiction_id": JURISDICTION,
        "service_request_id": request_id,
        "update_id": "1234",
        "updated_datetime": "2026-12-01T10:00:00+07:00",
        "status": "OPEN",
        "description": "Sudah seminggu belum diperbaiki",
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@example.id",
    }
    answers = [
        requests.post(f"{base_url}/servicerequestupdates.xml", data=comment, timeout=10)
        for _ in range(2)  # a retry after a lost answer
    ]
    ids = [
        ET.fromstring(a.content).findtext("request_update/update_id")  # noqa: S314
        for a in answers
    ]
    assert ids[0] and ids[0] == ids[1]
    polled = requests.get(
        f"{base_url}/servicerequestupdates.xml",
        params={"jurisdiction_id": JURISDICTION, "start_date": "2026-01-01T00:00:00+07:00"},
        timeout=10,
    )
    root = ET.fromstring(polled.content)  # noqa: S314
    assert root.tag == "service_request_updates"
    mine = [u for u in root.findall("request_update") if u.findtext("update_id") == ids[0]]
    assert [u.findtext("service_request_id") for u in mine] == [request_id]
    assert mine[0].findtext("status") == "open"
    assert "Budi" not in polled.text and "budi@example.id" not in polled.text
