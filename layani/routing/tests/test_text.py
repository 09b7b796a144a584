"""Normalising Indonesian as citizens write it."""

import pytest

from layani.routing.classifier import skeleton
from layani.routing.text import MAX_CHARS, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("yg rusak gak diperbaiki", "yang rusak tidak diperbaiki"),
        ("nggak ada, ga jelas, tdk tau", "tidak ada tidak jelas tidak tahu"),
        ("jln dpn rmh", "jalan depan rumah"),
        ("mksh min, udh sdh blm", "terima kasih admin sudah sudah belum"),
        ("bau bgt krn sampah dgn lalat", "bau banget karena sampah dengan lalat"),
        ("sy tlg dibantu", "saya tolong dibantu"),
        ("PARAHHH bangeeet!!!", "parah banget"),
        ("anak2 sekolah", "anak anak sekolah"),
        ("s4mp4h numpuk", "sampah numpuk"),
        ("uwuh ora diangkut", "sampah tidak diangkut"),
        ("dalan bolong", "jalan lubang"),
        ("lampu mati 😡🙏", "lampu mati marah mohon"),
        ("RT 03 RW 05 sejak 12 Mei, Rp 50.000", "rt rw sejak mei rp"),
        ("hub 0812-3456-7890 / a@b.id", "hub"),
    ],
)
def test_informal_spellings_regional_words_numbers_and_emoji_are_normalised(raw, expected):
    assert normalize(raw) == expected


def test_empty_and_emoji_only_texts_do_not_fail():
    assert normalize("") == ""
    assert normalize("🙏🙏") == "mohon mohon"


def test_very_long_texts_are_cut():
    assert len(normalize("jalan " * 5000)) <= MAX_CHARS


def test_consonant_skeleton_joins_vowel_dropping_abbreviations():
    assert skeleton("parkir") == skeleton("prkr") == "~prkr"
    assert skeleton("jalan") == skeleton("jln")


@pytest.mark.django_db
def test_scoring_then_explaining_the_same_text_prepares_it_once(categories, monkeypatch):
    from layani.routing import router as router_module
    from layani.routing.selectors import current_router

    router, _version, _label = current_router()
    calls = []
    real = router_module.feature_row

    def counting_row(blocks, normalised):
        calls.append(normalised)
        return real(blocks, normalised)

    monkeypatch.setattr(router_module, "feature_row", counting_row)
    text = "Jalan di depan SD berlubang besar, aspalnya hancur"
    probabilities = router.predict_proba([text])[0]
    label = str(router.classes_[probabilities.argmax()])
    explanation = router.explain(text, label)
    assert len(calls) == 1  # features computed once for both
    assert label == "jalan-rusak" and explanation.words
    router.predict_proba(["Sampah menumpuk di pasar"])
    assert len(calls) == 2  # a new text is prepared afresh
