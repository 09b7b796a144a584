"""Canary values: a reporter's NIK, phone, e-mail and name — in their identity AND pasted into
their own report text — never appear in public pages, Open311 output, URLs or logs, nor (for
anonymous reports) anywhere the handling agency looks: its API and its console pages.

Where they may appear is where they belong: for regular and confidential reports the handling
agency sees the content as written, and identity only through an audited reveal.
"""

import logging

import pytest
from django.urls import reverse

from conftest import A_SLEMAN_VILLAGE
from layani.api.tokens import issue_token
from layani.cases import services
from layani.cases.models import MessageKind
from layani.intake.models import ANONYMOUS_TIERS, Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = pytest.mark.django_db

NIK = "3404074107900077"
PHONE = "081298765431"
EMAIL = "canary.pelapor@example.org"
CANARIES = (NIK, PHONE, "0812-9876-5431", "81298765431", EMAIL, "Kanari Wulandari")


def _seed(team):
    reports = []
    for privacy in PrivacyTier.values:
        receipt = submit_report(
            ReportSubmission(
                title="Lampu jalan mati total",
                description=(
                    f"Lampu mati sejak minggu lalu. Hubungi saya 0812-9876-5431 atau {EMAIL}, "
                    f"NIK {NIK}. Nama saya Kanari Wulandari."
                ),
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="lampu-jalan",
                privacy=privacy,
                latitude="-7.7501",
                longitude="110.3902",
                identity=Identity(name="Kanari Wulandari", nik=NIK, phone=PHONE, email=EMAIL),
            )
        )
        report = receipt.report
        services.verify_report(report, actor=team.coordinator)
        services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
        services.post_message(
            report,
            actor=team.officer_pu,
            kind=MessageKind.PUBLIC_FOLLOW_UP,
            body="Sudah kami jadwalkan perbaikan.",
        )
        reports.append(report)
    return reports


def _assert_clean(where, text):
    leaked = [c for c in CANARIES if c in text]
    assert leaked == [], f"{where} leaks {leaked}"


def test_canaries_stay_out_of_public_output_the_api_urls_and_logs(
    client, staff_login, team, caplog
):
    caplog.set_level(logging.DEBUG)
    reports = _seed(team)
    public_urls = [
        "/",
        reverse("portal:report-list"),
        reverse("portal:report-map"),
        reverse("portal:report-map-data"),
        reverse("portal:report-list") + "?q=lampu",
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        "/open311/v2/requests.json?extensions=true",
        "/open311/v2/servicerequestupdates.json",
        "/open311/v2/services.json",
        "/transparansi/audit/",
    ]
    for report in reports:
        public_urls += [
            reverse("portal:report-detail", args=[report.tracking_id]),
            f"/open311/v2/requests/{report.tracking_id}.json",
            f"/open311/v2/requests/{report.tracking_id}.xml",
        ]
    seen = 0
    for url in public_urls:
        _assert_clean(url, url)
        response = client.get(url)
        if response.status_code == 200:
            seen += 1
            _assert_clean(url, response.content.decode())
    assert seen == len(public_urls) - 6  # the two confidential tiers rightly 404 (3 URLs each)

    # The handling agency never learns who sent an anonymous report: not from identity fields,
    # and not from what the reporter typed into the report (API and console alike).
    _token, raw = issue_token(team.dinas_pu, "canary-check")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    anonymous = [r for r in reports if r.privacy in ANONYMOUS_TIERS]
    assert len(anonymous) == 2
    response = client.get("/api/v1/tasks", **headers)
    assert response.status_code == 200
    listed = response.json()
    rows = listed["items"] if isinstance(listed, dict) else listed
    anonymous_rows = [row for row in rows if row["report"]["privacy"] in ANONYMOUS_TIERS]
    assert len(anonymous_rows) == len(anonymous)  # the check below reads every anonymous task
    for row in anonymous_rows:
        _assert_clean("/api/v1/tasks", str(row))
    staff_login(team.officer_pu)
    for report in anonymous:
        url = f"/api/v1/cases/{report.tracking_id}"
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        _assert_clean(url, response.content.decode())
        page = client.get(reverse("console:case", args=[report.tracking_id]))
        assert page.status_code == 200
        _assert_clean(f"console {report.privacy}", page.content.decode())

    _assert_clean("logs", caplog.text)
