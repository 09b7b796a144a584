"""The responsibility matrix: category × level of government × region → agency."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import A_SLEMAN_VILLAGE, KOTA_YOGYAKARTA, SLEMAN
from layani.directory.models import (
    Agency,
    AgencyKind,
    Category,
    GovernmentLevel,
    Responsibility,
)
from layani.directory.selectors import responsibility_by_level, responsible_agency


def _agency(slug, level, region_id=None):
    return Agency.objects.create(
        slug=slug,
        name=slug,
        short_name=slug,
        level=level,
        kind=AgencyKind.MINISTRY
        if level == GovernmentLevel.NATIONAL
        else AgencyKind.REGIONAL_OFFICE,
        region_id=region_id,
    )


@pytest.fixture
def matrix(regions, categories):
    roads = Category.objects.get(code="jalan-rusak")
    infra = roads.parent
    ministry = _agency("kemen-pu", GovernmentLevel.NATIONAL)
    province = _agency("pu-diy", GovernmentLevel.PROVINCE, "34")
    sleman = _agency("pu-sleman", GovernmentLevel.REGENCY, SLEMAN)
    sleman_roads = _agency("bina-marga-sleman", GovernmentLevel.REGENCY, SLEMAN)
    kota = _agency("pu-kota", GovernmentLevel.REGENCY, KOTA_YOGYAKARTA)
    Responsibility.objects.create(category=infra, level="national", agency=ministry)
    Responsibility.objects.create(category=infra, level="province", region_id="34", agency=province)
    Responsibility.objects.create(category=infra, level="regency", region_id=SLEMAN, agency=sleman)
    Responsibility.objects.create(
        category=roads, level="regency", region_id=SLEMAN, agency=sleman_roads
    )
    Responsibility.objects.create(
        category=infra, level="regency", region_id=KOTA_YOGYAKARTA, agency=kota
    )
    return {
        "roads": roads,
        "infra": infra,
        "ministry": ministry,
        "province": province,
        "sleman": sleman,
        "sleman_roads": sleman_roads,
        "kota": kota,
    }


def test_sub_category_cell_beats_main_category_cell(matrix):
    assert responsible_agency(matrix["roads"], A_SLEMAN_VILLAGE) == matrix["sleman_roads"]


def test_main_category_cell_covers_its_sub_categories(matrix):
    drainage = Category.objects.get(code="drainase")
    assert responsible_agency(drainage, A_SLEMAN_VILLAGE) == matrix["sleman"]


def test_regency_cell_applies_to_villages_inside_it_only(matrix):
    kota_village = "34.71.01.1001"
    assert responsible_agency(matrix["roads"], kota_village) == matrix["kota"]


def test_levels_fall_back_to_the_enclosing_region_and_the_national_default(matrix):
    assert responsible_agency(matrix["roads"], A_SLEMAN_VILLAGE, "province") == matrix["province"]
    assert responsible_agency(matrix["roads"], "11.01", "national") == matrix["ministry"]
    # Nothing at province level for Aceh: the coordinator decides by hand.
    assert responsible_agency(matrix["roads"], "11.01", "province") is None


def test_usual_level_comes_from_the_main_category(matrix):
    assert matrix["roads"].effective_level == GovernmentLevel.REGENCY


def test_by_level_lists_the_natural_co_handlers(matrix):
    by_level = responsibility_by_level(matrix["roads"], A_SLEMAN_VILLAGE)
    assert by_level == {
        "national": matrix["ministry"],
        "province": matrix["province"],
        "regency": matrix["sleman_roads"],
    }


def test_one_agency_per_cell_is_a_database_rule(matrix):
    with pytest.raises(IntegrityError), transaction.atomic():
        Responsibility.objects.create(
            category=matrix["infra"], level="regency", region_id=SLEMAN, agency=matrix["kota"]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Responsibility.objects.create(
            category=matrix["infra"], level="national", agency=matrix["province"]
        )


def test_national_agencies_have_no_region_and_others_must(regions):
    with pytest.raises(IntegrityError), transaction.atomic():
        _agency("x", GovernmentLevel.REGENCY, None)
    with pytest.raises(IntegrityError), transaction.atomic():
        _agency("y", GovernmentLevel.NATIONAL, SLEMAN)


def test_agency_region_level_must_match_its_government_level(regions):
    agency = Agency(
        slug="z",
        name="z",
        short_name="z",
        level=GovernmentLevel.PROVINCE,
        kind=AgencyKind.REGIONAL_OFFICE,
        region_id=SLEMAN,
    )
    with pytest.raises(ValidationError):
        agency.full_clean()


def test_categories_have_two_levels_only(categories):
    roads = Category.objects.get(code="jalan-rusak")
    third = Category(parent=roads, code="too-deep", name="Too deep")
    with pytest.raises(ValidationError):
        third.full_clean()


def test_default_taxonomy_is_two_levels_with_levels_and_service_classes(categories):
    mains = Category.objects.filter(parent__isnull=True)
    assert mains.count() >= 15
    assert not mains.filter(default_level="").exists()
    subs = Category.objects.filter(parent__isnull=False)
    assert not subs.filter(parent__parent__isnull=False).exists()
    assert not subs.filter(default_service_class="").exists()
    assert all(m.children.exists() for m in mains)


def test_bulk_lookup_agrees_with_the_single_lookup(matrix, django_assert_num_queries):
    from layani.directory.selectors import responsible_agencies

    categories = list(Category.objects.filter(parent__isnull=False).select_related("parent"))
    for region in (A_SLEMAN_VILLAGE, "34.71.01.1001", "11.01"):
        with django_assert_num_queries(1):
            bulk = responsible_agencies(categories, region)
        assert bulk == {c.pk: responsible_agency(c, region) for c in categories}
