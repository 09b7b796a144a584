"""Field-level checks of a submission: free text, the point, the category's extra questions.

Each refusal is a SubmissionError naming the field, in the reporter's language.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from layani.directory.models import Category, CategoryQuestion, QuestionType

from .errors import SubmissionError

_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\n\t")


def clean_text(value: str) -> str:
    """Text as written, minus control characters (NUL breaks PostgreSQL, the rest breaks pages)."""
    return value.translate(_CONTROL).strip()


def clean_answers(category: Category | None, answers: dict[str, Any]) -> dict[str, Any]:
    """Check answers against the category's extra questions; return them normalised.

    Unknown question codes, missing required answers, numbers that are not numbers, dates that
    are not ISO dates and choices that are not offered are refused with the question named.
    """
    questions = {q.code: q for q in category.questions.all()} if category else {}
    unknown = sorted(set(answers) - set(questions))
    if unknown:
        raise SubmissionError(
            "unknown_question",
            f"answers.{unknown[0]}",
            _("This category has no question %(code)s.") % {"code": unknown[0]},
        )
    cleaned: dict[str, Any] = {}
    for code, question in questions.items():
        value = answers.get(code)
        if value in (None, "", []):
            if question.required:
                raise SubmissionError(
                    "required",
                    f"answers.{code}",
                    _("Please answer: %(question)s") % {"question": question.label},
                )
            continue
        cleaned[code] = _clean_answer(question, value)
    return cleaned


def _clean_answer(question: CategoryQuestion, value: Any) -> Any:
    field_name = f"answers.{question.code}"
    offered = {c["key"] for c in question.choices}
    if question.type == QuestionType.NUMBER:
        try:
            return float(Decimal(str(value).replace(",", ".")))
        except (InvalidOperation, ValueError):
            raise SubmissionError(
                "invalid_number",
                field_name,
                _("%(question)s: please give a number.") % {"question": question.label},
            ) from None
    if question.type == QuestionType.DATE:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise SubmissionError(
                "invalid_date",
                field_name,
                _("%(question)s: please give a date (YYYY-MM-DD).") % {"question": question.label},
            ) from None
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        values = value if isinstance(value, list) else [value]
        if question.type == QuestionType.SINGLE_CHOICE and len(values) != 1:
            raise SubmissionError(
                "invalid_choice",
                field_name,
                _("%(question)s: choose one option.") % {"question": question.label},
            )
        if any(str(v) not in offered for v in values):
            raise SubmissionError(
                "invalid_choice",
                field_name,
                _("%(question)s: choose from the options given.") % {"question": question.label},
            )
        keys = [str(v) for v in values]
        return keys[0] if question.type == QuestionType.SINGLE_CHOICE else keys
    text = clean_text(str(value))
    if len(text) > 1000:
        raise SubmissionError(
            "too_long",
            field_name,
            _("%(question)s: at most 1000 characters.") % {"question": question.label},
        )
    return text


def clean_point(
    lat: str | float | Decimal | None, lng: str | float | Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    if lat in (None, "") and lng in (None, ""):
        return None, None
    if lat in (None, "") or lng in (None, ""):
        raise SubmissionError(
            "incomplete_point", "location", _("Give both latitude and longitude, or neither.")
        )
    try:
        la, lo = Decimal(str(lat)), Decimal(str(lng))
        if not (la.is_finite() and lo.is_finite()):
            raise ValueError("not a finite number")
        la, lo = la.quantize(Decimal("0.000001")), lo.quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        raise SubmissionError(
            "invalid_point", "location", _("The location is not a valid point.")
        ) from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise SubmissionError("invalid_point", "location", _("The location is not a valid point."))
    return la, lo
