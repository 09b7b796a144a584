"""The report form on a phone: its parts, the device's own checks before a report is kept offline,
"fix and send again" for a report the server refused later, reflow at 320 px, and axe."""

import os
from pathlib import Path

import pytest

from layani.intake.models import Report
from tests.browser.test_portal_journeys import fill_report, serious_accessibility_problems

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 360, "height": 740}


def _phone(browser, live_server, locale="id-ID", width=360):
    # localhost is a secure context: the service worker and IndexedDB work there.
    base = live_server.url.replace("127.0.0.1", "localhost")
    context = browser.new_context(
        base_url=base, locale=locale, viewport={"width": width, "height": 740}
    )
    return context, context.new_page()


def test_a_full_submission_on_a_phone(browser, live_server, regions, categories, audit_purged):
    context, page = _phone(browser, live_server)
    try:
        page.goto("/lapor/")
        assert page.locator(".form-progress li").count() == 4
        assert page.locator("fieldset.form-step legend h2").count() == 4
        fill_report(page)
        page.check("input[name=privacy][value=biasa]")
        page.locator("#step-send-title").scroll_into_view_if_needed()
        if os.environ.get("LAYANI_SCREENSHOTS"):
            page.screenshot(path=str(SHOTS / "portal-submit-phone.png"))
        page.click("#submit-report")
        tracking_id = page.locator("[data-tracking-id]").inner_text()
        assert tracking_id == Report.objects.get().display_tracking_id
    finally:
        context.close()


def test_the_device_checks_stop_an_incomplete_report_from_being_kept(
    browser, live_server, regions, categories, audit_purged
):
    context, page = _phone(browser, live_server, locale="en-US")
    try:
        page.goto("/lapor/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
        page.fill("#id_description", "Sampah menumpuk di pinggir jalan sejak seminggu ini.")
        context.set_offline(True)
        page.click("#submit-report")
        summary = page.locator("[data-device-error].error-summary")
        summary.wait_for()
        text = summary.inner_text()
        assert "Please give your name, or sign in." in text
        assert "Give a phone number or an e-mail address" in text
        assert "province" in text
        assert page.locator("#id_name[aria-invalid=true]").count() == 1
        described = page.get_attribute("#id_name", "aria-describedby") or ""
        assert all(page.locator(f"#{i}").count() == 1 for i in described.split())
        count = page.evaluate("() => LayaniOutbox.all('outbox').then(a => a.length)")
        assert count == 0
    finally:
        context.close()


def test_a_report_refused_after_the_connection_returns_is_fixed_and_sent(
    browser, live_server, regions, categories, audit_purged
):
    context, page = _phone(browser, live_server)
    try:
        page.goto("/lapor/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
        fill_report(page)
        # Looks like an address to the device; the server's check refuses it.
        page.fill("#id_email", "dewi@contoh..id")
        context.set_offline(True)
        page.click("#submit-report")
        page.locator("[data-outbox=waiting]").wait_for()
        context.set_offline(False)
        fix = page.locator("[data-fix-again]")
        fix.wait_for(timeout=10_000)
        assert Report.objects.count() == 0
        fix.click()
        page.wait_for_url("**/lapor/?outbox=*")
        page.locator("[data-device-error].error-summary").wait_for()
        assert page.input_value("#id_description").startswith("Lampu jalan di depan masjid")
        assert page.input_value("#id_name") == "Dewi Anggraini"
        assert page.input_value("#id_email") == "dewi@contoh..id"
        page.wait_for_function("() => document.querySelector('#id_village')?.value !== ''")
        page.fill("#id_email", "dewi@contoh.id")
        page.click("#submit-report")
        tracking_id = page.locator("[data-tracking-id]").first.inner_text()
        report = Report.objects.get()
        assert tracking_id == report.display_tracking_id
        assert report.identity.email == "dewi@contoh.id"
        page.goto("/lapor/menunggu/")  # removed from the device only now that it was sent
        left = page.evaluate("() => LayaniOutbox.all('outbox').then(a => a.length)")
        assert left == 0 and page.locator("[data-outbox]").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["id-ID", "en-US"])
def test_the_form_reflows_at_320_px_and_has_no_serious_axe_problem(
    browser, live_server, regions, categories, locale
):
    context, page = _phone(browser, live_server, locale=locale, width=320)
    try:
        page.goto("/lapor/")
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= 320
        assert serious_accessibility_problems(page) == []
        page.click("#submit-report")  # online: the server's errors
        page.locator("#error-summary").wait_for()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        assert serious_accessibility_problems(page) == []
    finally:
        context.close()


def test_the_form_on_a_laptop(browser, live_server, regions, categories):
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", viewport={"width": 1280, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto("/lapor/")
        assert page.locator("fieldset.form-step").count() == 4
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        if os.environ.get("LAYANI_SCREENSHOTS"):
            page.screenshot(path=str(SHOTS / "portal-submit.png"))
    finally:
        context.close()
