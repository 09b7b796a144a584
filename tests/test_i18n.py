"""Bahasa Indonesia first: the Indonesian catalogue has no missing or guessed translations."""

import re
from pathlib import Path

import layani

PO = Path(layani.__file__).parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_indonesian_catalogue_is_complete_and_has_no_fuzzy_guesses():
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = text.split("\n\n")[1:]  # the first block is the header
    empty = [
        e
        for e in entries
        if re.search(r'^msgstr(\[0\])? ""\n?$', e.strip(), re.M)
        and not re.search(r'^msgstr(\[0\])? ""\n"', e, re.M)
    ]
    assert empty == []
