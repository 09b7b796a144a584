"""Tracking with tracking ID + access code; the reporter replies, confirms, disputes, appeals."""

import pytest
from django.urls import reverse

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.cases.models import Case, Outcome
from layani.intake.models import Channel, PrivacyTier, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def receipt(categories, regions):
    return submit_report(
        ReportSubmission(
            description="Sampah menumpuk di pinggir jalan desa.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            privacy=PrivacyTier.RAHASIA,
            identity=Identity(name="Budi Santoso", phone="081311112222"),
        )
    )


def _unlock(client, receipt, code=None):
    return client.post(
        reverse("portal:track"),
        {
            "tracking_id": receipt.report.display_tracking_id.lower(),
            "access_code": code or receipt.access_code,
        },
    )


def test_wrong_code_is_refused_without_saying_which_part_was_wrong(client, receipt):
    response = _unlock(client, receipt, code="0000000000")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Budi" not in html and receipt.report.title not in html
    page = client.get(reverse("portal:my-report", args=[receipt.report.tracking_id]))
    assert page.status_code == 302  # not unlocked: back to the form


def test_right_codes_show_status_and_timeline_without_codes_in_the_url(client, receipt):
    response = _unlock(client, receipt)
    assert response.status_code == 302
    assert receipt.access_code not in response["Location"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert receipt.report.title in html and "report.submitted" in html
    assert "no-store" in page["Cache-Control"]
    assert "Budi" not in html and "081311112222" not in html


def test_reporter_answers_a_hold_and_confirms_a_closure(client, receipt, team):
    report = receipt.report
    services.hold_report(report, actor=team.coordinator, question="Di RT berapa?")
    _unlock(client, receipt)
    url = reverse("portal:reporter-action", args=[report.tracking_id, "reply"])
    assert client.post(url, {"text": "RT 03 RW 05"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    services.propose_closure(
        report,
        actor=team.admin_pu,
        outcome=Outcome.RESOLVED,
        explanation="Sudah diangkut truk DLH.",
    )
    page = client.get(reverse("portal:my-report", args=[report.tracking_id])).content.decode()
    assert "Sudah diangkut truk DLH." in page
    confirm = reverse("portal:reporter-action", args=[report.tracking_id, "confirm"])
    assert client.post(confirm, {"rating": "4", "text": "Mantap"}).status_code == 302
    case = Case.objects.get(pk=report.pk)
    assert case.rating == 4 and case.report.status == ReportStatus.CLOSED


def test_dispute_without_a_reason_is_a_clear_400(client, receipt, team):
    report = receipt.report
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    services.propose_closure(
        report, actor=team.admin_pu, outcome=Outcome.CANNOT_ACT, explanation="Lahan milik swasta."
    )
    _unlock(client, receipt)
    url = reverse("portal:reporter-action", args=[report.tracking_id, "dispute"])
    response = client.post(url, {"text": " "})
    assert response.status_code == 400
    assert "flash-error" in response.content.decode()
