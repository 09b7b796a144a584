"""The public pages render, show the figures and never a confidential report."""

from django.urls import reverse

from layani.transparency.tests.conftest import SECRET


def page(client, name):
    response = client.get(reverse(f"statistics:{name}"))
    assert response.status_code == 200
    return response.content.decode()


def test_statistics_page_shows_figures_with_tables_and_svg_charts(client, dataset):
    html = page(client, "overview")
    assert "<svg" in html and "<table" in html
    assert "<script>" not in html  # strict CSP: no inline script
    assert ">6<" in html  # total
    assert "2026-08" in html
    assert dataset.reports["r3"].tracking_id not in html
    assert SECRET not in html


def test_chart_geometry_is_never_localised(client, dataset):
    """Indonesian writes 12,5 — an SVG coordinate must stay 12.5 or the bars vanish."""
    import re

    html = page(client, "overview")
    coordinates = re.findall(r' (?:x|y|width)="([^"]*)"', html)
    assert coordinates
    for value in coordinates:
        float(value.removesuffix("%"))


def test_scorecard_page_ranks_only_with_enough_cases(client, dataset, settings):
    html = page(client, "scorecards")
    assert "DPUPKP Sleman" in html and "Dinkes Sleman" in html
    assert "<td>1</td>" not in html  # nobody ranked below 20 cases, figures still shown
    assert "66,7%" in html
    settings.TRANSPARENCY_MIN_CASES = 3
    html = page(client, "scorecards")
    # The page is computed now, after every deadline passed, so PU's r5 task is overdue too:
    # infrastruktur 2 of 4, kesehatan 1 of 2; Dinkes E = 1 * 0.5 + 2 * 0.5 = 1.5, O = 2,
    # O/E = 1.33, adjusted = 1.33 * 0.5 = 66.7%; PU O = 1 of 3, adjusted 33.3%.
    assert "66,7%" in html and "33,3%" in html
    assert "<td>1</td>" in html and "<td>2</td>" in html
    assert html.index("Dinkes Sleman") < html.index("DPUPKP Sleman")


def test_methods_and_data_pages_render(client, db):
    assert "Wilson" in page(client, "methods")
    assert "tracking_id" in page(client, "data")


def test_statistics_page_renders_with_no_reports(client, db):
    assert "—" in page(client, "overview")


def test_statistics_page_reuses_its_figures_until_the_cache_expires(client, dataset):
    from layani.intake.models import Report, ReportStatus
    from layani.transparency.rollups import rebuild

    assert ">6<" in page(client, "overview")
    # Archived rather than deleted: the rollups move only when they are rebuilt.
    Report.objects.filter(pk=dataset.reports["r7"].pk).update(status=ReportStatus.ARCHIVED)
    rebuild()
    assert ">6<" in page(client, "overview")  # cached
    from django.core.cache import cache

    cache.clear()
    assert ">5<" in page(client, "overview")


def test_a_small_deployment_never_rolled_up_gets_its_figures_on_the_first_view(
    client, dataset, settings
):
    from django.core.cache import cache

    from layani.transparency import models, published

    for model in (models.RollupState, models.StatsCounter, models.ReportFact):
        model.objects.all().delete()
    settings.TRANSPARENCY_AUTO_BUILD = 6  # 7 reports: too many to build on a page view
    page(client, "overview")
    assert not models.RollupState.objects.exists()
    assert published.overview().total == 0
    settings.TRANSPARENCY_AUTO_BUILD = 7
    cache.clear()
    assert ">6<" in page(client, "overview")
    assert published.overview().total == 6
