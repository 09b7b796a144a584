"""The statistics page's district map in a browser: legend, hatching, table, accessibility."""

import os
import random
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.test_portal_journeys import serious_accessibility_problems

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_district_map_with_legend_and_table(
    browser, live_server, boundaries, categories, settings, private_cache
):
    from layani.directory.models import Region
    from layani.transparency import districts

    # Counts as the scheduler would keep them (the counting itself: transparency's unit tests).
    rng = random.Random(18)
    codes = Region.objects.filter(level=3, code__startswith="34.").values_list("code", flat=True)
    counts = {code: rng.choice([0, 3, 8, 15, 25, 40, 60, 90, 140, 260]) for code in codes}
    settings.TRANSPARENCY_MIN_CASES = 20
    cache = private_cache  # not the Redis other test processes share
    cache.set(districts.KEY, districts.DistrictCounts(timezone.now(), counts, 12), 600)
    try:
        for name, viewport in (("laptop", (1280, 900)), ("phone", (360, 740))):
            context = browser.new_context(
                base_url=live_server.url,
                locale="id-ID",
                viewport={"width": viewport[0], "height": viewport[1]},
            )
            page = context.new_page()
            page.goto("/statistik/")
            section = page.locator(".district-map")
            assert section.locator("svg.choropleth path").count() >= 78
            assert section.locator(".map-legend li").count() >= 3
            too_few = sum(1 for n in counts.values() if n < 20)
            hatched = section.locator('svg path[fill="url(#too-few)"]').count()
            assert hatched == too_few
            assert section.locator("tr[data-district]").count() == len(counts)
            if name == "laptop":
                assert serious_accessibility_problems(page) == []
            if os.environ.get("LAYANI_SCREENSHOTS"):
                page.locator("#district-map-title").evaluate("e => e.scrollIntoView()")
                page.screenshot(path=str(SCREENSHOTS / f"transparency-district-map-{name}.png"))
            context.close()
    finally:
        cache.delete(districts.KEY)
