"""Point → region (directory.geography) and the boundary loader (load_boundaries)."""

from __future__ import annotations

import io
import itertools
import math
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from layani.directory import geography, names
from layani.directory.boundaries import package_path, parse_sql, read_package
from layani.directory.geography import LocateError, locate, outlines
from layani.directory.geometry import Shape
from layani.directory.models import Boundary, Region, RegionKind, RegionLevel
from layani.directory.names import region_label

pytestmark = pytest.mark.django_db


def _crossings(polygons: list, along: int, at: float) -> list[float]:
    """Where the line {coordinate `1 - along` = at} crosses the rings' edges (sorted)."""
    across = 1 - along
    found = []
    for polygon in polygons:
        for ring in polygon:
            for a, b in itertools.pairwise(ring):
                if (a[across] < at <= b[across]) or (b[across] < at <= a[across]):
                    t = (at - a[across]) / (b[across] - a[across])
                    found.append(a[along] + t * (b[along] - a[along]))
    return sorted(found)


def _interior_point(polygons: list) -> tuple[float, float, float] | None:
    """A point well inside a multipolygon, found by scanlines (independent of locate's code).

    On 19 horizontal lines across the box, the crossings with every ring are sorted; between the
    1st and 2nd, 3rd and 4th … crossing the line is inside (even–odd). Each span's midpoint is
    scored by its distance to the nearest crossing horizontally and, on a vertical line through
    it, vertically; the best wins. Returns (lng, lat, score in degrees)."""
    ys = [p[1] for polygon in polygons for ring in polygon for p in ring]
    y0, y1 = min(ys), max(ys)
    best: tuple[float, float, float] | None = None
    for k in range(1, 20):
        y = y0 + (y1 - y0) * k / 20
        xs = _crossings(polygons, 0, y)
        for a, b in zip(xs[::2], xs[1::2], strict=False):
            x = (a + b) / 2
            vertical = _crossings(polygons, 1, x)
            v = min((abs(c - y) for c in vertical), default=0.0)
            score = min((b - a) / 2, v)
            if best is None or score > best[2]:
                best = (x, y, score)
    return best


def _packaged(level: int) -> dict[str, list]:
    _meta, rows = read_package(package_path("34"))
    return {b.code: b.polygons for b in rows if b.level == level}


def test_every_district_and_village_of_diy_is_found_at_an_interior_point(boundaries):
    villages = _packaged(RegionLevel.VILLAGE)
    assert len(villages) == 438
    per_district: dict[str, int] = {}
    wrong = []
    for code, polygons in villages.items():
        point = _interior_point(polygons)
        assert point is not None, code
        lng, lat, _half = point
        found = locate(lat, lng)
        per_district[found.district.code] = per_district.get(found.district.code, 0) + 1
        if not found.precise or found.village is None or found.village.code != code:
            wrong.append((code, found.region.code))
        assert found.district.code == code[:8]
        assert found.regency.code == code[:5]
        assert found.province.code == "34"
    assert wrong == []
    assert len(per_district) == 78  # every kecamatan of DIY, each by its own villages' points


def test_every_district_polygon_interior_point_is_in_that_district(boundaries):
    districts = _packaged(RegionLevel.DISTRICT)
    assert len(districts) == 78
    for code, polygons in districts.items():
        lng, lat, _half = _interior_point(polygons)
        assert locate(lat, lng).district.code == code


@pytest.mark.parametrize(
    ("place", "lat", "lng", "regency", "district", "village"),
    [
        ("Tugu Yogyakarta", -7.78294, 110.36704, "Kota Yogyakarta", "Jetis", None),
        ("Candi Prambanan", -7.75202, 110.49147, "Kabupaten Sleman", "Prambanan", "Bokoharjo"),
        ("Pantai Parangtritis", -8.0253, 110.3290, "Kabupaten Bantul", "Kretek", None),
        ("Malioboro", -7.7926, 110.3658, "Kota Yogyakarta", "Gedongtengen", "Sosromenduran"),
        ("Wates", -7.8575, 110.1600, "Kabupaten Kulon Progo", "Wates", None),
        ("Wonosari", -7.9656, 110.6005, "Kabupaten Gunungkidul", "Wonosari", None),
    ],
)
def test_known_places(boundaries, place, lat, lng, regency, district, village):
    found = locate(lat, lng)
    assert found.regency.name == regency, place
    assert found.district.name == district, place
    assert found.province.code == "34"
    if village:
        assert found.precise and found.village.name == village


