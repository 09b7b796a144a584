"""Citizen pages in a real browser (issue 20): the home call to action, the tracking page's
contents, no sideways scrolling at 320 px in both languages (WCAG 1.4.10), axe on each page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE = {"width": 320, "height": 640}


def serious_accessibility_problems(page):
    page.evaluate(AXE.read_text() + "\n;window.axe = axe; 0")
    result = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical")]


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


@pytest.fixture
def receipt(regions, categories, audit_purged):
    return submit_report(
        ReportSubmission(
            description="Lampu jalan di depan masjid mati sejak seminggu, gelap sekali.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="lampu-jalan",
            privacy=PrivacyTier.BIASA,
            identity=Identity(name="Dewi Anggraini", phone="081355556666"),
        )
    )


def _page_with_session(new_page, live_server, receipt, language):
    """A browser whose session has just submitted and unlocked the report (receipt + tracking)."""
    from layani.portal.submit import RECEIPT_KEY
    from layani.portal.track import SESSION_KEY

    session = SessionStore()
    session[SESSION_KEY] = [receipt.report.tracking_id]
    session[RECEIPT_KEY] = {
        "tracking_id": receipt.report.tracking_id,
        "access_code": receipt.access_code,
    }
    session.save()
    page = new_page("en-US" if language == "en" else "id-ID")
    cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": session.session_key,
            "url": live_server.url,
        },
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
    ]
    page.context.add_cookies(cookies)
    return page


def test_home_call_to_action_leads_to_the_form(new_page, receipt):
    page = new_page()
    page.goto("/")
    page.click("[data-cta]")
    page.wait_for_url("**/lapor/")
    assert page.locator("#id_description").count() == 1


def test_tracking_page_shows_where_who_when_and_next(new_page, live_server, receipt):
    page = _page_with_session(new_page, live_server, receipt, "en")
    page.goto(f"/lacak/{receipt.report.tracking_id}/")
    glance = page.locator("[data-glance]")
    assert "the coordinator is checking it" in glance.locator("[data-where]").inner_text()
    assert glance.locator("[data-due]").inner_text().split("(")[0].strip().endswith("WIB")
    assert glance.locator("[data-next]").inner_text()
    assert page.locator("[data-history] li").first.inner_text().endswith("Report received")
    assert page.locator("[data-location]").inner_text()


@pytest.mark.parametrize("language", ["id", "en"])
def test_citizen_pages_reflow_at_320_px_and_pass_axe(new_page, live_server, receipt, language):
    page = _page_with_session(new_page, live_server, receipt, language)
    page.set_viewport_size(PHONE)
    tid = receipt.report.tracking_id
    for url in (
        "/",
        "/laporan/",
        f"/laporan/{tid}/",
        f"/lacak/{tid}/",
        "/lapor/terkirim/",
        "/laporan/peta/",
    ):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language, url
        assert not scrolls_sideways(page), url
        assert serious_accessibility_problems(page) == [], url


def test_receipt_keeps_the_tracking_id_on_one_line_at_360_px(new_page, live_server, receipt):
    page = _page_with_session(new_page, live_server, receipt, "id")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/lapor/terkirim/")
    code = page.locator("[data-tracking-id]")
    height = code.evaluate("e => e.getBoundingClientRect().height")
    line = code.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 30")
    assert height < 1.6 * line
    assert page.locator("[data-delivery]").inner_text()


def test_map_cluster_counts_sit_centred_on_the_drawn_basemap(
    new_page, regions, categories, boundaries, audit_purged, monkeypatch
):
    from decimal import Decimal

    from layani.portal import maps

    monkeypatch.setattr(maps, "MAX_MARKERS", 3)
    for i in range(6):
        submit_report(
            ReportSubmission(
                description="Sampah menumpuk di pinggir jalan, sudah seminggu tidak diangkut.",
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="sampah",
                latitude=Decimal(f"-7.70{i}"),
                longitude=Decimal(f"110.40{i}"),
            )
        )
    page = new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/laporan/peta/")
    cluster = page.locator(".map-cluster").first
    cluster.wait_for()
    offset = cluster.evaluate(
        """e => { const c = e.getBoundingClientRect(), t = e.firstElementChild.getBoundingClientRect();
                  return [Math.abs((c.left + c.right) / 2 - (t.left + t.right) / 2),
                          Math.abs((c.top + c.bottom) / 2 - (t.top + t.bottom) / 2),
                          t.width <= c.width ? 1 : 0]; }"""
    )
    assert offset[0] <= 2 and offset[1] <= 2 and offset[2] == 1, offset
    # The basemap (region outlines) is drawn: not an empty field.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#report-map svg path')]"
        ".some(p => (p.getAttribute('d') || '').length > 20)"
    )
    assert page.locator("#report-map.map-plain, #report-map .map-plain").count() == 1


def test_language_switch_is_a_compact_id_en_pair(new_page, db):
    page = new_page()
    page.goto("/laporan/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.click("form.lang button[value=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/laporan/")  # back on the same page
    assert page.locator("form.lang [aria-current=true]").inner_text() == "EN"
    page.click("form.lang button[value=id]")
    assert page.locator("html").get_attribute("lang") == "id"
