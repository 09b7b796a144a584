"""Service policies: the most specific row wins; built-in defaults when nothing matches."""

import pytest

from layani.sla.models import ServicePolicy, Stage
from layani.sla.policies import default_policy, resolve_policy

pytestmark = pytest.mark.django_db

JALAN = ["jalan-rusak", "infrastruktur"]  # sub-category first, then its main category


def test_the_seeded_defaults_are_the_sp4n_lapor_numbers():
    assert resolve_policy(Stage.VERIFICATION).working_days == 3
    assert resolve_policy(Stage.FIRST_FOLLOW_UP).working_days == 5
    assert resolve_policy(Stage.SILENCE).working_days == 10
    days = {
        cls: resolve_policy(Stage.RESOLUTION, service_class=cls).working_days
        for cls in ("ringan", "normatif", "tidak_berkadar", "berkadar")
    }
    assert days == {"ringan": 2, "normatif": 5, "tidak_berkadar": 14, "berkadar": 60}


def test_an_empty_table_falls_back_to_the_built_in_defaults():
    ServicePolicy.objects.all().delete()
    assert resolve_policy(Stage.VERIFICATION).working_days == 3
    assert resolve_policy(Stage.RESOLUTION, service_class="berkadar") == default_policy(
        Stage.RESOLUTION, "berkadar"
    )


def _row(days, *, category="", agency="", service_class="", stage=Stage.FIRST_FOLLOW_UP):
    return ServicePolicy.objects.create(
        stage=stage,
        service_class=service_class,
        category_code=category,
        agency_slug=agency,
        working_days=days,
    )


def test_precedence_agency_and_category_then_category_then_agency_then_default():
    def days():
        return resolve_policy(
            Stage.FIRST_FOLLOW_UP, category_codes=JALAN, agency_slug="dpupkp-sleman"
        ).working_days

    assert days() == 5
    _row(9, agency="dpupkp-sleman")
    assert days() == 9
    _row(8, category="infrastruktur")
    assert days() == 8  # a category rule beats an agency-wide rule
    _row(7, category="jalan-rusak")
    assert days() == 7  # the sub-category beats its main category
    _row(6, category="infrastruktur", agency="dpupkp-sleman")
    assert days() == 6  # agency + category beats category alone
    _row(4, category="jalan-rusak", agency="dpupkp-sleman")
    assert days() == 4
    # Other agencies and categories are untouched by these rows.
    assert resolve_policy(Stage.FIRST_FOLLOW_UP, agency_slug="dinkes-sleman").working_days == 5
    assert resolve_policy(Stage.FIRST_FOLLOW_UP, category_codes=["kesehatan"]).working_days == 5


def test_a_rule_for_the_service_class_beats_an_all_classes_rule_at_the_same_scope():
    _row(20, category="jalan-rusak", stage=Stage.RESOLUTION)
    _row(30, category="jalan-rusak", service_class="berkadar", stage=Stage.RESOLUTION)
    assert (
        resolve_policy(
            Stage.RESOLUTION, service_class="berkadar", category_codes=JALAN
        ).working_days
        == 30
    )
    assert (
        resolve_policy(Stage.RESOLUTION, service_class="ringan", category_codes=JALAN).working_days
        == 20
    )
    # ...but a more specific scope still wins over the class.
    assert resolve_policy(Stage.RESOLUTION, service_class="berkadar").working_days == 60


def test_the_winning_row_brings_its_reminder_and_escalation_steps():
    row = _row(5, agency="dinkes-sleman")
    row.remind_days_before, row.second_escalation_after_days = 2, 1
    row.save()
    policy = resolve_policy(Stage.FIRST_FOLLOW_UP, agency_slug="dinkes-sleman")
    assert (policy.remind_days_before, policy.second_escalation_after_days) == (2, 1)
    assert policy.source_id == row.pk
