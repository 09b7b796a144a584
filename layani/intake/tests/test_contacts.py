"""NIK structure and phone normal form (checklist item 7), with the field named in each refusal."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from layani.intake.contacts import PROVINCE_CODES, clean_nik, clean_phone
from layani.intake.errors import SubmissionError


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("3404074107900001", "3404074107900001"),  # a woman born 1 July 1990 in Sleman/Mlati
        ("3404 0717 0880 0003", "3404071708800003"),  # a man born 17 August 1980, spaced
        ("3171.0129.0200.0042", "3171012902000042"),  # 29 February 2000 (leap year)
        (
            "9601017101050001",
            "9601017101050001",
        ),  # Papua Barat Daya (2022), a woman born 31 Jan 2005
        ("", ""),
    ],
)
def test_well_formed_niks_are_kept_in_digits(written, stored):
    assert clean_nik(written) == stored


@pytest.mark.parametrize(
    ("nik", "words"),
    [
        ("340407410790001", "16 digits"),  # one digit short
        ("34040741079000012", "16 digits"),
        ("34040741O7900001", "16 digits"),  # a letter O
        ("9904074107900001", "region code"),  # no province 99
        ("3400074107900001", "region code"),  # regency 00
        ("3404004107900001", "region code"),
        ("3404073207900001", "date of birth"),  # day 32 (a man)
        ("3404077207900001", "date of birth"),  # day 72 (a woman: 32)
        ("3404070013900001", "date of birth"),  # month 13
        ("3404073102900001", "date of birth"),  # 31 February
        ("3404072902010001", "date of birth"),  # 29 February 1901 / 2001: no leap year
        ("3404070000900001", "date of birth"),  # day 0
        ("3404074107900000", "serial"),
    ],
)
def test_malformed_niks_are_refused_naming_the_part(nik, words):
    with translation.override("en"), pytest.raises(SubmissionError) as err:
        clean_nik(nik)
    assert (err.value.field, err.value.code) == ("nik", "invalid_nik")
    assert words in err.value.message


def test_province_codes_are_the_packaged_provinces():
    from layani.directory.regions import iter_source_regions

    provinces = {int(row.code) for row in iter_source_regions() if row.level == 1}
    assert provinces == PROVINCE_CODES


@given(st.text(alphabet="0123456789 .-", max_size=24))
def test_clean_nik_either_gives_sixteen_digits_or_refuses(text):
    try:
        result = clean_nik(text)
    except SubmissionError as err:
        assert err.field == "nik"
    else:
        assert result == "" or (len(result) == 16 and result.isdigit())


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("081234567890", "081234567890"),
        ("0812-3456-7890", "081234567890"),
        ("+62 812 3456 7890", "081234567890"),
        ("62812345678901", "0812345678901"),
        ("(0274) 123456", "0274123456"),  # a landline with its area code
        ("+61 412 345 678", "+61412345678"),  # a foreign number keeps its country code
        ("", ""),
    ],
)
def test_phone_numbers_are_kept_in_national_form(written, stored):
    assert clean_phone(written) == stored


@pytest.mark.parametrize(
    "phone", ["0812", "0812345678901234567", "0812-3456-78x0", "++62812345678"]
)
def test_unusable_phone_numbers_are_refused(phone):
    with pytest.raises(SubmissionError) as err:
        clean_phone(phone)
    assert (err.value.field, err.value.code) == ("phone", "invalid_phone")


@pytest.mark.django_db
def test_the_same_number_written_two_ways_is_stored_once(categories, regions):
    from layani.intake.models import Channel, ReporterIdentity
    from layani.intake.services import Identity, ReportSubmission, submit_report

    for phone, nik in (("+62 812-3456-7890", "3404 0741 0790 0001"), ("081234567890", "")):
        submit_report(
            ReportSubmission(
                description="Jalan berlubang di depan balai padukuhan.",
                region_code="34.04.07.2001",
                channel=Channel.WEB,
                category_code="jalan-rusak",
                identity=Identity(name="Siti", phone=phone, nik=nik),
            )
        )
    stored = list(ReporterIdentity.objects.order_by("pk").values_list("phone", "nik"))
    assert stored == [("081234567890", "3404074107900001"), ("081234567890", "")]
