"""Every input answered in the client's terms (issue 19): dates at the calendar's edges are a 400 in
the spec's errors document, descriptions up to the spec's 4,000 characters are taken, refusals name
the parameter as sent, in the language the client asks for; the quirks of real clients."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Report

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"


def errors(response, fmt: str = "json") -> list[dict[str, str]]:
    """The spec's errors document in either format, as a list of {code, description}."""
    if fmt == "json":
        assert response["Content-Type"] == "application/json; charset=utf-8"
        data = json.loads(response.content)
        assert isinstance(data, list) and data
        return [{"code": str(e["code"]), "description": e["description"]} for e in data]
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert root.tag == "errors"
    return [
        {"code": e.findtext("code") or "", "description": e.findtext("description") or ""}
        for e in root.findall("error")
    ]


# The fuzzer's findings of issue 19 (each was a 500: OverflowError in the window or conversion).
EDGES = [
    ("requests", "start_date=9999-12-31", "start_date"),
    ("requests", "end_date=0001-01-01T00:00:00%2B14:00", "end_date"),
    ("requests", "updated_after=0001-01-01T00:00:00%2B14:00", "updated_after"),
    ("requests", "updated_before=9999-12-31T23:59:59-12:00", "updated_before"),
    ("requests", "end_date=0001-01-01", "end_date"),
    ("servicerequestupdates", "start_date=0001-01-01&end_date=9999-12-31", "end_date"),
    ("servicerequestupdates", "end_date=0001-01-03", "end_date"),
]


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("path", "query", "parameter"), EDGES)
def test_dates_at_the_edges_of_the_calendar_are_a_clear_400(client, path, query, parameter, fmt):
    response = client.get(f"{BASE}/{path}.{fmt}?{query}")
    assert response.status_code == 400
    [error] = errors(response, fmt)
    assert error["code"] == "400"
    assert error["description"].startswith(f"{parameter}: ")


def test_dates_just_inside_the_edges_are_taken(client, regions):
    for query in ("start_date=0002-01-01T00:00:00Z", "end_date=9998-12-31", "page=000001"):
        assert client.get(f"{BASE}/requests.json?{query}").status_code == 200, query


@pytest.mark.parametrize("raw", ["²", "1" * 5000, "-1", "1e3"])
def test_page_numbers_that_are_not_plain_numbers_are_a_400(client, raw):
    response = client.get(f"{BASE}/requests.json", {"page": raw})
    assert response.status_code == 400
    assert errors(response)[0]["description"].startswith("page: ")


def _post(client, api_key, fmt: str = "json", **fields):
    data = {"api_key": api_key, "service_code": "jalan-rusak", "address_id": A_SLEMAN_VILLAGE}
    data.update(fields)
    return client.post(f"{BASE}/requests.{fmt}", data)


def test_a_description_of_the_specs_4000_characters_is_taken_whatever_its_line_breaks(
    client, regions, categories, api_key
):
    # 4,000 characters as the client counts them, line breaks sent as CRLF by a browser form.
    line = "Jalan berlubang dalam, membahayakan pengendara motor pada malam hari.\n"
    text = (line * 60)[:4000].replace("\n", "\r\n")
    assert len(text.replace("\r\n", "\n")) == 4000 < len(text)
    response = _post(client, api_key, description=text)
    assert response.status_code == 200, response.content
    report = Report.objects.get()
    assert report.description == text.replace("\r\n", "\n").strip()
    assert len(report.title) <= 200
    too_long = _post(client, api_key, description="x" * 4001)
    assert too_long.status_code == 400
    assert errors(too_long)[0]["description"].startswith("description: ")


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"attribute[ukuran]": "raksasa"}, "attribute[ukuran]"),
        ({"attribute[ukuran][]": ["kecil", "besar"]}, "attribute[ukuran][]"),
        ({"attribute[nope]": "1"}, "attribute[nope]"),
        ({"service_code": "bansos"}, "attribute[program]"),
        ({"service_code": "bansos", "attribute[program][]": "x"}, "attribute[program][]"),
        ({"address_id": "99.99"}, "address_id"),
        ({"region_code": "99.99"}, "region_code"),
        ({"email": "bukan-email"}, "email"),
    ],
)
def test_refusals_name_the_parameter_as_the_client_sent_it(
    client, regions, categories, api_key, fields, named, fmt
):
    response = _post(client, api_key, fmt, **fields)
    assert response.status_code == 400
    [error] = errors(response, fmt)
    assert error["description"].startswith(f"{named}: "), error
    assert "answers." not in error["description"]


def test_errors_are_in_the_language_the_client_asks_for(client, regions, categories):
    url = f"{BASE}/requests.json"
    english = client.post(
        url, {"service_code": "jalan-rusak"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8"
    )
    indonesian = client.post(url, {"service_code": "jalan-rusak"}, HTTP_ACCEPT_LANGUAGE="id")
    assert errors(english)[0]["description"] == "api_key is missing or invalid."
    assert errors(indonesian)[0]["description"] == "api_key tidak ada atau tidak sah."
    assert (english["Content-Language"], indonesian["Content-Language"]) == ("en", "id")
    # An integrator's header wins over a language cookie a browser session left behind.
    client.cookies["django_language"] = "id"
    again = client.get(f"{BASE}/services/tidak-ada.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert errors(again, "xml")[0]["description"] == "service_code tidak-ada was not found."
    unknown = client.get(f"{BASE}/services/tidak-ada.json", HTTP_ACCEPT_LANGUAGE="fr, *;q=0.1")
    assert unknown.status_code == 404  # a language we do not have: the deployment's default


def test_api_key_and_jurisdiction_in_the_query_string_or_the_body_on_post(
    client, regions, categories, api_key
):
    form = {"service_code": "jalan-rusak", "address_id": A_SLEMAN_VILLAGE}
    in_query = client.post(
        f"{BASE}/requests.json?api_key={api_key}&jurisdiction_id=sleman.go.id", form
    )
    in_body = client.post(
        f"{BASE}/requests.xml", {**form, "api_key": api_key, "jurisdiction_id": "sleman.go.id"}
    )
    assert in_query.status_code == 200, in_query.content
    assert in_body.status_code == 200, in_body.content
    assert Report.objects.count() == 2


def test_an_unknown_resource_is_a_404_errors_document_in_xml_by_default(client):
    response = client.get(f"{BASE}/nothing-here")
    assert response.status_code == 404
    assert errors(response, "xml")[0]["code"] == "404"


def test_head_answers_like_get_and_other_methods_are_an_errors_document(client, categories):
    head = client.head(f"{BASE}/services.json")
    assert head.status_code == 200 and head["Content-Type"] == "application/json; charset=utf-8"
    put = client.put(f"{BASE}/services.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert put.status_code == 400
    assert errors(put, "xml")[0]["description"] == "This resource does not accept PUT."
