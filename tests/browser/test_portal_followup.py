"""After submitting: the reporter follows up in the browser while agencies answer through the
services; a second reporter disputes; and the language can be switched."""

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.cases.models import MessageKind, Outcome
from layani.intake.models import Channel, PrivacyTier, Report, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report

from .test_portal_journeys import PNG, fill_report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def _handle(team, report, answer):
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    services.post_message(
        report, actor=team.officer_pu, kind=MessageKind.PUBLIC_FOLLOW_UP, body=answer
    )


def test_guest_anonymous_with_photo_tracks_replies_gets_an_answer_and_rates(
    new_page, team, audit_purged
):
    page = new_page()
    page.goto("/lapor/")
    fill_report(page)
    page.set_input_files(
        "#id_attachments", files=[{"name": "lampu.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.check("input[name=privacy][value=anonim]")
    page.click("#submit-report")
    page.click("text=Pantau laporan saya")
    page.fill("#reply-text", "Lampunya di tiang nomor 12, dekat pos ronda.")
    page.click("form[action$='/reply/'] button[type=submit]")
    assert "tiang nomor 12" in page.content()

    report = Report.objects.get()
    assert report.privacy == PrivacyTier.ANONIM and report.attachments.count() == 1
    _handle(team, report, "Petugas PJU dijadwalkan memperbaiki besok pagi.")
    page.reload()
    assert "Petugas PJU dijadwalkan memperbaiki besok pagi." in page.content()
    services.propose_closure(
        report,
        actor=team.officer_pu,
        outcome=Outcome.RESOLVED,
        explanation="Lampu sudah menyala kembali.",
    )
    page.reload()
    page.check("input[name=rating][value='4']")
    page.click("text=Ya, sudah selesai")
    assert page.locator("[data-status]").get_attribute("data-status") == "closed"
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED and report.case.rating == 4


def test_reporter_disputes_and_the_case_reopens(new_page, team, audit_purged):
    receipt = submit_report(
        ReportSubmission(
            description="Got di depan rumah mampet, air meluap ke jalan tiap hujan.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="drainase",
            identity=Identity(name="Agus Salim", phone="081377778888"),
        )
    )
    report = receipt.report
    _handle(team, report, "Sudah dikeruk oleh tim.")
    services.propose_closure(
        report,
        actor=team.officer_pu,
        outcome=Outcome.RESOLVED,
        explanation="Saluran sudah dibersihkan.",
    )
    page = new_page()
    page.goto("/lacak/")
    page.fill("#id_tracking_id", report.display_tracking_id)
    page.fill("#id_access_code", receipt.access_code)
    page.click("main button[type=submit]")
    page.fill("#dispute-text", "Masih meluap kemarin sore.")
    page.click("text=Belum, masih bermasalah")
    assert page.locator("[data-status]").get_attribute("data-status") == "in_progress"
    report.refresh_from_db()
    assert report.case.reopen_count == 1


def test_switching_the_language_to_english_and_back(new_page, db):
    page = new_page()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.click("form.lang button[value=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Report it" in page.content()
    page.click("form.lang button[value=id]")
    assert page.locator("html").get_attribute("lang") == "id"
