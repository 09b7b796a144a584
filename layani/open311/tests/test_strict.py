"""Strict, spec-true representations (issue 19): every key of a service request with the type strict
clients check, for reports of every channel and public tier and for a request still in the intake
journal; services with string group and description; a discovery document that validates; JSON and
XML saying the same thing."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake import journal
from layani.intake.models import Channel, JournalEntry, PrivacyTier

from .conftest import CANARY, make_report
from .test_formats import REQUEST_KEYS

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
CATURTUNGGAL = "Desa Caturtunggal, Kec. Depok, Kab. Sleman, DI Yogyakarta"
STRINGS = (
    *("service_request_id", "status", "status_notes", "service_code", "service_name"),
    *("description", "requested_datetime", "updated_datetime", "address", "address_id"),
)


def assert_strict(item: dict[str, Any], *, point: bool = True) -> None:
    """The shape a strict GeoReport v2 client accepts."""
    assert list(item) == REQUEST_KEYS
    for key in STRINGS:
        assert isinstance(item[key], str) and item[key], key
    assert item["status"] in ("open", "closed")
    for key in ("requested_datetime", "updated_datetime"):
        assert W3C.match(item[key]), item[key]
        datetime.fromisoformat(item[key])
    assert item["expected_datetime"] is None or W3C.match(item["expected_datetime"])
    for key in ("lat", "long"):
        if point:
            assert isinstance(item[key], float), key
        else:
            assert item[key] is None, key
    for key in ("agency_responsible", "service_notice", "zipcode"):
        assert item[key] is None or isinstance(item[key], str), key
    assert item["media_url"] is None or item["media_url"].startswith(("http://", "https://"))


def as_xml(response) -> list[dict[str, str | None]]:
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert root.tag == "service_requests"
    return [{child.tag: child.text for child in request} for request in root.findall("request")]


def same_in_xml(item: dict[str, Any], xml_item: dict[str, str | None]) -> None:
    assert list(xml_item) == REQUEST_KEYS
    for key, value in item.items():
        expected = None if value is None else str(value)
        assert xml_item[key] == expected, key


CHANNELS = [
    Channel.WEB,
    Channel.EMAIL,
    Channel.SMS,
    Channel.WHATSAPP,
    Channel.TELEGRAM,
    Channel.OPEN311,
    Channel.API,
]


@pytest.mark.parametrize("privacy", [PrivacyTier.BIASA, PrivacyTier.ANONIM])
@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel_and_public_tier_is_strict_in_json_and_xml(client, reports, channel, privacy):
    with_point = make_report(privacy, channel=channel)
    no_street = make_report(privacy, channel=channel, address="", latitude=None, longitude=None)
    items = {i["service_request_id"]: i for i in client.get(f"{BASE}/requests.json").json()}
    xml_items = {i["service_request_id"]: i for i in as_xml(client.get(f"{BASE}/requests.xml"))}
    first, second = items[with_point.display_tracking_id], items[no_street.display_tracking_id]
    assert_strict(first)
    assert_strict(second, point=False)
    assert first["address"] == f"Jl. Kaliurang km 10, {CATURTUNGGAL}"
    assert second["address"] == CATURTUNGGAL  # the region and its parents, never null
    assert first["zipcode"] == "55281"
    for tid, item in items.items():
        assert_strict(item, point=item["lat"] is not None)
        same_in_xml(item, xml_items[tid])
    single = client.get(f"{BASE}/requests/{no_street.display_tracking_id}.json").json()
    assert single == [second]


def test_a_report_without_a_category_still_has_every_key(client, reports):
    report = make_report(category_code="")
    [item] = client.get(f"{BASE}/requests/{report.display_tracking_id}.json").json()
    assert list(item) == REQUEST_KEYS
    assert isinstance(item["address"], str) and isinstance(item["lat"], float)


def test_a_city_address_names_the_kelurahan_and_the_kota(client, reports):
    report = make_report(region_code="34.71.01.1001", address="", latitude=None, longitude=None)
    [item] = client.get(f"{BASE}/requests/{report.display_tracking_id}.json").json()
    assert item["address"] == "Kel. Kricak, Kec. Tegalrejo, Kota Yogyakarta, DI Yogyakarta"


def _waiting(client, api_key, monkeypatch, **extra) -> str:
    monkeypatch.setattr(journal, "kick", lambda: None)  # the worker has not come round yet
    fields = {
        "api_key": api_key,
        "service_code": "jalan-rusak",
        "address_id": A_SLEMAN_VILLAGE,
        "description": f"Jalan ambles. Nama saya {CANARY.name}, HP {CANARY.phone}",
        "first_name": "Canary",
        "last_name": "Sutrisno",
        "email": CANARY.email,
        "phone": CANARY.phone,
        "attribute[ukuran]": "besar",
        **extra,
    }
    answered = client.post(f"{BASE}/requests.json", fields)
    assert answered.status_code == 200, answered.content
    assert JournalEntry.objects.count() == 1
    return answered.json()[0]["service_request_id"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_waiting_request_is_strict_and_shows_what_was_sent_masked(
    client, regions, categories, api_key, monkeypatch, fmt
):
    request_id = _waiting(
        client,
        api_key,
        monkeypatch,
        lat="-7.7161234",
        long="110.3551234",
        address_string="Jl. Affandi",
    )
    as_json = client.get(f"{BASE}/requests/{request_id}.json")
    [item] = as_json.json()
    assert_strict(item)
    assert (item["service_code"], item["service_name"]) == ("jalan-rusak", "Jalan Rusak")
    assert item["address"] == f"Jl. Affandi, {CATURTUNGGAL}"
    assert (item["lat"], item["long"]) == (-7.7161, 110.3551)  # to ~10 m, like a recorded report
    assert item["description"] == "Jalan ambles. Nama saya [name], HP [phone]"
    body = client.get(f"{BASE}/requests/{request_id}.{fmt}").content.decode()
    for secret in (CANARY.phone, CANARY.email, "081299990001", "Sutrisno"):
        assert secret not in body
    if fmt == "xml":
        same_in_xml(item, as_xml(client.get(f"{BASE}/requests/{request_id}.xml"))[0])
    extended = client.get(f"{BASE}/requests/{request_id}.json?extensions=true").json()[0]
    assert {"title", "detailed_status", "notes"} <= set(extended)

    journal.record_pending()
    [recorded] = client.get(f"{BASE}/requests/{request_id}.json").json()
    for key in ("service_code", "service_name", "description", "address", "address_id", "lat"):
        assert recorded[key] == item[key], key  # masked exactly like the recorded report


def test_a_waiting_request_without_a_point_has_null_lat_long(
    client, regions, categories, api_key, monkeypatch
):
    request_id = _waiting(client, api_key, monkeypatch)
    [item] = client.get(f"{BASE}/requests/{request_id}.json").json()
    assert_strict(item, point=False)
    assert item["address"] == CATURTUNGGAL


def test_services_have_string_group_description_and_keywords(client, categories):
    services = client.get(f"{BASE}/services.json").json()
    assert services
    for service in services:
        for key in ("service_code", "service_name", "description", "type", "keywords", "group"):
            assert isinstance(service[key], str), key
        assert service["description"] and service["group"]
        assert isinstance(service["metadata"], bool)
    root = ET.fromstring(client.get(f"{BASE}/services.xml").content)  # noqa: S314
    for element, service in zip(root.findall("service"), services, strict=True):
        assert element.findtext("group") == service["group"]
        assert element.findtext("description") == service["description"]


def test_discovery_validates_with_the_deployments_contact(client, settings):
    settings.LAYANI_OPEN311_CONTACT = "Diskominfo Sleman, open311@slemankab.example"
    settings.LAYANI_OPEN311_KEY_SERVICE = "Write to open311@slemankab.example for a key"
    data = client.get("/open311/discovery.json").json()
    assert data["contact"] == "Diskominfo Sleman, open311@slemankab.example"
    assert data["key_service"] == "Write to open311@slemankab.example for a key"
    assert W3C.match(data["changeset"])
    [endpoint] = data["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] in ("production", "test") and W3C.match(endpoint["changeset"])
    assert endpoint["formats"] == ["text/xml", "application/json"]
    root = ET.fromstring(client.get("/open311/v2/discovery.xml").content)  # noqa: S314
    assert root.findtext("contact") == data["contact"]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == endpoint[
        "formats"
    ]


def test_discovery_contact_is_a_string_even_unset(client, settings):
    settings.LAYANI_OPEN311_CONTACT = ""
    assert client.get("/open311/discovery.json").json()["contact"] == ""


def test_the_demo_sets_a_contact():
    # Read, not imported: importing the dev settings would create folders under ./var.
    import ast
    from pathlib import Path

    import layani.config.settings as package

    tree = ast.parse((Path(package.__file__).parent / "dev.py").read_text())
    assigned = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for name in ("LAYANI_OPEN311_CONTACT", "LAYANI_OPEN311_KEY_SERVICE"):
        assert ast.literal_eval(assigned[name]).strip(), name


def test_the_list_by_id_shows_a_waiting_request_but_never_a_confidential_one(
    client, regions, categories, api_key, monkeypatch, reports
):
    from layani.intake.services import ReportSubmission

    request_id = _waiting(client, api_key, monkeypatch)
    secret = journal.accept(
        ReportSubmission(
            description="Pungli di kantor kelurahan",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.OPEN311,
            category_code="jalan-rusak",
            privacy=PrivacyTier.RAHASIA,
        )
    )
    recorded = reports.public.display_tracking_id
    secret_id = f"{secret.tracking_id[:3]}-{secret.tracking_id[3:6]}-{secret.tracking_id[6:]}"
    wanted = ",".join([recorded, request_id, secret_id])
    items = client.get(f"{BASE}/requests.json", {"service_request_id": wanted}).json()
    assert [i["service_request_id"] for i in items] == [request_id, recorded]
    assert_strict(items[0], point=False)
    assert items[0]["description"] == "Jalan ambles. Nama saya [name], HP [phone]"
    xml_items = as_xml(client.get(f"{BASE}/requests.xml", {"service_request_id": wanted}))
    same_in_xml(items[0], xml_items[0])
    assert "Pungli" not in str(items) and secret_id not in str(items)
    assert client.get(f"{BASE}/requests/{secret_id}.json").status_code == 404
