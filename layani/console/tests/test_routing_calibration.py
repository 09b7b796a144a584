"""The routing reliability page: the stored calibration, and why auto-disposition is off."""

import pytest
from django.urls import reverse
from django.utils import translation

from layani.routing.calibration import calibrate
from layani.routing.models import ModelVersion

pytestmark = pytest.mark.django_db
URL = reverse("console:routing-calibration")


def _version(calibration):
    return ModelVersion.objects.create(
        source="history",
        example_count=400,
        category_count=8,
        metrics={"calibration": calibration.as_dict()},
        artefact=b"-",
        is_active=True,
    )


def test_cold_start_is_off_and_says_so(client, staff_login, team):
    staff_login(team.coordinator)
    with translation.override("en"):
        page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Off: cold start" in page
    assert "Reliability table" not in page


def test_the_table_and_the_number_of_decisions_still_needed(client, staff_login, team, settings):
    settings.LAYANI_ROUTING_CALIBRATION_DECISIONS = 200
    confidences = [0.95] * 100 + [0.55] * 50
    correct = [True] * 100 + [True, False] * 25
    _version(calibrate(confidences, correct, target_precision=0.95, min_decisions=200))
    staff_login(team.coordinator)
    with translation.override("en"):
        page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Off: needs 50 more held-out decisions (150 of 200)." in page
    assert "<caption>Expected calibration error:" in page
    assert '<th scope="row">0.9–1.0</th><td>100</td><td>100.0 %</td><td>95.0 %</td>' in page
    assert '<th scope="row">0.5–0.6</th><td>50</td><td>50.0 %</td><td>55.0 %</td>' in page


def test_a_ready_calibration_shows_its_threshold(client, staff_login, team, settings):
    settings.LAYANI_ROUTING_CALIBRATION_DECISIONS = 100
    confidences = [0.95] * 100 + [0.55] * 50
    correct = [True] * 100 + [True, False] * 25
    _version(calibrate(confidences, correct, target_precision=0.95, min_decisions=100))
    staff_login(team.coordinator)
    with translation.override("en"):
        page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ready at confidence of at least 0.95" in page
    assert "66.7 %" in page  # coverage: 100 of 150


def test_agency_staff_cannot_see_it(client, staff_login, team):
    staff_login(team.officer_pu)
    assert client.get(URL).status_code == 404
