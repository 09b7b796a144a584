"""Fixtures for routing tests: reports made through intake's own service, a small matrix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import A_SLEMAN_VILLAGE, SLEMAN
from layani.directory.models import Agency, AgencyKind, Category, GovernmentLevel, Responsibility
from layani.intake.models import Channel, Report
from layani.intake.services import ReportSubmission, submit_report


@pytest.fixture
def make_report(regions, categories):
    """Submit a report through intake; `days_ago` and `status` are set afterwards, as history."""

    def make(
        description: str,
        *,
        title: str = "",
        category: str = "",
        region: str = A_SLEMAN_VILLAGE,
        point: tuple[float, float] | None = None,
        days_ago: float = 0,
        status: str | None = None,
        privacy: str = "biasa",
    ) -> Report:
        report = submit_report(
            ReportSubmission(
                description=description,
                title=title,
                region_code=region,
                channel=Channel.WEB,
                category_code=category,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                privacy=privacy,
            )
        ).report
        changes: dict[str, object] = {}
        if days_ago:
            changes["submitted_at"] = timezone.now() - timedelta(days=days_ago)
        if status:
            changes["status"] = status
        if changes:
            Report.objects.filter(pk=report.pk).update(**changes)
            report.refresh_from_db()
        return report

    return make


@pytest.fixture
def matrix(regions, categories):
    """Public works and the environment office of Sleman, responsible at regency level."""

    def agency(slug: str) -> Agency:
        return Agency.objects.create(
            slug=slug,
            name=slug,
            short_name=slug,
            level=GovernmentLevel.REGENCY,
            kind=AgencyKind.REGIONAL_OFFICE,
            region_id=SLEMAN,
        )

    pu, dlh = agency("pu-roads-sleman"), agency("environment-sleman")
    for code, office in (("infrastruktur", pu), ("lingkungan", dlh)):
        Responsibility.objects.create(
            category=Category.objects.get(code=code),
            level=GovernmentLevel.REGENCY,
            region_id=SLEMAN,
            agency=office,
        )
    return {"pu": pu, "dlh": dlh}
