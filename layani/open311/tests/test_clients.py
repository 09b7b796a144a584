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


def test_civicbot_posts_a_single_value_attribute_with_a_point(civicbot, settings):
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
