"""Open311 test fixtures: an integrator's key and a few reports in every privacy tier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier, Report
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.open311.keys import issue_api_key

#: Canary identity: none of these may ever appear in Open311 output.
CANARY = Identity(
    name="Canary Sutrisno", nik="3404071708800003", phone="081299990001", email="canary@example.id"
)


@pytest.fixture
def api_key(db) -> str:
    return issue_api_key("Aplikasi Jogja Smart")[1]


@dataclass
class Reports:
    public: Report
    anonim: Report
    rahasia: Report


def make_report(privacy: str = PrivacyTier.BIASA, **overrides) -> Report:
    values: dict[str, Any] = {
        "description": "Lampu jalan mati di depan SD, gelap sekali 🌑 malam hari.",
        "region_code": A_SLEMAN_VILLAGE,
        "channel": Channel.WEB,
        "category_code": "lampu-jalan",
        "privacy": privacy,
        "identity": CANARY,
        "latitude": "-7.716000",
        "longitude": "110.355000",
        "address": "Jl. Kaliurang km 10",
    }
    values.update(overrides)
    return submit_report(ReportSubmission(**values)).report


@pytest.fixture
def reports(regions, categories) -> Reports:
    return Reports(
        public=make_report(),
        anonim=make_report(PrivacyTier.ANONIM, description="Sampah menumpuk di pasar."),
        rahasia=make_report(PrivacyTier.RAHASIA, description="Pungli di kantor kelurahan."),
    )
