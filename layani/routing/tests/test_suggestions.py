"""Suggestions: cold start from the taxonomy, explanations, agency through the matrix, decisions."""

import pytest

from layani.audit.models import AuditEntry
from layani.directory.models import Category
from layani.routing.models import RoutingDecision, RoutingSettings
from layani.routing.services import (
    is_confident_enough,
    record_final_decision,
    suggest_for_report,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jalan rusak berlubang besar, aspal mengelupas", "jalan-rusak"),
        ("jln dpn sklh bolong2 gak diperbaiki2", "jalan-rusak"),
        ("Lampu PJU mati udh 3 hari, gelap bgt", "lampu-jalan"),
        ("sampah numpuk di TPS bau bgt 😡", "sampah"),
        ("Air PDAM mati sudah seminggu", "air-minum"),
        ("blangko ktp habis terus di dukcapil", "ktp-el"),
        ("ada pungli di kantor, diminta uang 50rb", "pungli"),
        ("pupuk subsidi langka, petani susah", "pupuk"),
    ],
)
def test_cold_start_puts_clear_examples_in_the_right_category(make_report, text, expected):
    suggestion = suggest_for_report(make_report(text), save=False)
    assert suggestion.category.code == expected
    assert suggestion.model_version is None
    assert suggestion.model_label.startswith("cold-start:")


def test_suggestion_explains_itself_with_words_and_taxonomy_keywords(make_report):
    suggestion = suggest_for_report(make_report("Jalan berlubang dan aspal retak di depan SD"))
    assert {"lubang", "aspal"} & set(suggestion.words)
    assert "aspal" in suggestion.keywords
    assert 0 < suggestion.category_confidence <= 1
    assert suggestion.alternatives and suggestion.alternatives[0].category != suggestion.category


def test_main_category_agency_and_service_class_follow_the_category(make_report, matrix):
    report = make_report("Jalan rusak berlubang besar, aspal mengelupas")
    suggestion = suggest_for_report(report)
    assert suggestion.main_category.code == "infrastruktur"
    assert suggestion.main_category_confidence >= suggestion.category_confidence
    assert suggestion.agency == matrix["pu"]
    assert suggestion.agency_confidence >= suggestion.category_confidence
    assert (
        suggestion.service_class == Category.objects.get(code="jalan-rusak").default_service_class
    )


def test_without_a_matrix_cell_no_agency_is_suggested(make_report):
    suggestion = suggest_for_report(make_report("Jalan rusak berlubang besar"))
    assert suggestion.agency is None
    assert suggestion.agency_confidence == 0


def test_the_suggestion_is_stored_with_its_confidences_and_model(make_report, matrix):
    report = make_report("sampah numpuk di TPS bau")
    suggestion = suggest_for_report(report)
    decision = RoutingDecision.objects.get(report=report)
    assert decision.suggested_category == suggestion.category
    assert decision.suggested_agency == matrix["dlh"]
    assert decision.category_confidence == pytest.approx(suggestion.category_confidence)
    assert decision.model_label == suggestion.model_label
    assert decision.explanation["words"] == suggestion.words
    assert decision.decided_at is None


def test_a_correction_is_recorded_as_an_override_with_who_and_when(make_report, matrix, cast):
    report = make_report("sampah numpuk di TPS bau")
    suggest_for_report(report)
    drainage = Category.objects.get(code="drainase")
    decision = record_final_decision(report, drainage, matrix["pu"], cast.coordinator)
    assert decision.overridden
    assert decision.final_category == drainage
    assert decision.decided_by == cast.coordinator
    assert decision.decided_at is not None
    assert decision.suggested_category.code == "sampah"
    entry = AuditEntry.objects.get(action="routing.decided")
    assert entry.payload["overridden"] is True
    assert entry.actor_ref == f"user:{cast.coordinator.pk}"


def test_accepting_the_suggestion_is_not_an_override_and_keeps_the_suggestion(make_report, matrix):
    report = make_report("sampah numpuk di TPS bau")
    suggestion = suggest_for_report(report)
    decision = record_final_decision(report, suggestion.category, suggestion.agency, None)
    assert not decision.overridden
    suggest_for_report(report)  # a later re-suggestion must not rewrite a decided record
    assert RoutingDecision.objects.get(report=report).decided_at == decision.decided_at


def test_deciding_without_a_stored_suggestion_makes_one_first(make_report, matrix, cast):
    report = make_report("Jalan rusak berlubang besar")
    roads = Category.objects.get(code="jalan-rusak")
    decision = record_final_decision(report, roads, matrix["pu"], cast.coordinator)
    assert decision.suggested_category == roads
    assert not decision.overridden


def test_auto_disposition_needs_the_switch_an_agency_and_the_threshold(make_report, matrix):
    from layani.routing.calibration import Calibration
    from layani.routing.models import ModelVersion

    suggestion = suggest_for_report(make_report("sampah numpuk di TPS bau"))
    assert not is_confident_enough(suggestion)  # off by default
    settings = RoutingSettings.current()
    settings.auto_disposition_enabled = True
    settings.auto_threshold = 0.5
    settings.save()
    suggestion.category_confidence = suggestion.agency_confidence = 0.99
    assert suggestion.model_version is None
    assert not is_confident_enough(suggestion)  # cold start never disposes automatically
    calibration = Calibration(200, 200, 0.95, threshold=0.7, precision=0.96, coverage=0.6)
    suggestion.model_version = ModelVersion.objects.create(
        source="history",
        example_count=300,
        category_count=5,
        metrics={"calibration": calibration.as_dict()},
        artefact=b"-",
    )
    suggestion.category_confidence = suggestion.agency_confidence = 0.8
    assert is_confident_enough(suggestion)  # the calibrated 0.7 applies
    settings.auto_threshold = 0.95  # the admin's floor, higher, wins
    settings.save()
    assert not is_confident_enough(suggestion)
    suggestion.category_confidence = suggestion.agency_confidence = 0.99
    suggestion.agency = None
    assert not is_confident_enough(suggestion)
