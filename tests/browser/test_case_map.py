"""The console's case page draws the report's pin and its village's outline."""

from decimal import Decimal

import pytest
from django.urls import reverse

from layani.intake.models import Report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_case_page_map(
    browser, live_server, make_report, cast, staff_login, boundaries, audit_purged
):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(
        latitude=Decimal("-7.700100"), longitude=Decimal("110.401100")
    )
    client = staff_login(cast.coordinator)
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    try:
        host = live_server.url.split("//")[1].split(":")[0]
        context.add_cookies(
            [
                {"name": c.key, "value": c.value, "domain": host, "path": "/"}
                for c in client.cookies.values()
            ]
        )
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(reverse("console:case", args=[report.tracking_id]))
        page.locator("#case-map .leaflet-marker-icon").wait_for()
        # The village outline, drawn in red over the background outlines.
        page.locator('#case-map path[stroke="#b3261e"]').wait_for()
        assert errors == []
    finally:
        context.close()
