"""Every audit action reaches people in words, and an action without words cannot be recorded."""

from __future__ import annotations

import pytest
from django.utils import translation

from layani.audit import services, vocabulary
from layani.audit.models import Visibility

pytestmark = pytest.mark.django_db


def test_an_action_without_words_is_refused() -> None:
    with pytest.raises(ValueError, match="vocabulary"):
        services.record(
            "report.teleported", actor_ref="system", object_type="report", object_ref="LYN-1"
        )


def test_a_public_action_needs_citizen_words() -> None:
    assert vocabulary.citizen_words("report.note_added") is None
    with pytest.raises(ValueError, match="citizen words"):
        services.record(
            "report.note_added",
            actor_ref="system",
            object_type="report",
            object_ref="LYN-1",
            visibility=Visibility.PUBLIC,
        )


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_action_has_words_that_are_not_its_code(language: str) -> None:
    with translation.override(language):
        for action in vocabulary.ACTIONS:
            staff = vocabulary.staff_words(action)
            assert staff and staff != action and "." not in staff.rstrip(".")
            citizen = vocabulary.citizen_words(action)
            assert citizen is None or (citizen and citizen != action)


def test_indonesian_words_differ_from_english() -> None:
    with translation.override("en"):
        english = vocabulary.staff_words("report.disposed")
    with translation.override("id"):
        assert vocabulary.staff_words("report.disposed") != english


def test_an_old_unknown_code_is_shown_as_is() -> None:
    assert vocabulary.staff_words("legacy.thing") == "legacy.thing"
    assert vocabulary.citizen_words("legacy.thing") is None
