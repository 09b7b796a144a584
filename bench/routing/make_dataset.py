"""Build bench/routing/generated.csv: a messy, synthetic history of categorised reports.

The texts come from the demo generator (`layani.demo.texts.generate_report_text`), which already
varies register, length, abbreviations, Javanese touches, typos and emoji. On top of that this script
makes the data harder in the ways real SP4N-LAPOR! exports are hard:

* label noise: a fraction of rows carry a wrong sub-category (a hurried coordinator's click);
* very short texts: only the title, or the first few words of the description (SMS, WhatsApp);
* heavier SMS style: vowels dropped from random words ("rusak" → "rsk"), letters repeated
  ("parahhh"), words run together, all lower case — spellings the normaliser's dictionary does not
  list, so this is not a test of the dictionary against itself;
* extra keyboard typos (swapped, dropped or doubled letters).

Usage (from the repository root):

    .venv/bin/python bench/routing/make_dataset.py --rows 6000 --seed 7 --out bench/routing/generated.csv
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from pathlib import Path

PLACES = (
    "Desa Sumberadi",
    "Kalurahan Caturtunggal",
    "Jl. Kaliurang km 7",
    "Dusun Ngentak",
    "Kelurahan Wirobrajan",
    "Jl. Magelang",
    "Desa Wukirsari",
    "Padukuhan Karangmalang",
    "Kampung Code",
    "Jl. Parangtritis km 5",
    "Desa Argomulyo",
    "Kelurahan Gedongkiwo",
)
TYPES = ("pengaduan", "pengaduan", "pengaduan", "aspirasi", "informasi")
_VOWELS = re.compile(r"(?<=\w)[aeiou](?=\w)")


def _drop_vowels(rng: random.Random, word: str) -> str:
    return _VOWELS.sub(lambda m: "" if rng.random() < 0.7 else m.group(0), word)


def _keyboard_typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _sms(rng: random.Random, text: str) -> str:
    words = text.lower().split()
    out = []
    for word in words:
        roll = rng.random()
        if word.isalpha() and len(word) > 4 and roll < 0.25:
            word = _drop_vowels(rng, word)
        elif word.isalpha() and roll < 0.3:
            word = word + word[-1] * rng.randint(2, 4)
        out.append(word)
    joined = " ".join(out)
    return joined.replace(" ", "", 1) if rng.random() < 0.2 else joined


def _typos(rng: random.Random, text: str, rate: float) -> str:
    return " ".join(
        _keyboard_typo(rng, w) if w.isalpha() and rng.random() < rate else w for w in text.split()
    )


def make_row(rng: random.Random, code: str, codes: list[str], noise: float) -> tuple[str, str]:
    from layani.demo.texts import generate_report_text

    title, description = generate_report_text(rng, code, rng.choice(PLACES), rng.choice(TYPES))
    roll = rng.random()
    if roll < 0.10:
        text = title  # the title only
    elif roll < 0.20:
        words = description.split()  # an SMS-length fragment from anywhere in the text
        start = rng.randint(0, max(0, len(words) - 5))
        text = " ".join(words[start : start + rng.randint(4, 9)])
    else:
        text = f"{title}. {description}"
    if rng.random() < 0.35:
        text = _sms(rng, text)
    text = _typos(rng, text, 0.06)
    label = rng.choice([c for c in codes if c != code]) if rng.random() < noise else code
    return text, label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--noise", type=float, default=0.05, help="fraction of wrong labels")
    parser.add_argument("--out", type=Path, default=Path("bench/routing/generated.csv"))
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.test")
    from layani.demo.texts import SUPPORTED_CATEGORIES

    codes = sorted(SUPPORTED_CATEGORIES)
    rng = random.Random(args.seed)
    with args.out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "category"])
        for i in range(args.rows):
            writer.writerow(make_row(rng, codes[i % len(codes)], codes, args.noise))
    print(f"wrote {args.rows} rows to {args.out}")  # noqa: T201


if __name__ == "__main__":
    main()