def test_input_types(boundaries):
    a = locate(-7.75202, 110.49147)
    assert locate(Decimal("-7.75202"), Decimal("110.49147")) == a
    assert locate(" -7.75202", "110.49147 ") == a


@pytest.mark.parametrize(
    ("lat", "lng", "province"),
    [
        (-7.6079, 110.2038, "Jawa Tengah"),  # Candi Borobudur, Magelang
        (-7.5755, 110.8243, "Jawa Tengah"),  # Surakarta
        (-8.6500, 115.2167, "Bali"),  # Denpasar
        (-6.1754, 106.8272, "DKI Jakarta"),  # Monas
    ],
)
def test_points_in_other_provinces_are_outside_the_area(boundaries, lat, lng, province):
    with pytest.raises(LocateError) as caught:
        locate(lat, lng)
    assert caught.value.code == "outside_area"
    assert caught.value.province == province
    assert province in caught.value.message
    assert "DI Yogyakarta" in caught.value.message
    assert str(caught.value) == caught.value.message


@pytest.mark.parametrize(
    ("lat", "lng"),
    [(-9.0, 110.4), (-8.5, 110.5), (0.0, 0.0), (3.139, 101.687), (1.29, 103.85), (-35.0, 149.0)],
)
def test_at_sea_or_abroad(boundaries, lat, lng):
    with translation.override("en"), pytest.raises(LocateError) as caught:
        locate(lat, lng)
    assert caught.value.code == "outside_indonesia"
    assert caught.value.message == "The point is at sea or outside Indonesia."


@pytest.mark.parametrize(
    ("lat", "lng"),
    [
        (math.nan, 110.0),
        (-7.8, math.inf),
        (-math.inf, 110.0),
        (91, 110),
        (-90.5, 110),
        (-7.8, 180.01),
        (-7.8, -181),
        ("abc", "110"),
        ("", "110"),
        ("1e400", "110"),
        (None, 110),
        (True, 110),
        ([1], 110),
        (Decimal("NaN"), 110),
        ("nan", "110"),
    ],
)
def test_impossible_points(lat, lng):
    with translation.override("en"), pytest.raises(LocateError) as caught:
        locate(lat, lng)
    assert caught.value.code == "invalid_point"
    assert "latitude" in caught.value.message


def test_messages_are_translated(boundaries):
    with translation.override("id"), pytest.raises(LocateError) as caught:
        locate(-9.0, 110.4)
    assert caught.value.code == "outside_indonesia"
    assert caught.value.message == "Titik berada di laut atau di luar Indonesia."


def test_a_village_without_polygon_falls_back_to_its_district(boundaries):
    precise = locate(-7.75202, 110.49147)
    assert precise.village.name == "Bokoharjo"
    Boundary.objects.filter(region=precise.village).delete()
    found = locate(-7.75202, 110.49147)
    assert found.village is None
    assert found.precise is False
    assert found.district == precise.district
    assert found.region == precise.district
    assert found.label() == "Kec. Prambanan, Kab. Sleman"


def test_labels(boundaries):
    sleman = locate(-7.75202, 110.49147)
    assert sleman.label() == "Desa Bokoharjo, Kec. Prambanan, Kab. Sleman"
    kricak = Region.objects.get(code="34.71.01.1001")
    lng, lat, _ = _interior_point(_packaged(RegionLevel.VILLAGE)[kricak.code])
    found = locate(lat, lng)
    assert found.village == kricak
    assert found.label() == "Kel. Kricak, Kec. Tegalrejo, Kota Yogyakarta"
    assert found.region == kricak
    sardonoharjo = Region.objects.get(name="Sardonoharjo")
    lng, lat, _ = _interior_point(_packaged(RegionLevel.VILLAGE)[sardonoharjo.code])
    assert locate(lat, lng).label() == "Desa Sardonoharjo, Kec. Ngaglik, Kab. Sleman"
    assert region_label(Region.objects.get(code="34")) == "DI Yogyakarta"


