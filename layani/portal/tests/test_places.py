"""The map endpoints: a point's regions for the report form, and region outlines to draw."""

import gzip
import json

import pytest
from django.urls import reverse

from layani.directory import geography, geometry
from layani.directory.models import Boundary
from layani.portal import places

POINT = reverse("portal:submit-point")
OUTLINES = reverse("portal:map-outlines")
PRAMBANAN = {"lat": "-7.75202", "lng": "110.49147"}  # Candi Prambanan, Desa Bokoharjo


def test_urls():
    assert POINT == "/lapor/wilayah/titik/"
    assert OUTLINES == "/peta/batas.json"


def test_a_point_in_a_village(client, boundaries):
    response = client.post(POINT, PRAMBANAN)
    assert response.status_code == 200
    body = response.json()
    assert body["label"] == "Desa Bokoharjo, Kec. Prambanan, Kab. Sleman"
    assert body["precise"] is True
    codes = body["codes"]
    assert codes["province"] == "34" and codes["regency"] == "34.04"
    assert codes["district"].startswith("34.04.") and codes["village"].startswith(codes["district"])
    assert response["Cache-Control"] == "no-store"  # where a citizen stands is kept nowhere
    assert len(response.content) < 300


def test_a_point_without_a_village_polygon_gives_its_district(client, boundaries):
    village = client.post(POINT, PRAMBANAN).json()["codes"]["village"]
    Boundary.objects.filter(region_id=village).delete()
    body = client.post(POINT, PRAMBANAN).json()
    assert body["precise"] is False
    assert body["codes"]["village"] is None
    assert body["label"] == "Kec. Prambanan, Kab. Sleman"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"lat": "-9.0", "lng": "110.4"}, "outside_indonesia"),  # the Indian Ocean
        ({"lat": "-7.6079", "lng": "110.2038"}, "outside_area"),  # Borobudur, Jawa Tengah
        ({"lat": "abc", "lng": "110"}, "invalid_point"),
        ({}, "invalid_point"),
    ],
)
def test_refused_points(client, boundaries, query, code):
    response = client.post(POINT, query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code and body["error"]
    assert response["Cache-Control"] == "no-store"


def test_refusals_in_the_readers_language(client, boundaries):
    response = client.post(POINT, {"lat": "-9.0", "lng": "110.4"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["error"] == "The point is at sea or outside Indonesia."


def _features(response):
    return json.loads(response.content)["features"]


@pytest.mark.parametrize(
    ("level", "within", "count", "limit"),
    [
        (2, "34", 5, 12_000),
        (3, "34", 78, 45_000),
        (3, "34.04", 17, 12_000),
        (4, "34.04.07", None, 16_000),
    ],
)
def test_outlines_are_small(client, boundaries, level, within, count, limit):
    response = client.get(OUTLINES, {"level": level, "within": within})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    features = _features(response)
    if count is not None:
        assert len(features) == count
    assert features and all(f["properties"]["code"].startswith(within) for f in features)
    size, zipped = len(response.content), len(gzip.compress(response.content))
    assert size < limit, (size, zipped)
    assert zipped < limit / 3
    for feature in features:
        lng, lat = feature["properties"]["at"]  # where its name is written: inside the shape
        assert 110 < lng < 111 and -8.3 < lat < -7.5
        assert {"code", "name", "label"} <= set(feature["properties"])


def test_outlines_cache_headers_and_etag(client, boundaries):
    version = geography.version()
    assert version != "0"
    current = client.get(OUTLINES, {"level": 3, "within": "34", "v": version})
    assert current["Cache-Control"] == "public, max-age=31536000, immutable"
    stale = client.get(OUTLINES, {"level": 3, "within": "34", "v": "old"})
    assert stale["Cache-Control"] == "public, max-age=3600"
    assert stale.content == current.content
    etag = current["ETag"]
    again = client.get(OUTLINES, {"level": 3, "within": "34"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag


@pytest.mark.parametrize(
    "query",
    [
        {"level": 4, "within": "34"},  # a province's villages: a megabyte
        {"level": 4, "within": "34.04"},
        {"level": 3},
        {"level": 3, "within": "99"},
        {"level": 7, "within": "34"},
        {"level": "x", "within": "34"},
        {"level": 2, "within": "34.04.07"},  # above the region asked for
    ],
)
def test_outline_requests_refused(client, boundaries, query):
    response = client.get(OUTLINES, query)
    assert response.status_code == 400
    assert response.json()["error"]


def test_no_boundaries_loaded(client, regions):
    assert places.map_settings()["map_areas"] == ""
    assert _features(client.get(OUTLINES, {"level": 3, "within": "34"})) == []


def test_label_point_is_inside_a_crescent():
    # A "C" shape: its bounding box's centre lies in the gap.
    ring = [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]
    x, y = geometry.label_point([[ring]])
    assert 0 < x < 1 and y == 1.5


def test_the_form_carries_the_map_settings(client, boundaries, categories):
    html = client.get(reverse("portal:submit")).content.decode()
    assert 'data-areas="34"' in html
    assert f"{OUTLINES}?v={geography.version()}" in html
    assert 'id="pin-strings"' in html
    assert "leaflet.js" not in html.split('data-leaflet-js="')[0]  # loaded only when shown


def test_without_tiles_or_boundaries_the_form_offers_coordinates(client, regions, categories):
    html = client.get(reverse("portal:submit")).content.decode()
    assert 'id="pin-map-wrap"' not in html
    assert 'class="field location"' in html  # not hidden when JavaScript runs


def test_the_point_is_posted_never_put_in_a_url(client, boundaries):
    """The point may be where the citizen stands: a GET (query string, access logs) is refused."""
    assert client.get(POINT, PRAMBANAN).status_code == 405
    assert client.post(POINT, PRAMBANAN).status_code == 200


def test_point_lookups_are_rate_limited_per_address(client, boundaries, settings, private_cache):
    settings.LAYANI_RATE_LIMITS = {"point": (3, 60)}
    answers = [client.post(POINT, PRAMBANAN).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
