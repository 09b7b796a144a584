"""Redaction of personal data in public text: what must be masked, and what must stay."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from layani.intake.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIK saya 3404071234560001, mohon dibantu", "NIK saya [NIK], mohon dibantu"),
        ("NIK3404071234560001 hp 081234567890", "NIK[NIK] hp [phone]"),
        ("nik.3201011508950001", "nik.[NIK]"),
        ("nik: 3404 0712 3456 0001", "nik: [NIK]"),
        ("3404-0712-3456-0001 adalah nik saya", "[NIK] adalah nik saya"),
        ("Nomor KK 3404071234560002", "Nomor KK [KK]"),
        ("hubungi 0812-3456-7890", "hubungi [phone]"),
        ("atau +62 812 3456 7890", "atau [phone]"),
        ("hub 62.812.3456.7890", "hub [phone]"),
        ("wa 085712345678 ya min", "wa [phone] ya min"),
        ("telp rumah (0274) 555-1234", "telp rumah [phone]"),
        ("email budi.santoso@gmail.com", "email [e-mail]"),
        ("atau canary.pelapor@example.org, ya", "atau [e-mail], ya"),
        ("kirim ke s.r+lapor@mail.kab-sleman.go.id.", "kirim ke [e-mail]."),
        ("no rek BRI 1234567890 a.n. Budi", "no rek BRI [account] a.n. [name]"),
        ("norek 1234567890 bca", "norek [account] bca"),
        ("rekening 0123-01-012345-50-1", "rekening [account]"),
        ("nama saya Siti Aminah, warga RT 03/RW 05", "nama saya [name], warga RT 03/RW 05"),
        ("Saya, Budi Santoso, warga Sleman", "Saya, [name], warga Sleman"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "bayar Rp 50.000 tanggal 12/05/2024 rumah no. 45",
        "Rp 1.500.000 2.500.000 50.000 sudah dibayar",
        "RT 003 RW 012 Jl. Kaliurang km 7",
        "sudah 3 bulan, biaya 150.000, 2.500.000 juta",
        "jam 08.30 sampai 12.00, tanggal 17-08-2024",
        "nomor pelanggan PDAM 12345678",
        "kode tiket K7R-4XA-96HW",
        "tahun 2023 ada 1500 warga, 45 KK terdampak",
        "atas nama istri saya, nama saya tidak masuk data",
        "Sugeng siang, dana PIP belum cair",
        "parkir liar AB 1234 XY di trotoar",
    ],
)
def test_dates_amounts_addresses_and_ordinary_words_are_not_masked(text):
    result = redact(text)
    assert result.text == text
    assert not result.changed


def test_plates_are_masked_only_where_the_deployment_asks():
    assert "AB 1234 XY" in redact("plat AB 1234 XY parkir di trotoar").text
    assert redact("plat AB 1234 XY parkir di trotoar", plates=True).kinds() == {"PLATE"}


def test_redactions_report_their_kind_and_offsets():
    text = "hp 081234567890"
    (found,) = redact(text).redactions
    assert (found.kind, text[found.start : found.end]) == ("PHONE", "081234567890")


_niks = st.builds(
    lambda prov, kab, kec, day, woman, month, year, serial: (
        f"{prov}{kab:02d}{kec:02d}{day + (40 if woman else 0):02d}{month:02d}{year:02d}{serial:04d}"
    ),
    st.sampled_from(["11", "31", "32", "33", "34", "35", "51", "64", "73", "91", "94"]),
    st.integers(1, 79),
    st.integers(1, 50),
    st.integers(1, 28),
    st.booleans(),
    st.integers(1, 12),
    st.integers(0, 99),
    st.integers(1, 9999),
)
_forms = st.sampled_from(
    [
        "{n}",
        "{a} {b} {c} {d}",
        "{a}-{b}-{c}-{d}",
        "{a}.{b}.{c}.{d}",
        "NIK{n}",
        "nik.{n}",
        "NIK: {n}",
        "nik:{a} {b} {c} {d}",
    ]
)
_contexts = st.sampled_from(
    ["{x}", "NIK saya {x}, terima kasih", "data: {x}.", "pelapor ({x}) warga RT 02", "{x}\nHP -"]
)


@given(nik=_niks, form=_forms, context=_contexts)
def test_every_valid_nik_form_is_caught(nik, form, context):
    written = form.format(n=nik, a=nik[:4], b=nik[4:8], c=nik[8:12], d=nik[12:])
    masked = redact(context.format(x=written)).text
    assert "[NIK]" in masked
    assert not re.search(r"\d{4}", masked)
