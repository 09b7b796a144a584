"""The remaining public pages in a real browser (issue 20): statistics, scorecards, methods, open
data, the tracking form, sign-in and sign-up, the audit checkpoints — axe finds nothing serious or
critical, and nothing scrolls sideways at 320 px, in Indonesian and in English."""

import pytest

from tests.browser.test_citizen_pages import PHONE, scrolls_sideways, serious_accessibility_problems

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PAGES = [
    "/statistik/",
    "/statistik/instansi/",
    "/statistik/metode/",
    "/statistik/data/",
    "/lacak/",
    "/akun/masuk/",
    "/akun/daftar/",
    "/transparansi/audit/",
]


@pytest.mark.parametrize("language", ["id", "en"])
def test_public_pages_are_accessible_and_reflow_at_320_px(
    new_page, regions, categories, audit_purged, language
):
    page = new_page("en-US" if language == "en" else "id-ID")
    page.set_viewport_size(PHONE)
    problems = {}
    for url in PAGES:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("html").get_attribute("lang") == language, url
        found = serious_accessibility_problems(page)
        if found or scrolls_sideways(page):
            problems[url] = {"axe": found, "sideways": scrolls_sideways(page)}
    assert problems == {}
