"""`GET requests` answers are cached briefly per query; other queries, formats and languages are not
served from another's entry."""

from __future__ import annotations

import uuid

import pytest

from layani.open311 import views

from .conftest import make_report

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests.json"


@pytest.fixture(autouse=True)
def cached(settings, monkeypatch):
    """Caching on, with keys of this test's own (an earlier test's answer must not be served)."""
    settings.LAYANI_OPEN311_LIST_CACHE_SECONDS = 30
    salt = uuid.uuid4().hex
    key = views._list_cache_key
    monkeypatch.setattr(views, "_list_cache_key", lambda request, fmt: f"{key(request, fmt)}{salt}")


def _ids(response) -> set[str]:
    return {item["service_request_id"] for item in response.json()}


def test_a_list_is_served_from_the_cache_until_it_expires(client, reports, settings):
    first = _ids(client.get(URL, {"status": "open", "page_size": "50"}))
    newer = make_report(description="Trotoar rusak di depan pasar, banyak yang jatuh.")
    # The same query within the cache period: the same answer, without the newest report.
    assert _ids(client.get(URL, {"status": "open", "page_size": "50"})) == first
    # Another query, another entry: it is built fresh.
    other = _ids(client.get(URL, {"status": "open", "page_size": "51"}))
    assert newer.display_tracking_id in other
    # With caching off, every answer is built fresh.
    settings.LAYANI_OPEN311_LIST_CACHE_SECONDS = 0
    assert newer.display_tracking_id in _ids(client.get(URL, {"status": "open", "page_size": "50"}))


def test_formats_and_languages_do_not_share_an_entry(client, reports):
    json_body = client.get(URL).content
    xml = client.get("/open311/v2/requests.xml")
    assert xml["Content-Type"].startswith("text/xml") or xml["Content-Type"].startswith(
        "application/xml"
    )
    assert xml.content != json_body
    english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").json()
    indonesian = client.get(URL, HTTP_ACCEPT_LANGUAGE="id").json()
    assert english[0]["status_notes"] != indonesian[0]["status_notes"]
