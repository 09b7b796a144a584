"""How a demo report's sentences are written out: register, informal spellings, typos, emoji.

The sentence plan comes from `layani.demo.texts`; this module renders it in one of three
registers (formal letter, everyday, WhatsApp-informal), drawing every choice from the caller's
`random.Random` so that a seed reproduces the same text.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass

from layani.demo import phrases as ph
from layani.directory.default_categories import DEFAULT_CATEGORIES

FORMAL, CASUAL, INFORMAL = 0, 1, 2
SHORT, MEDIUM, LONG = 0, 1, 2
_SUBSTITUTION_RATE = (0.0, 0.35, 0.75)
_TYPO_RATE = (0.01, 0.05, 0.1)
_EMOJI_RATE = (0.02, 0.18, 0.35)


@dataclass(frozen=True)
class Style:
    register: int
    length: int


@dataclass(frozen=True)
class Sentence:
    text: str
    end: str = "."  # ".", "?", "!", "," (runs into the next sentence) or "" (none)
    mood: str = ""  # "plea", "angry" or "sad": which emoji may follow


@dataclass(frozen=True)
class Words:
    """Per-report word handling: the tokenizer that spares keywords, and typo-proof words."""

    tokens: re.Pattern[str]
    protected: frozenset[str]


# --- Rendering ----------------------------------------------------------------------------------


@functools.cache
def category_keywords(category_code: str) -> tuple[str, ...]:
    for main in DEFAULT_CATEGORIES:
        for sub in main["subs"]:
            if sub.get("code") == category_code:
                return tuple(sub.get("keywords", ()))
    return ()


@functools.cache
def token_pattern(category_code: str) -> re.Pattern[str]:
    """Words, with the category's keywords matched whole so that informal spelling spares them."""
    keywords = sorted(category_keywords(category_code), key=len, reverse=True)
    alternatives = "|".join(re.escape(keyword) for keyword in keywords) or "(?!)"
    return re.compile(rf"(?P<kw>(?<!\w)(?:{alternatives})(?!\w))|\w+", re.IGNORECASE)


_PHRASE_PATTERN = re.compile(
    "|".join(rf"\b{re.escape(phrase)}\b" for phrase in ph.PHRASE_SUBSTITUTIONS), re.IGNORECASE
)


def _match_case(source: str, replacement: str) -> str:
    if source.isupper() and len(source) > 1:
        return replacement.upper()
    if source[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _informalize(rng: random.Random, text: str, register: int, tokens: re.Pattern[str]) -> str:
    """Swap words for chat spellings ("tidak" -> "gak"), leaving category keywords intact."""
    rate = _SUBSTITUTION_RATE[register]
    if not rate:
        return text

    def phrase(match: re.Match[str]) -> str:
        choices = ph.PHRASE_SUBSTITUTIONS[match.group(0).lower()]
        return (
            _match_case(match.group(0), rng.choice(choices))
            if rng.random() < rate
            else match.group(0)
        )

    def word(match: re.Match[str]) -> str:
        choices = None if match.group("kw") else ph.WORD_SUBSTITUTIONS.get(match.group(0).lower())
        if not choices or rng.random() >= rate:
            return match.group(0)
        return _match_case(match.group(0), rng.choice(choices))

    return tokens.sub(word, _PHRASE_PATTERN.sub(phrase, text))


def _typo(rng: random.Random, text: str, register: int, protected: frozenset[str]) -> str:
    """Now and then misspell one word: a common slip, or two swapped letters."""
    if rng.random() >= _TYPO_RATE[register]:
        return text
    words = text.split(" ")
    candidates = [
        i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5 and w.lower() not in protected
    ]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word = words[i]
    common = ph.COMMON_TYPOS.get(word.lower())
    if common:
        words[i] = _match_case(word, rng.choice(common))
    else:
        j = rng.randint(1, len(word) - 2)
        words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def _punctuate(rng: random.Random, text: str, end: str, register: int) -> str:
    if not end:
        return text
    if register == FORMAL:
        return text + ("." if end == "!" else end)
    if register == CASUAL:
        options = {".": (".", ".", ""), "?": ("?", "?", "??"), "!": ("!", ".", "!!"), ",": (",",)}
    else:
        options = {
            ".": ("", "", ".", "..", ","),
            "?": ("?", "??", "", "?!"),
            "!": ("!!", "!!!", "", "!"),
            ",": (",", "", " .."),
        }
    return text + rng.choice(options[end])


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decapitalize(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("KTP", "PDAM")."""
    if text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def protected_words(category_code: str, place: str) -> frozenset[str]:
    """Words that must never get a typo: the category's keywords and the place name."""
    words = {token for keyword in category_keywords(category_code) for token in keyword.split()}
    return frozenset(words | {token.lower() for token in place.split()})


def _shout_index(rng: random.Random, sentences: list[Sentence], register: int) -> int:
    """Which plea or complaint, if any, is typed in capitals out of frustration (-1: none)."""
    if register == FORMAL or rng.random() >= 0.12:
        return -1
    loud = [i for i, s in enumerate(sentences) if s.mood in ("plea", "angry")]
    return rng.choice(loud) if loud else -1


def _render_sentence(
    rng: random.Random, sentence: Sentence, register: int, words: Words, lower: bool
) -> str:
    text = _informalize(rng, sentence.text, register, words.tokens)
    text = _typo(rng, text, register, words.protected)
    text = _decapitalize(text) if lower else _capitalize(text)
    text = _punctuate(rng, text, sentence.end, register)
    if sentence.mood and rng.random() < _EMOJI_RATE[register]:
        text += " " + rng.choice(ph.EMOJI[sentence.mood])
    return text


def render(rng: random.Random, sentences: list[Sentence], style: Style, words: Words) -> str:
    register = style.register
    shout = _shout_index(rng, sentences, register)
    out = ""
    for i, sentence in enumerate(sentences):
        after_comma = i > 0 and sentences[i - 1].end == ","
        newline = i > 0 and (
            (after_comma and register == FORMAL and rng.random() < 0.6)
            or (register == INFORMAL and rng.random() < 0.08)
        )
        lower = (after_comma and not newline) or (register == INFORMAL and rng.random() < 0.7)
        text = _render_sentence(rng, sentence, register, words, lower)
        if i == shout:
            text = text.upper()
        separator = "" if i == 0 else "\n" if newline else " "
        out += separator + text
    if register == INFORMAL and rng.random() < 0.25:
        out = out.lower()
    elif style.length == SHORT and register != FORMAL and rng.random() < 0.05:
        out = out.upper()
    return out.strip()
