"""The console's main pages in a real browser (issue #20): the queue's columns fit a laptop
(1366x768) and a projector (1280x720) without horizontal scrolling, and axe-core finds nothing
serious or critical on the queue, inbox, case page, dashboard and workload in both languages.

With LAYANI_SCREENSHOTS=1 the queue and the case page are saved to docs/screenshots/."""

import os
from pathlib import Path

import pyotp
import pytest
from django.utils import timezone

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.intake.models import Channel
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.security.models import TotpDevice

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

TEXTS = [
    "Jalan di depan SD berlubang besar, sudah 2 minggu, bahaya buat anak-anak yang lewat.",
    "Lampu penerangan jalan mati total di sepanjang Jalan Kaliurang km 9 sejak seminggu.",
    "Saluran air tersumbat sampah, tiap hujan meluap ke rumah warga di RT 04 padukuhan.",
]


def serious_accessibility_problems(page):
    page.evaluate(AXE.read_text() + "\n;window.axe = axe; 0")
    result = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical")]


def sign_in(page, username, password, user=None):
    page.goto("/konsol/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    if user is not None:  # roles that can reveal identities confirm with an authenticator code
        secret = pyotp.random_base32()
        TotpDevice.objects.update_or_create(
            user=user, defaults={"secret": secret, "confirmed_at": timezone.now()}
        )
        page.fill("#otp-code", pyotp.TOTP(secret).now())
        page.click("main button[type=submit]")


def reports(team):
    made = [
        submit_report(
            ReportSubmission(
                description=text,
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="jalan-rusak",
                identity=Identity(name="Sri Lestari", phone="085612345678"),
            )
        ).report
        for text in TEXTS
    ]
    services.verify_report(made[0], actor=team.coordinator)
    return made


def no_horizontal_overflow(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_queue_columns_fit_a_laptop_and_a_projector(new_page, team, audit_purged, width, height):
    made = reports(team)
    page = new_page()
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, "koordinator", "test-pass-123", team.coordinator)
    page.goto("/konsol/antrean/")
    assert no_horizontal_overflow(page)
    table = page.locator("table.queue").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= width
    headers = page.locator("table.queue thead th")
    for i in range(headers.count()):  # region, status, deadline included: none cut off
        box = headers.nth(i).bounding_box()
        assert box["x"] + box["width"] <= width, headers.nth(i).inner_text()
    suggestions = page.locator("table.queue td[data-suggestion]").all_inner_texts()
    assert len(suggestions) == len(made) and all("%" in s for s in suggestions)
    if os.environ.get("LAYANI_SCREENSHOTS") and width == 1366:
        page.screenshot(path=str(SCREENSHOTS / "console-queue.png"))
        page.goto(f"/konsol/laporan/{made[1].tracking_id}/")
        page.screenshot(path=str(SCREENSHOTS / "console-case.png"))


@pytest.mark.parametrize("locale", ["id-ID", "en-US"])
def test_console_pages_have_no_serious_accessibility_problems(new_page, team, audit_purged, locale):
    made = reports(team)
    services.dispose_report(made[0], actor=team.coordinator, lead=team.dinas_pu)
    coordinator = new_page(locale)
    sign_in(coordinator, "koordinator", "test-pass-123", team.coordinator)
    for path in (
        "/konsol/antrean/",
        f"/konsol/laporan/{made[1].tracking_id}/",
        f"/konsol/laporan/{made[0].tracking_id}/",
        "/konsol/dasbor/",
    ):
        coordinator.goto(path)
        assert serious_accessibility_problems(coordinator) == [], path
    supervisor = new_page(locale)
    sign_in(supervisor, "kepala_pu", "test-pass-123", team.supervisor)
    for path in (
        f"/konsol/instansi/{team.dinas_pu.slug}/",
        f"/konsol/laporan/{made[0].tracking_id}/",
        f"/konsol/instansi/{team.dinas_pu.slug}/beban-kerja/",
        f"/konsol/instansi/{team.dinas_pu.slug}/dasbor/",
    ):
        supervisor.goto(path)
        assert supervisor.url.endswith(path), supervisor.url
        assert serious_accessibility_problems(supervisor) == [], path
