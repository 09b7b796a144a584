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
