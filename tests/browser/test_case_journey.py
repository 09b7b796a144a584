"""A report's whole life in a real browser: coordinator → agency admin → officer → citizen."""

import pyotp
import pytest
from django.utils import timezone

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, Report, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.security.models import TotpDevice

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def sign_in(page, username, password, totp_secret=None):
    page.goto("/konsol/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    if totp_secret:  # roles that can reveal identities confirm with an authenticator code
        page.fill("#otp-code", pyotp.TOTP(totp_secret).now())
        page.click("main button[type=submit]")


def enrolled(user):
    """Give `user` a confirmed authenticator and return its secret."""
    secret = pyotp.random_base32()
    TotpDevice.objects.create(user=user, secret=secret, confirmed_at=timezone.now())
    return secret


def test_coordinator_agency_admin_officer_and_citizen(new_page, team, audit_purged):
    receipt = submit_report(
        ReportSubmission(
            description="Jalan di depan SD berlubang besar, sudah 2 minggu, bahaya buat anak-anak.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            identity=Identity(name="Sri Lestari", phone="085612345678"),
        )
    )
    report = receipt.report

    coordinator = new_page()
    sign_in(coordinator, "koordinator", "test-pass-123", enrolled(team.coordinator))
    coordinator.click(f"text={report.display_tracking_id}")
    assert "S** L******" in coordinator.content()  # identity masked by default
    coordinator.click("form[action$='/verify/'] button[type=submit]")
    coordinator.select_option("#lead", label="DPUPKP Sleman")
    coordinator.click("form[action$='/dispose/'] button[type=submit]")
    assert coordinator.locator("[data-status]").get_attribute("data-status") == "in_progress"

    admin = new_page()
    sign_in(admin, "admin_pu", "x-pass-123", enrolled(team.admin_pu))
    admin.goto(f"/konsol/instansi/{team.dinas_pu.slug}/")
    admin.click(f"text={report.display_tracking_id}")
    admin.click("text=Terima tugas")
    admin.click("summary:has-text('Delegasikan')")
    admin.select_option("select[name=officer]", label="petugas_pu")
    admin.click("form[action$='/delegate/'] button[type=submit]")
    assert "petugas_pu" in admin.locator("[data-task='dpupkp-sleman']").inner_text()

    officer = new_page()
    sign_in(officer, "petugas_pu", "test-pass-123")
    officer.goto(f"/konsol/laporan/{report.tracking_id}/")
    officer.select_option("#msg-kind", value="follow_up")
    officer.fill("#msg-body", "Tim sudah menambal lubang hari ini.")
    officer.click("form[action$='/message/'] button[type=submit]")
    officer.click("summary:has-text('Usulkan selesai')")
    officer.select_option("#id_outcome", value="resolved")
    officer.fill("#id_explanation", "Lubang sudah ditambal dengan aspal.")
    officer.click("form[action$='/propose-closure/'] button[type=submit]")
    assert officer.locator("[data-status]").get_attribute("data-status") == "closure_proposed"

    citizen = new_page()
    citizen.goto("/lacak/")
    citizen.fill("#id_tracking_id", report.display_tracking_id)
    citizen.fill("#id_access_code", receipt.access_code)
    citizen.click("main button[type=submit]")
    assert "Lubang sudah ditambal dengan aspal." in citizen.content()
    citizen.check("input[name=rating][value='5']")
    citizen.click("text=Ya, sudah selesai")
    assert citizen.locator("[data-status]").get_attribute("data-status") == "closed"

    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED
    assert Report.objects.get(pk=report.pk).case.rating == 5