def test_capitals_from_a_source_become_title_case():
    shouting = Region(code="34.04.12.2001", name="SARDONOHARJO", level=4, kind=RegionKind.DESA)
    assert region_label(shouting) == "Desa Sardonoharjo"
    city = Region(code="34.71", name="KOTA YOGYAKARTA", level=2, kind=RegionKind.KOTA)
    assert region_label(city) == "Kota Yogyakarta"
    assert names.province_label("DAERAH ISTIMEWA YOGYAKARTA") == "DI Yogyakarta"
    assert names.title_case("Gunungkidul") == "Gunungkidul"


def test_points_on_a_shared_edge_belong_to_exactly_one_polygon():
    left = Shape("a", 4, [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]])
    right = Shape("b", 4, [[[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]])
    below = Shape("c", 4, [[[[0, -1], [1, -1], [1, 0], [0, 0], [0, -1]]]])
    for x, y in [(1, 0.5), (1, 0.25), (0.5, 0), (1, 0)]:
        holders = [s.code for s in (left, right, below) if s.contains(x, y)]
        assert len(holders) == 1, (x, y, holders)


def test_holes_and_parts():
    donut = Shape(
        "d",
        4,
        [
            [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]],
            [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
        ],
    )
    assert donut.contains(0.5, 0.5)
    assert not donut.contains(2, 2)  # in the hole
    assert donut.contains(10.5, 10.5)  # the second part
    assert not donut.contains(5, 5)


def test_covered_provinces_and_outlines(boundaries):
    assert [r.code for r in geography.covered_provinces()] == ["34"]
    sleman = outlines(RegionLevel.DISTRICT, "34.04")
    assert sleman["type"] == "FeatureCollection"
    assert len(sleman["features"]) == 17
    feature = sleman["features"][0]
    assert feature["properties"]["code"].startswith("34.04.")
    assert feature["properties"]["label"].startswith("Kec. ")
    lng, lat = feature["geometry"]["coordinates"][0][0][0]
    assert 110 < lng < 111 and -8.3 < lat < -7.5  # GeoJSON order
    assert outlines(RegionLevel.DISTRICT, "34.04") is sleman  # cached
    regencies = outlines(RegionLevel.REGENCY)
    assert [f["properties"]["label"] for f in regencies["features"]] == [
        "Kab. Kulon Progo",
        "Kab. Bantul",
        "Kab. Gunungkidul",
        "Kab. Sleman",
        "Kota Yogyakarta",
    ]
    coarse = outlines(RegionLevel.VILLAGE, "34", tolerance=0.002)

    def points(collection):
        return sum(
            len(ring)
            for f in collection["features"]
            for polygon in f["geometry"]["coordinates"]
            for ring in polygon
        )

    assert len(coarse["features"]) == 438
    assert points(coarse) < points(outlines(RegionLevel.VILLAGE, "34")) / 2


def test_no_boundaries_loaded(regions):
    assert geography.covered_provinces() == []
    with translation.override("en"), pytest.raises(LocateError) as caught:
        locate(-7.8053, 110.3642)  # Kraton Yogyakarta
    assert caught.value.code == "outside_area"
    assert caught.value.message == (
        "The point lies in DI Yogyakarta; this service has no area boundaries loaded."
    )


# ---------------------------------------------------------------------------------------------
# The loader

TINY_KEC = """/*
MIT License … (a comment, as upstream files start)
*/
DELETE FROM wilayah_boundaries WHERE kode LIKE '34.%' AND LENGTH(kode)=8;
INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
\t('34.71.01','Tegalrejo', -7.5, 110.5,
\t'[[[-7.0,110.0],[-7.0,111.0],[-8.0,111.0],[-8.0,110.0],[-7.0,110.0]]]');
"""
TINY_KEL = """INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
\t('34.71.01.1001','Kri\\'cak',-7.5,110.5,'[[[[-7.1,110.1],[-7.1,110.5],[-7.5,110.5],[-7.5,110.1],[-7.1,110.1]],[[-7.2,110.2],[-7.2,110.3],[-7.3,110.3],[-7.3,110.2],[-7.2,110.2]]],[[[-7.8,110.8],[-7.8,110.9],[-7.9,110.9],[-7.9,110.8],[-7.8,110.8]]]]'),
\t('34.71.99.9999','Not a region',NULL,NULL,'[[[-7.1,110.1],[-7.1,110.2],[-7.2,110.2],[-7.1,110.1]]]');
"""


@pytest.fixture
def upstream_dir(tmp_path: Path) -> Path:
    (tmp_path / "db" / "kec").mkdir(parents=True)
    (tmp_path / "db" / "kel" / "34").mkdir(parents=True)
    (tmp_path / "db" / "kec" / "wilayah_boundaries_kec_34.sql").write_text(TINY_KEC)
    (tmp_path / "db" / "kel" / "34" / "wilayah_boundaries_kel_34.71.sql").write_text(TINY_KEL)
    (tmp_path / "db" / "kec" / "wilayah_boundaries_kec_33.sql").write_text("not read")
    return tmp_path


def test_parse_sql_reads_polygons_and_multipolygons_in_lng_lat_order():
    rows = list(parse_sql(TINY_KEC + TINY_KEL))
    assert [r.code for r in rows] == ["34.71.01", "34.71.01.1001", "34.71.99.9999"]
    district, village, unknown = rows
    assert district.name == "Tegalrejo" and district.centroid == (110.5, -7.5)
    assert district.polygons == [
        [[[110.0, -7.0], [111.0, -7.0], [111.0, -8.0], [110.0, -8.0], [110.0, -7.0]]]
    ]
    assert village.name == "Kri'cak"
    assert len(village.polygons) == 2 and len(village.polygons[0]) == 2  # two parts, a hole
    assert unknown.centroid is None


def _load(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_boundaries", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_loader_is_idempotent_and_shows_progress(regions):
    out, err = _load("34")
    assert "34: 522 boundaries (" in out
    assert "Loaded 522 boundaries" in out
    assert "Boundaries 34" in err and "100%" in err
    first = set(Boundary.objects.values_list("pk", flat=True))
    out, _err = _load("34")
    assert Boundary.objects.count() == 522
    assert set(Boundary.objects.values_list("pk", flat=True)).isdisjoint(first)  # replaced
    assert locate(-7.75202, 110.49147).village.name == "Bokoharjo"
    sources = set(Boundary.objects.values_list("source", flat=True))
    assert sources == {"cahyadsn/wilayah_boundaries@3c5a7960f4"}


def test_loader_from_upstream_sql(boundaries, upstream_dir):
    out, _err = _load("34", "--from", str(upstream_dir))
    assert "34: 2 boundaries" in out
    assert "1 codes not among the regions, skipped" in out
    assert "437 villages without a polygon" in out
    assert Boundary.objects.count() == 2  # the packaged rows of 34 were replaced
    found = locate(-7.15, 110.15)
    assert found.precise and found.village.code == "34.71.01.1001"
    assert locate(-7.85, 110.85).village.code == "34.71.01.1001"  # the second part
    in_hole = locate(-7.25, 110.25)
    assert in_hole.village is None and in_hole.district.code == "34.71.01"
    assert Boundary.objects.get(region_id="34.71.01").source == f"sql:{upstream_dir.name}"


def test_loader_list_and_errors(boundaries):
    out, _err = _load("--list")
    assert "packaged 34: 522 boundaries" in out
    assert "packaged outlines: 38 provinces" in out
    assert "loaded 34: level 1: 1, level 2: 5, level 3: 78, level 4: 438" in out
    with pytest.raises(CommandError, match="No packaged boundaries for province 33"):
        _load("33")
    with pytest.raises(CommandError, match="two-digit"):
        _load("3")
    with pytest.raises(CommandError):
        _load()
