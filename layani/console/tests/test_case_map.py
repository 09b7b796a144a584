"""The case page's small map: shown with the pin and the region to outline when there is a point."""

from decimal import Decimal

from django.urls import reverse

from layani.intake.models import Report


def _page(staff_login, cast, report):
    client = staff_login(cast.coordinator)
    return client.get(reverse("console:case", args=[report.tracking_id])).content.decode()


def test_a_report_with_a_point_gets_the_map(make_report, cast, staff_login, boundaries):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(
        latitude=Decimal("-7.700100"), longitude=Decimal("110.401100")
    )
    html = _page(staff_login, cast, report)
    assert 'id="case-map"' in html
    assert 'data-lat="-7.700100"' in html and 'data-lng="110.401100"' in html
    assert f'data-region="{report.region_id}"' in html and 'data-region-level="4"' in html
    assert 'data-areas="34"' in html and "/peta/batas.json?v=" in html
    assert "console/case-map.js" in html
    assert 'src="/static/vendor/leaflet/leaflet.js"' not in html  # loaded by case-map.js


def test_no_map_without_a_point(make_report, cast, staff_login):
    html = _page(staff_login, cast, make_report())
    assert 'id="case-map"' not in html and "case-map.js" not in html
