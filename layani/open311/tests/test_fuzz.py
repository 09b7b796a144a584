"""Property-based fuzzing of every parameter of every Open311 endpoint (issue 19).

Each endpoint gets generated requests, GET and POST, in JSON and XML: any value for any of its
parameters, biased toward what breaks parsers (dates at the calendar's edges with extreme offsets,
huge or non-ASCII numbers, long and odd text). The property: never a 5xx; a 2xx body that parses in
its format; every 4xx the spec's ``errors`` document in the format asked for, each error carrying
the HTTP status as its code and a description. The examples are few and the deadline is off, since
the suite runs twice in CI on two cores; the known findings run every time as explicit examples.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Report

from .conftest import make_report

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

OFFSETS = ["Z", "+14:00", "-12:00", "+07:00", "+00:00", "-00:30", "+23:59", "+99:00", ""]
EDGE_DATES = [
    "0001-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "9999-12-31T23:59:59-12:00",
    "2026-02-30",
    "2026-13-01",
    "2026-01-31T24:00:00",
    "2026-01-31 09:15:00 07:00",
    "2026-01-31T09:15:00.123456789+07:00",
    "-2026-01-01",
    "20260131",
]
ODD = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "nan",
    "inf",
    "²",
    "١٢",
    "9" * 5000,
    "true",
    "open,closed,",
    ",,,",
    "%00",
    "\u200b",
    "😢" * 100,
    "<x>&amp;</x>",
    "[]",
    "a" * 4001,
]


@st.composite
def moments(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes())
    text = moment.isoformat(timespec=draw(st.sampled_from(["seconds", "microseconds", "auto"])))
    return text + draw(st.sampled_from(OFFSETS))


VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(EDGE_DATES + ODD),
    moments(),
    st.dates().map(str),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
FORMATS = st.sampled_from(["json", "xml"])

READ_PARAMETERS = ["jurisdiction_id", "api_key", "extensions", "page", "page_size"]
LIST_PARAMETERS = [
    *READ_PARAMETERS,
    "service_request_id",
    "service_code",
    "start_date",
    "end_date",
    "status",
    "updated_after",
    "updated_before",
    "lat",
    "long",
    "radius",
]
UPDATES_PARAMETERS = [*READ_PARAMETERS, "start_date", "end_date"]
POST_PARAMETERS = [
    "jurisdiction_id",
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "region_code",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "phone",
    "description",
    "media_url",
    "idempotency_key",
    "attribute[ukuran]",
    "attribute[ukuran][]",
    "attribute[program][]",
    "attribute[program]",
    "attribute[sejak]",
    "attribute[jumlah_lampu]",
    "attribute[nomor_pelanggan]",
    "attribute[tidak_ada]",
    "attribute[]",
]
UPDATE_POST_PARAMETERS = [
    "jurisdiction_id",
    "service_request_id",
    "update_id",
    "update_id_ext",
    "updated_datetime",
    "status",
    "description",
    "email",
    "first_name",
    "last_name",
    "media_url",
]


DATE_PARAMETERS = {"start_date", "end_date", "updated_after", "updated_before", "updated_datetime"}
NUMBER_PARAMETERS = {"page", "page_size", "radius", "lat", "long", "attribute[jumlah_lampu]"}
DATES = st.one_of(st.sampled_from(EDGE_DATES), moments(), st.dates().map(str), VALUES)
NUMBERS = st.one_of(
    st.sampled_from(ODD),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False).map(str),
    VALUES,
)


def value_for(name: str) -> st.SearchStrategy[Any]:
    """Values aimed at what the parameter's parser does, and anything else besides."""
    one = DATES if name in DATE_PARAMETERS else NUMBERS if name in NUMBER_PARAMETERS else VALUES
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))


