"""What the router reads, in plain Python: the taxonomy as data, the feature switches, the
pseudo-documents made from the taxonomy, consonant skeletons and taxonomy keywords in a text.

Nothing here imports numpy or scikit-learn, so the duplicate finder, the label maps and anything
that only needs these names stay cheap to import; the model itself is in `router`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .text import normalize


@dataclass(frozen=True)
class TaxonomyEntry:
    """What the router knows about one category from the directory, detached from the ORM."""

    code: str
    name: str
    parent_code: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class RouterConfig:
    """Feature and model switches; the defaults are the measured best (see the decision record)."""

    char_ngrams: bool = True
    skeletons: bool = False
    taxonomy_documents: bool = True
    normalise: bool = True
    stem: bool = False
    c: float = 0.3
    #: Longest word n-gram (1 = unigrams only).
    word_ngrams: int = 2
    #: 1 + log(count) instead of the raw count as term frequency.
    sublinear_tf: bool = True
    #: "balanced" weighs each category by the inverse of its share of the examples.
    class_weight: str | None = None


@dataclass
class Explanation:
    """Why a label was suggested: the words that pushed hardest, and taxonomy keywords found."""

    words: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def taxonomy_documents(
    taxonomy: Sequence[TaxonomyEntry], labels: set[str]
) -> tuple[list[str], list[str]]:
    """Pseudo-reports built from the taxonomy: a few short texts per leaf category.

    Leaves are the categories without children (sub-categories, and main categories that have
    none); `labels` may add main categories that a CSV or history uses directly.
    """
    by_code = {entry.code: entry for entry in taxonomy}
    parents = {entry.parent_code for entry in taxonomy if entry.parent_code}
    texts: list[str] = []
    targets: list[str] = []
    for entry in taxonomy:
        if entry.code in parents and entry.code not in labels:
            continue
        parent = by_code.get(entry.parent_code)
        docs = [entry.name, " ".join(entry.keywords), f"{entry.name} {' '.join(entry.keywords)}"]
        docs.extend(entry.keywords)
        if parent is not None:
            docs.append(f"{entry.name} {parent.name} {parent.description}")
        texts.extend(d for d in docs if d.strip())
        targets.extend(entry.code for d in docs if d.strip())
    return texts, targets


_INTERIOR_VOWELS = re.compile(r"(?<=.)[aeiou](?=.)")


def skeleton(word: str) -> str:
    """The consonant skeleton of a word, marked with "~": "parkir" and "prkr" both give "~prkr".

    Indonesians abbreviate by dropping inner vowels (jln, sdh, blm, dgn, prkr, lmpu); a feature
    that both spellings share lets the model learn one weight for both.
    """
    return "~" + _INTERIOR_VOWELS.sub("", word)


_PLAIN_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def plain(text: str) -> str:
    """Lower-cased words as scikit-learn's default tokenizer finds them (no normalisation).

    With this, `RouterConfig(normalise=False, char_ngrams=False, taxonomy_documents=False,
    word_ngrams=1, sublinear_tf=False, c=1.0)` is the plain TF-IDF + LinearSVC baseline.
    """
    return " ".join(_PLAIN_TOKEN.findall(text.lower()))


KeywordIndex = dict[tuple[str, ...], set[str]]


def keyword_index(
    taxonomy: Sequence[TaxonomyEntry],
) -> tuple[KeywordIndex, dict[tuple[str, ...], str]]:
    """Each normalised keyword (a token tuple) -> the categories it names (and their parents),
    and -> the keyword as the admin wrote it."""
    index: KeywordIndex = defaultdict(set)
    names: dict[tuple[str, ...], str] = {}
    for entry in taxonomy:
        for keyword in entry.keywords:
            key = tuple(normalize(keyword).split())
            if key:
                names.setdefault(key, keyword)
                index[key].update(c for c in (entry.code, entry.parent_code) if c)
    return dict(index), names


def keywords_in(
    index: KeywordIndex, names: dict[tuple[str, ...], str], words: list[str], label: str
) -> list[str]:
    """The taxonomy keywords of `label` (or of its sub-categories) that occur in `words`."""
    found: list[str] = []
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = tuple(words[i : i + n])
            if label in index.get(key, ()) and names[key] not in found:
                found.append(names[key])
    return found
