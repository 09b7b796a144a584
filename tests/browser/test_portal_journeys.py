"""The citizen portal in a real browser: submit (with and without JavaScript), offline, browse."""

import io
from pathlib import Path

import pytest
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier, Report
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def _png() -> bytes:
    # A real picture: uploads are decoded and re-encoded, so header-only fakes are refused.
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 50, 50)).save(out, "PNG")
    return out.getvalue()


PNG = _png()


def serious_accessibility_problems(page):
    """axe-core's serious and critical violations on the current page (vendored from npm)."""
    # Evaluated through the driver, not injected as a <script>: the portal's CSP forbids inline code.
    page.evaluate(AXE.read_text() + "\n;window.axe = axe; 0")
    result = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical")]


def choose_region(page, field, code, *, js):
    select = f"#id_{field}"
    if js:  # wait until htmx has wired up the select it just swapped in
        page.wait_for_function(
            f"() => !!document.querySelector('{select}')?.['htmx-internal-data']"
        )
    page.select_option(select, code)
    if not js and field != "village":
        page.click("button[name=step][value=region]")  # "Lanjut": the server fills the next list


def fill_report(page, *, js=True):
    page.fill("#id_description", "Lampu jalan di depan masjid mati sejak seminggu, gelap sekali.")
    page.select_option("#id_category", "lampu-jalan")
    choose_region(page, "province", "34", js=js)
    choose_region(page, "regency", "34.04", js=js)
    choose_region(page, "district", "34.04.07", js=js)
    choose_region(page, "village", A_SLEMAN_VILLAGE, js=js)
    page.fill("#id_name", "Dewi Anggraini")
    page.fill("#id_phone", "081355556666")


def test_submit_with_javascript_a_photo_and_anonymous_tier(
    new_page, regions, categories, audit_purged
):
    page = new_page()
    page.goto("/lapor/")
    assert serious_accessibility_problems(page) == []
    page.fill("#category-filter", "lampu")  # type-ahead narrows the grouped list
    assert page.locator("#id_category option:not([hidden])").count() <= 3
    fill_report(page)
    page.locator("#questions").get_by_text("Berapa lampu yang mati?").wait_for()
    page.fill("#id_q_jumlah_lampu", "3")
    page.set_input_files(
        "#id_attachments", files=[{"name": "lampu.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.check("input[name=privacy][value=anonim]")
    page.click("#submit-report")
    tracking_id = page.locator("[data-tracking-id]").inner_text()
    report = Report.objects.get()
    assert tracking_id == report.display_tracking_id
    assert report.privacy == PrivacyTier.ANONIM and report.answers == {"jumlah_lampu": 3.0}
    assert report.attachments.count() == 1
    page.click("text=Pantau laporan saya")
    assert page.locator("[data-status]").get_attribute("data-status") == "submitted"


def test_submit_without_javascript_uses_continue_for_the_regions(
    browser, live_server, regions, categories, audit_purged
):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, locale="id-ID"
    )
    try:
        page = context.new_page()
        page.goto("/lapor/")
        assert page.locator("#region-search").is_hidden()  # needs JavaScript, so not shown
        page.click("#submit-report")  # empty form: the summary names the fields in Indonesian
        summary = page.locator(".error-summary").inner_text()
        assert "Apa yang terjadi?" in summary and "Nama Anda" in summary
        fill_report(page, js=False)
        page.click("#submit-report")
        tracking_id = page.locator("[data-tracking-id]").inner_text()
        assert tracking_id == Report.objects.get().display_tracking_id
    finally:
        context.close()


def test_a_report_written_offline_is_sent_when_the_connection_returns(
    browser, live_server, regions, categories, audit_purged
):
    # localhost is a secure context, so the service worker and IndexedDB work here.
    base = live_server.url.replace("127.0.0.1", "localhost")
    context = browser.new_context(base_url=base, locale="id-ID")
    try:
        page = context.new_page()
        page.goto("/lapor/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
        fill_report(page)
        context.set_offline(True)
        page.click("#submit-report")
        waiting = page.locator("[data-outbox=waiting]")
        waiting.wait_for()
        assert "menunggu dikirim" in waiting.inner_text()
        assert Report.objects.count() == 0
        context.set_offline(False)
        sent = page.locator("[data-outbox=sent] [data-tracking-id]")
        sent.wait_for(timeout=10_000)
        assert sent.inner_text() == Report.objects.get().display_tracking_id
        assert page.locator("[data-outbox=waiting]").count() == 0
    finally:
        context.close()


def test_browse_open_a_public_report_and_support_it_once(
    new_page, regions, categories, audit_purged
):
    report = submit_report(
        ReportSubmission(
            description="Sampah menumpuk di pinggir Jalan Kaliurang, bau sekali. HP saya 081299990000.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            identity=Identity(name="Rahmat Hidayat", phone="081299990000"),
        )
    ).report
    page = new_page()
    page.goto("/laporan/")
    assert serious_accessibility_problems(page) == []
    page.click(f"[data-report='{report.tracking_id}'] a")
    assert "081299990000" not in page.content() and "Rahmat" not in page.content()
    assert serious_accessibility_problems(page) == []
    page.click("text=Dukung (saya juga mengalami)")
    # A guest's support first solves the server's proof-of-work challenge (support.js), then the
    # form is sent: wait for the answer rather than read the count at once.
    page.get_by_text("Anda mendukung laporan ini.").wait_for(timeout=20_000)
    assert page.locator("[data-support-count]").inner_text() == "1"
    assert page.get_by_text("Anda mendukung laporan ini.").is_visible()
    assert page.locator("form[action$='/dukung/']").count() == 0
    report.refresh_from_db()
    assert report.support_count == 1