def query(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of `names`, each with a value for it, sometimes repeated (a list)."""
    return st.lists(st.sampled_from(names), unique=True, max_size=len(names)).flatmap(
        lambda chosen: st.fixed_dictionaries({name: value_for(name) for name in chosen})
    )


def check(response, fmt: str) -> None:
    """The property every answer holds."""
    status = response.status_code
    assert status < 500, response.content[:500]
    if fmt == "json":
        assert response["Content-Type"] == "application/json; charset=utf-8"
        body = json.loads(response.content)
    else:
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
        body = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    if 400 <= status < 500:
        if fmt == "json":
            assert isinstance(body, list) and body
            found = [(e["code"], e["description"]) for e in body]
        else:
            assert body.tag == "errors"
            found = [(int(e.findtext("code") or 0), e.findtext("description")) for e in body]
            assert found
        for code, description in found:
            assert code == status
            assert isinstance(description, str) and description.strip()
    else:
        assert status == 200


@pytest.fixture
def world(client, regions, categories, api_key) -> dict[str, str]:
    """A report of each public tier, one the integrator sent (for updates), and the key."""
    make_report()
    make_report("anonim")
    client.post(
        f"{BASE}/requests.json",
        {"api_key": api_key, "service_code": "jalan-rusak", "address_id": A_SLEMAN_VILLAGE},
    )
    sent = Report.objects.get(channel="open311")
    return {"api_key": api_key, "request_id": sent.display_tracking_id}


def _path_value(draw_value: str) -> str:
    return quote(draw_value, safe="") or "x"


@FUZZ
@given(params=query(LIST_PARAMETERS), fmt=FORMATS)
@example(params={"start_date": "9999-12-31"}, fmt="json")
@example(params={"end_date": "0001-01-01T00:00:00+14:00"}, fmt="json")
@example(params={"updated_after": "0001-01-01T00:00:00+14:00"}, fmt="xml")
@example(params={"page": "²"}, fmt="json")
@example(params={"page_size": "9" * 5000}, fmt="xml")
def test_get_requests(client, world, params, fmt):
    check(client.get(f"{BASE}/requests.{fmt}", params), fmt)


@FUZZ
@given(params=query(UPDATES_PARAMETERS), fmt=FORMATS)
@example(params={"start_date": "0001-01-01", "end_date": "9999-12-31"}, fmt="json")
def test_get_updates(client, world, params, fmt):
    check(client.get(f"{BASE}/servicerequestupdates.{fmt}", params), fmt)


@FUZZ
@given(params=query(READ_PARAMETERS), fmt=FORMATS, which=st.sampled_from(["discovery", "services"]))
def test_get_discovery_and_services(client, world, params, fmt, which):
    path = "/open311/discovery" if which == "discovery" else f"{BASE}/services"
    check(client.get(f"{path}.{fmt}", params), fmt)


@FUZZ
@given(
    params=query(READ_PARAMETERS),
    fmt=FORMATS,
    which=st.sampled_from(["services", "requests", "tokens"]),
    value=st.one_of(VALUES, st.sampled_from(["jalan-rusak", "bansos"])),
    known=st.booleans(),
)
def test_get_one(client, world, params, fmt, which, value, known):
    if known and which != "services":
        value = world["request_id"]
    check(client.get(f"{BASE}/{which}/{_path_value(value)}.{fmt}", params), fmt)


@FUZZ
@given(
    params=query(POST_PARAMETERS),
    fmt=FORMATS,
    base=st.sampled_from(["none", "key", "valid"]),
    in_query=st.booleans(),
)
@example(params={"description": "a" * 4000}, fmt="json", base="valid", in_query=False)
@example(params={"attribute[ukuran][]": ["kecil", "besar"]}, fmt="xml", base="valid", in_query=True)
def test_post_requests(client, world, params, fmt, base, in_query):
    form: dict[str, Any] = {}
    if base in ("key", "valid"):
        form["api_key"] = world["api_key"]
    if base == "valid":
        form |= {"service_code": "jalan-rusak", "address_id": A_SLEMAN_VILLAGE}
    form |= params
    url = f"{BASE}/requests.{fmt}"
    if in_query and "api_key" in form:
        url += f"?api_key={form.pop('api_key')}"
    check(client.post(url, form), fmt)


@FUZZ
@given(params=query(UPDATE_POST_PARAMETERS), fmt=FORMATS, valid=st.booleans())
def test_post_updates(client, world, params, fmt, valid):
    form: dict[str, Any] = {"api_key": world["api_key"]}
    if valid:
        form |= {"service_request_id": world["request_id"], "description": "Masih rusak."}
    form |= params
    check(client.post(f"{BASE}/servicerequestupdates.{fmt}", form), fmt)


@FUZZ
@given(
    fmt=FORMATS,
    method=st.sampled_from(["put", "patch", "delete", "post"]),
    path=st.sampled_from(["discovery", "services", "services/jalan-rusak", "tokens/x"]),
)
def test_other_methods(client, world, fmt, method, path):
    prefix = "/open311" if path == "discovery" else BASE
    check(getattr(client, method)(f"{prefix}/{path}.{fmt}"), fmt)
