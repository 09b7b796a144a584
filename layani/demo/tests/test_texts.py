"""Tests for the demo report text generator. Pure Python: no database is touched."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterator

import pytest

from layani.demo import phrases
from layani.demo.texts import REPORT_TYPES, SUPPORTED_CATEGORIES, generate_report_text
from layani.directory.default_categories import DEFAULT_CATEGORIES

KEYWORDS = {sub["code"]: sub["keywords"] for main in DEFAULT_CATEGORIES for sub in main["subs"]}
PLACES = (
    "Desa Sumberadi",
    "Jl. Kaliurang km 7",
    "Padukuhan Ngentak",
    "Kalurahan Caturtunggal",
    "Jl. Parangtritis km 5",
    "Dusun Karangasem RT 03",
    "Jl. Magelang",
    "Kampung Code",
)
INFORMAL_MARKERS = re.compile(r"(?<!\w)(yg|gak|nggak|tdk|sdh|udh)(?!\w)", re.IGNORECASE)
KNOWN_SLOTS = {
    "place", "dur", "since", "date", "time", "n", "nn", "amount", "big_amount", "wage", "rt",
    "house", "official", "name", "landmark", "w", "t", "l",
}  # fmt: skip


def _random_reports(seed: int, count: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    codes = sorted(SUPPORTED_CATEGORIES)
    return [
        generate_report_text(rng, rng.choice(codes), rng.choice(PLACES), rng.choice(REPORT_TYPES))
        for _ in range(count)
    ]


def _has_keyword(code: str, text: str) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", text, re.IGNORECASE)
        for keyword in KEYWORDS[code]
    )


def test_supported_categories_are_the_default_sub_categories() -> None:
    assert set(KEYWORDS) == SUPPORTED_CATEGORIES


@pytest.mark.parametrize("code", sorted(SUPPORTED_CATEGORIES))
def test_every_category_and_type_gives_a_title_and_description(code: str) -> None:
    rng = random.Random(code)
    for report_type in REPORT_TYPES:
        for _ in range(15):
            title, description = generate_report_text(rng, code, rng.choice(PLACES), report_type)
            assert title.strip()
            assert description.strip()
            assert len(title) <= 120
            assert 3 <= len(title.split()) <= 10, title


def test_unknown_category_and_type_fall_back_to_generic_text() -> None:
    rng = random.Random(1)
    for report_type in (*REPORT_TYPES, "lainnya"):
        title, description = generate_report_text(rng, "tidak-ada", "Desa Sumberadi", report_type)
        assert title
        assert description


def test_same_seed_gives_same_texts() -> None:
    assert _random_reports(7, 100) == _random_reports(7, 100)
    assert _random_reports(7, 100) != _random_reports(8, 100)


def test_texts_are_varied_in_wording_and_length() -> None:
    reports = _random_reports(2024, 3000)
    descriptions = [description for _, description in reports]
    assert len(set(descriptions)) >= 2950
    lengths = [len(description.split()) for description in descriptions]
    assert any(length < 15 for length in lengths)
    assert any(length > 60 for length in lengths)
    assert max(lengths) <= 150


def test_informal_spelling_appears_in_a_reasonable_share() -> None:
    reports = _random_reports(11, 1000)
    informal = sum(bool(INFORMAL_MARKERS.search(f"{t} {d}")) for t, d in reports)
    assert 0.10 <= informal / len(reports) <= 0.60


def test_no_personal_data_like_numbers() -> None:
    for title, description in _random_reports(3, 3000):
        text = f"{title} {description}"
        assert not re.search(r"\d{16}", text)  # NIK
        assert not re.search(r"\d{10}", text)  # phone numbers and the like
        assert not re.search(r"\S+@\S+\.\w+", text)  # e-mail addresses


@pytest.mark.parametrize("code", sorted(code for code in SUPPORTED_CATEGORIES if KEYWORDS[code]))
def test_category_keywords_appear_in_most_texts(code: str) -> None:
    rng = random.Random(f"keywords-{code}")
    descriptions = [
        generate_report_text(rng, code, rng.choice(PLACES), rng.choice(REPORT_TYPES))[1]
        for _ in range(50)
    ]
    hits = sum(_has_keyword(code, description) for description in descriptions)
    assert hits >= 35, f"{code}: only {hits}/50 texts carry a keyword"


def test_report_types_read_as_complaint_wish_or_question() -> None:
    rng = random.Random(5)
    codes = sorted(SUPPORTED_CATEGORIES)
    wish = re.compile(
        r"usul|harap|mohon|mhn|semoga|baik|kalau bisa|kalau bs|kalo|klo|mbok|pengen|tolong|tlg",
        re.IGNORECASE,
    )
    question = re.compile(
        r"\?|tanya|info|gimana|gmn|bagaimana|kapan|apa|berapa|mana|siapa", re.IGNORECASE
    )
    wishes = questions = 0
    for _ in range(300):
        code = rng.choice(codes)
        wishes += bool(wish.search(generate_report_text(rng, code, "Dusun Gamping", "aspirasi")[1]))
        information = generate_report_text(rng, code, "Dusun Gamping", "informasi")[1]
        questions += bool(question.search(information))
    # A typo may occasionally hit the one telling word; nearly all texts must still read right.
    assert wishes >= 290
    assert questions >= 290


def _phrase_strings() -> Iterator[str]:
    """Every template string in the phrase data."""
    for name in dir(phrases):
        value = getattr(phrases, name)
        if isinstance(value, phrases.Topic):
            continue
        yield from _strings_in(value)
    for topic in phrases.TOPICS.values():
        for field in topic.__dataclass_fields__:
            yield from _strings_in(getattr(topic, field))


def _strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)


def test_phrase_templates_use_known_slots_only() -> None:
    formatter = string.Formatter()
    for template in _phrase_strings():
        fields = {field for _, field, _, _ in formatter.parse(template) if field is not None}
        assert fields <= KNOWN_SLOTS, template


def test_topics_have_enough_phrases() -> None:
    for code, topic in phrases.TOPICS.items():
        for field in topic.__dataclass_fields__:
            assert getattr(topic, field), f"{code}.{field} is empty"
        assert len(topic.wishes) >= 2, code
        assert len(topic.questions) >= 2, code
        for noun in (*topic.titles, *topic.wish_titles, *topic.info_titles):
            assert 2 <= len(noun.split()) <= 6, noun
