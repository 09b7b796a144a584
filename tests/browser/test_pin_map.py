"""The report form's map with no tile server: the boundaries are the map, a pin fills the selects."""

import os
from pathlib import Path

import pytest

from tests.browser.test_portal_journeys import serious_accessibility_problems

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PRAMBANAN = (-7.75202, 110.49147)  # Candi Prambanan, in Desa Bokoharjo, Kec. Prambanan
AT_SEA = (-8.45, 110.45)  # the Indian Ocean south of Bantul


def _open_map(page):
    page.goto("/lapor/")
    assert page.locator("#pin-map").is_hidden()  # nothing of Leaflet before it is asked for
    assert page.evaluate("() => typeof window.L") == "undefined"
    page.click("#show-map")
    page.wait_for_function("() => !!document.getElementById('pin-map').layaniMap")
    # The district outlines are the background (no tiles on this server).
    page.locator("#pin-map .leaflet-overlay-pane path").first.wait_for()
    page.wait_for_function("() => document.getElementById('pin-map').layaniMap.getZoom() > 4")
    assert page.locator("#pin-map .leaflet-tile").count() == 0


def _tap(page, lat, lng, zoom=15):
    """Centre the map on the point, as a citizen would by panning, then tap the middle."""
    page.evaluate(
        "([lat, lng, zoom]) => document.getElementById('pin-map').layaniMap"
        ".setView([lat, lng], zoom, {animate: false})",
        [lat, lng, zoom],
    )
    box = page.locator("#pin-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_pin_fills_the_region_selects_and_shows_the_place(
    new_page, boundaries, categories, audit_purged
):
    page = new_page()
    _open_map(page)
    _tap(page, *PRAMBANAN)
    page.locator(
        "#pin-map-status", has_text="Desa Bokoharjo, Kec. Prambanan, Kab. Sleman"
    ).wait_for()
    page.wait_for_function(
        "() => { const v = document.getElementById('id_village');"
        " return v && v.selectedOptions[0] && v.selectedOptions[0].text === 'Bokoharjo'; }"
    )
    assert page.locator("#id_province").input_value() == "34"
    assert page.locator("#id_regency").input_value() == "34.04"
    assert page.locator("#id_district option:checked").inner_text() == "Prambanan"
    lat = float(page.locator("#id_latitude").input_value())
    lng = float(page.locator("#id_longitude").input_value())
    assert abs(lat - PRAMBANAN[0]) < 0.0005 and abs(lng - PRAMBANAN[1]) < 0.0005
    # Zoomed in: the villages' outlines and names are drawn.
    page.locator(".map-label-village").first.wait_for()
    assert serious_accessibility_problems(page) == []
    if os.environ.get("LAYANI_SCREENSHOTS"):
        page.evaluate(  # a step back, to show the neighbouring villages and their names
            "() => document.getElementById('pin-map').layaniMap.setZoom(14, {animate: false})"
        )
        page.wait_for_timeout(800)
        page.locator("#pin-map-title").evaluate("e => e.scrollIntoView()")
        page.screenshot(path=str(SCREENSHOTS / "portal-submit-map-laptop.png"))


def test_a_point_at_sea_is_refused_with_the_reason(new_page, boundaries, categories):
    page = new_page()
    _open_map(page)
    _tap(page, *AT_SEA, zoom=11)
    status = page.locator("#pin-map-status.error")
    status.wait_for()
    assert "laut" in status.inner_text() or "sea" in status.inner_text()
    assert page.locator("#id_latitude").input_value() == ""
    assert page.locator("#pin-map .leaflet-marker-icon").count() == 0


def test_use_my_location_places_the_pin(browser, live_server, boundaries, categories):
    context = browser.new_context(
        base_url=live_server.url,
        locale="id-ID",
        geolocation={"latitude": PRAMBANAN[0], "longitude": PRAMBANAN[1], "accuracy": 30},
        permissions=["geolocation"],
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        device_scale_factor=2,
    )
    try:
        page = context.new_page()
        page.goto("/lapor/")
        page.click("#use-my-location")
        page.locator("#pin-map-status", has_text="Desa Bokoharjo").wait_for()
        page.wait_for_function(
            "() => document.getElementById('id_village')?.selectedOptions[0]?.text === 'Bokoharjo'"
        )
        page.locator("#pin-map .leaflet-marker-icon").wait_for()
        if os.environ.get("LAYANI_SCREENSHOTS"):
            page.evaluate(
                "() => document.getElementById('pin-map').layaniMap.setZoom(14, {animate: false})"
            )
            page.wait_for_timeout(800)
            page.locator("#pin-map-help").evaluate("e => e.scrollIntoView()")
            page.screenshot(path=str(SCREENSHOTS / "portal-submit-map-phone.png"))
    finally:
        context.close()


def test_refused_location_says_so(browser, live_server, boundaries, categories):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", permissions=[])
    try:
        page = context.new_page()
        page.goto("/lapor/")
        page.click("#use-my-location")
        status = page.locator("#pin-map-status.error")
        status.wait_for()
        assert status.inner_text()
        assert page.locator("#pin-map").is_hidden()  # the map was not loaded for nothing
    finally:
        context.close()


def test_keyboard_enter_puts_the_pin_in_the_middle(new_page, boundaries, categories):
    page = new_page()
    _open_map(page)
    page.evaluate(
        "() => document.getElementById('pin-map').layaniMap"
        ".setView([-7.75202, 110.49147], 15, {animate: false})"
    )
    page.focus("#pin-map")
    page.keyboard.press("Enter")
    page.locator("#pin-map-status", has_text="Desa Bokoharjo").wait_for()
    assert page.locator("#id_latitude").input_value().startswith("-7.75")
    page.click("#remove-pin")
    assert page.locator("#id_latitude").input_value() == ""
    assert page.locator("#pin-map .leaflet-marker-icon").count() == 0


def test_a_form_sent_back_keeps_its_pin_and_says_where(new_page, boundaries, categories):
    page = new_page()
    _open_map(page)
    _tap(page, *PRAMBANAN)
    page.wait_for_function(
        "() => document.getElementById('id_village')?.selectedOptions[0]?.text === 'Bokoharjo'"
    )
    page.click("#submit-report")  # no description, no name: the form comes back with errors
    page.locator(".error-summary").wait_for()
    page.locator("#pin-map-status", has_text="Desa Bokoharjo").wait_for()
    assert page.locator("#id_latitude").input_value().startswith("-7.75")
    assert page.locator("#remove-pin").is_visible()
    assert page.locator("#id_village option:checked").inner_text() == "Bokoharjo"


def test_with_a_tile_server_tiles_and_attribution_with_the_outlines_over_them(
    new_page, boundaries, categories, settings
):
    # No tile server runs here: the tiles' <img> elements are enough to see the layer is used.
    settings.LAYANI_MAP_TILE_URL = "/tiles-for-the-test/{z}/{x}/{y}.png"
    settings.LAYANI_MAP_ATTRIBUTION = "© Test tiles"
    page = new_page()
    page.goto("/lapor/")
    page.click("#show-map")
    page.locator("#pin-map .leaflet-tile").first.wait_for(state="attached")
    assert "© Test tiles" in page.locator("#pin-map .leaflet-control-attribution").inner_text()
    page.locator("#pin-map .leaflet-overlay-pane path").first.wait_for()
    assert "map-plain" not in (page.locator("#pin-map").get_attribute("class") or "")
