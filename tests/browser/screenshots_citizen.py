"""Refresh the citizen screenshots in docs/screenshots/ (not collected by pytest: no test_ prefix).

    DJANGO_SETTINGS_MODULE=layani.config.settings.test .venv/bin/pytest -p no:xdist -q \
        tests/browser/screenshots_citizen.py

Phone 360x740 and laptop 1366x768, for home, a public report page, the tracking page and the
receipt. PNGs, kept small (viewport only, < 200 KB each).
"""

from pathlib import Path

import pytest

from tests.browser.test_citizen_pages import _page_with_session, receipt  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}


def test_citizen_screenshots(new_page, live_server, receipt):  # noqa: F811
    tid = receipt.report.tracking_id
    pages = {
        "portal-home": "/",
        "portal-report": f"/laporan/{tid}/",
        "portal-tracking": f"/lacak/{tid}/",
        "portal-receipt": "/lapor/terkirim/",
    }
    page = _page_with_session(new_page, live_server, receipt, "id")
    for device, size in SIZES.items():
        page.set_viewport_size(size)
        for name, url in pages.items():
            page.goto(url)
            path = OUT / f"{name}-{device}.png"
            page.screenshot(path=str(path))
            assert path.stat().st_size < 200_000, path
