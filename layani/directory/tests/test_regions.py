"""The Kemendagri region set: complete, consistent hierarchy, right time zones."""

import pytest
from django.db import IntegrityError, transaction

from layani.directory.models import Region, RegionKind
from layani.directory.regions import load_regions
from layani.directory.timezones import IndonesianTimeZone, timezone_for_province


@pytest.mark.slow
@pytest.mark.django_db
def test_full_load_has_every_kemendagri_2025_code_in_a_consistent_hierarchy():
    written = load_regions()
    assert written == 91_599
    counts = {level: Region.objects.filter(level=level).count() for level in (1, 2, 3, 4)}
    assert counts == {1: 38, 2: 514, 3: 7_285, 4: 83_762}
    # Every non-province's parent is one level up and its code is the parent's code plus a segment.
    bad = [
        r.code
        for r in Region.objects.filter(level__gt=1)
        .select_related("parent")
        .iterator(chunk_size=5000)
        if r.parent.level != r.level - 1 or r.code.rsplit(".", 1)[0] != r.parent.code
    ]
    assert bad == []
    # Time zones follow the province.
    assert Region.objects.get(code="31").timezone == IndonesianTimeZone.WIB  # Jakarta
    assert Region.objects.get(code="51").timezone == IndonesianTimeZone.WITA  # Bali
    assert Region.objects.get(code="94").timezone == IndonesianTimeZone.WIT  # Papua Tengah
    mismatched = [
        r.code
        for r in Region.objects.only("code", "timezone").iterator(chunk_size=10_000)
        if r.timezone != timezone_for_province(r.code)
    ]
    assert mismatched == []


@pytest.mark.django_db
def test_reloading_is_an_upsert_not_a_duplicate(regions):
    before = Region.objects.count()
    Region.objects.filter(code="34.71").update(name="Tampered")
    load_regions({"34"})
    assert Region.objects.count() == before
    assert Region.objects.get(code="34.71").name == "Kota Yogyakarta"


@pytest.mark.django_db
def test_kinds_and_postal_codes_of_a_province(regions):
    assert Region.objects.get(code="34").kind == RegionKind.PROVINSI
    assert Region.objects.get(code="34.71").kind == RegionKind.KOTA
    assert Region.objects.get(code="34.04").kind == RegionKind.KABUPATEN
    villages = Region.objects.filter(level=4)
    assert villages.count() == 438
    assert not villages.filter(postal_code="").exists()
    assert set(villages.values_list("kind", flat=True)) <= {RegionKind.DESA, RegionKind.KELURAHAN}


def test_time_zone_of_every_province_group():
    assert timezone_for_province("11") == IndonesianTimeZone.WIB  # Aceh
    assert timezone_for_province("62") == IndonesianTimeZone.WIB  # Kalimantan Tengah
    assert timezone_for_province("63") == IndonesianTimeZone.WITA  # Kalimantan Selatan
    assert timezone_for_province("53") == IndonesianTimeZone.WITA  # NTT
    assert timezone_for_province("76") == IndonesianTimeZone.WITA  # Sulawesi Barat
    assert timezone_for_province("82") == IndonesianTimeZone.WIT  # Maluku Utara
    assert timezone_for_province("96") == IndonesianTimeZone.WIT  # Papua Barat Daya


def test_ancestor_codes_run_from_the_region_to_its_province():
    assert Region.ancestor_codes("34.71.01.1001") == ["34.71.01.1001", "34.71.01", "34.71", "34"]
    assert Region.ancestor_codes("34") == ["34"]


@pytest.mark.django_db
def test_database_refuses_a_parentless_regency_and_a_province_with_a_parent(regions):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="34.99", name="X", level=2, kind="kota", timezone="Asia/Jakarta")
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(
            code="99", name="X", level=1, kind="provinsi", parent_id="34", timezone="Asia/Jakarta"
        )
