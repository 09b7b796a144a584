"""Titles made for channels that send none (Open311, SMS, e-mail, WhatsApp)."""

from __future__ import annotations

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import TITLE_MAX, Identity, ReportSubmission, submit_report

pytestmark = pytest.mark.django_db


def _submit(description: str, channel: str = Channel.SMS):
    return submit_report(
        ReportSubmission(
            description=description,
            region_code=A_SLEMAN_VILLAGE,
            channel=channel,
            privacy=PrivacyTier.ANONIM,
            identity=Identity(phone="081234567890"),
        )
    ).report


@pytest.mark.parametrize(
    "secret",
    ["3404071203850002", "NIK3404071203850002", "3404 0712 0385 0002", "081227459981", "a@b.id"],
)
def test_a_title_made_from_the_description_is_masked_when_it_is_made(regions, categories, secret):
    report = _submit(f"Lampu mati hub {secret} tolong segera diperbaiki pak")
    assert secret not in report.title
    assert report.title.startswith("Lampu mati hub ") and "[" in report.title
    assert secret in report.description  # the description itself is kept as written


def test_a_made_title_never_exceeds_the_limit(regions, categories):
    link = "https://maps.example.org/place/" + "x" * 300
    report = _submit(f"{link} jalan berlubang besar di depan sekolah dasar negeri", Channel.OPEN311)
    assert len(report.title) <= TITLE_MAX and report.title.endswith("…")
    words = " ".join(["Pembangunanjembatanpenyeberangan"] * 9)
    report = _submit(f"{words} rusak parah sejak banjir")
    assert len(report.title) <= TITLE_MAX and report.title.endswith("…")
    assert report.title.startswith("Pembangunanjembatanpenyeberangan Pembangunan")


def test_a_short_description_is_its_own_title(regions, categories):
    assert _submit("Sampah menumpuk di pasar").title == "Sampah menumpuk di pasar"
