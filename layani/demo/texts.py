"""Natural, varied Indonesian citizen report texts for the demo deployment.

`generate_report_text` composes a title and a description from the phrase data in
`layani.demo.phrases`: a topic-specific core (problem, wish or question) surrounded by openers,
durations, details, consequences, requests and closings, then rendered in one of three registers
(formal letter, everyday, WhatsApp-informal) with abbreviations, Javanese touches, occasional
typos, capitals and emoji. Everything is drawn from the caller's `random.Random`, so a seed
reproduces the same texts. No personal data is generated: numbers are short (dates, durations,
amounts, RT/RW) and names are invented first names.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from layani.demo import phrases as ph
from layani.directory.default_categories import DEFAULT_CATEGORIES

SUPPORTED_CATEGORIES: frozenset[str] = frozenset(ph.TOPICS)
REPORT_TYPES = ("pengaduan", "aspirasi", "informasi")

FORMAL, CASUAL, INFORMAL = 0, 1, 2
SHORT, MEDIUM, LONG = 0, 1, 2
_REGISTER_WEIGHTS = (30, 42, 28)
_LENGTH_WEIGHTS = (22, 48, 30)
_SUBSTITUTION_RATE = (0.0, 0.35, 0.75)
_TYPO_RATE = (0.01, 0.05, 0.1)
_EMOJI_RATE = (0.02, 0.18, 0.35)
_TITLE_MAX_WORDS = 10
_TITLE_MAX_CHARS = 120


@dataclass(frozen=True)
class _Style:
    register: int
    length: int


@dataclass(frozen=True)
class _Sentence:
    text: str
    end: str = "."  # ".", "?", "!", "," (runs into the next sentence) or "" (none)
    mood: str = ""  # "plea", "angry" or "sad": which emoji may follow


@dataclass(frozen=True)
class _Words:
    """Per-report word handling: the tokenizer that spares keywords, and typo-proof words."""

    tokens: re.Pattern[str]
    protected: frozenset[str]


# --- Slots --------------------------------------------------------------------------------------


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _amount(rng: random.Random) -> str:
    value = rng.choice(ph.SMALL_AMOUNTS)
    forms = (
        f"Rp {_money(value)}",
        f"Rp{_money(value)}",
        f"{value // 1000}rb",
        f"{value // 1000} ribu",
    )
    return rng.choice(forms)


def _big_amount(rng: random.Random, values: Sequence[int] = ph.BIG_AMOUNTS) -> str:
    value = rng.choice(values)
    if value < 1_000_000:
        return rng.choice((f"Rp {_money(value)}", f"{value // 1000} ribu", f"{value // 1000}rb"))
    millions = f"{value / 1_000_000:g}".replace(".", ",")
    return rng.choice((f"Rp {_money(value)}", f"{millions} juta", f"Rp {millions} juta"))


def _duration(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.25:
        return f"{rng.randint(2, 6)} hari"
    if roll < 0.5:
        return f"{rng.randint(2, 4)} minggu"
    if roll < 0.75:
        return f"{rng.randint(2, 11)} bulan"
    return rng.choice(ph.FIXED_DURATIONS)


def _since(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return f"sejak tanggal {rng.randint(1, 28)} {rng.choice(ph.MONTHS)}"
    if roll < 0.45:
        return f"sejak awal {rng.choice(ph.MONTHS)}"
    return rng.choice(ph.FIXED_SINCE)


def _date(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return f"tanggal {rng.randint(1, 28)} {rng.choice(ph.MONTHS)}"
    if roll < 0.6:
        return f"hari {rng.choice(ph.WEEKDAYS)} kemarin"
    return rng.choice(ph.FIXED_DATES)


def _rt(rng: random.Random) -> str:
    rt, rw = rng.randint(1, 12), rng.randint(1, 25)
    forms = (
        f"RT {rt:02d}/RW {rw:02d}",
        f"RT {rt} RW {rw}",
        f"rt {rt:02d} rw {rw:02d}",
        f"RT.{rt:03d}/RW.{rw:03d}",
    )
    return rng.choice(forms)


_SLOT_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "dur": _duration,
    "since": _since,
    "date": _date,
    "time": lambda rng: rng.choice(ph.TIMES),
    "n": lambda rng: str(rng.randint(2, 9)),
    "nn": lambda rng: str(rng.randint(10, 60)),
    "amount": _amount,
    "big_amount": _big_amount,
    "wage": lambda rng: _big_amount(rng, ph.WAGES),
    "rt": _rt,
    "house": lambda rng: rng.choice(("no. ", "nomor ", "no ")) + str(rng.randint(1, 120)),
    "official": lambda rng: rng.choice(ph.OFFICIALS),
    "name": lambda rng: rng.choice(ph.NAMES),
    "landmark": lambda rng: rng.choice(ph.LANDMARKS).replace("{house}", _SLOT_MAKERS["house"](rng)),
}


class _Slots(dict[str, str]):
    """Fills template slots on demand; every occurrence draws a fresh value (except the place)."""

    def __init__(self, rng: random.Random, place: str) -> None:
        super().__init__(place=place)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        return _SLOT_MAKERS[key](self._rng)


@dataclass(frozen=True)
class _Ctx:
    """Everything a builder needs for one report."""

    rng: random.Random
    topic: ph.Topic
    style: _Style
    place: str
    located: bool  # the topic is about a physical spot (a landmark hint makes sense)

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self.rng, self.place))

    def pick(self, pool: Sequence[str]) -> str:
        return self.fill(self.rng.choice(pool))

    def pick_register(self, formal: Sequence[str], casual: Sequence[str]) -> str:
        """A phrase from the pool matching the register (everyday texts mix both pools)."""
        register = self.style.register
        use_formal = register == FORMAL or (register == CASUAL and self.rng.random() < 0.5)
        return self.pick(formal if use_formal else casual)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def by_length(self, short: float, medium: float, long: float) -> bool:
        return self.chance((short, medium, long)[self.style.length])


# --- Builders -----------------------------------------------------------------------------------


def _greeting(ctx: _Ctx) -> _Sentence:
    return _Sentence(ctx.pick_register(ph.GREETINGS_FORMAL, ph.GREETINGS_CASUAL), ",")


def _closing(ctx: _Ctx, formal: Sequence[str], casual: Sequence[str]) -> _Sentence:
    return _Sentence(ctx.pick_register(formal, casual), ".", "plea")


def _problem(ctx: _Ctx) -> str:
    return ctx.pick(ctx.topic.problems)


def _short_complaint(ctx: _Ctx) -> list[_Sentence]:
    text = _problem(ctx)
    if ctx.chance(0.3):
        text = f"{ctx.pick(ph.LEADS_CASUAL)} {text}"
    tail = ctx.pick(ph.SHORT_TAILS)
    if not tail:
        return [_Sentence(text, "!")]
    return [_Sentence(text, ","), _Sentence(tail, "!", "plea")]


def _complaint(ctx: _Ctx) -> list[_Sentence]:
    if ctx.style.length == SHORT:
        return _short_complaint(ctx)
    out: list[_Sentence] = []
    if ctx.by_length(0, 0.35, 0.85):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.05, 0.45):
        out.append(_Sentence(ctx.pick(ph.SELF_INTROS)))
    problem = _problem(ctx)
    if ctx.chance(0.5):
        problem = f"{ctx.pick_register(ph.LEADS_FORMAL, ph.LEADS_CASUAL)} {problem}"
    out.append(_Sentence(problem))
    out.extend(_complaint_body(ctx))
    request = ctx.pick(ctx.topic.requests) if ctx.chance(0.5) else None
    request = request or ctx.pick_register(ph.REQUESTS_FORMAL, ph.REQUESTS_CASUAL)
    out.append(_Sentence(request, "!" if ctx.chance(0.3) else ".", "plea"))
    if ctx.style.register != FORMAL and ctx.by_length(0, 0.15, 0.35):
        text, end = ctx.rng.choice(ph.FRUSTRATIONS)
        out.append(_Sentence(text, end, "angry"))
    if ctx.by_length(0, 0.45, 0.85):
        out.append(_closing(ctx, ph.CLOSINGS_FORMAL, ph.CLOSINGS_CASUAL))
    return out


def _complaint_body(ctx: _Ctx) -> list[_Sentence]:
    """Duration, details, impacts and earlier attempts, in a lightly varied order."""
    long = ctx.style.length == LONG
    topic = ctx.topic
    body: list[_Sentence] = []
    if ctx.located and ctx.by_length(0, 0.15, 0.6):
        body.append(_Sentence(ctx.pick(ph.LOCATION_HINTS)))
    n_details = ctx.rng.randint(2, 3) if long else int(ctx.chance(0.6))
    for detail in ctx.rng.sample(topic.details, min(n_details, len(topic.details))):
        body.append(_Sentence(ctx.fill(detail)))
    if ctx.by_length(0, 0.45, 0.9):
        duration = _Sentence(ctx.pick_register(ph.DURATIONS_FORMAL, ph.DURATIONS_CASUAL))
        body.insert(ctx.rng.randint(0, len(body)), duration)
    if ctx.by_length(0, 0.45, 1.0):
        body.append(_Sentence(ctx.pick(topic.impacts), ".", "sad"))
    if long and ctx.chance(0.5):
        body.append(_Sentence(ctx.pick_register(ph.IMPACTS_FORMAL, ph.IMPACTS_CASUAL), ".", "sad"))
    if ctx.by_length(0, 0.15, 0.65):
        body.append(_Sentence(ctx.pick_register(ph.PRIORS_FORMAL, ph.PRIORS_CASUAL), ".", "angry"))
    if ctx.by_length(0, 0.1, 0.4):
        body.append(_Sentence(ctx.pick(ph.ATTACHMENTS)))
    return body


def _framed_wish(ctx: _Ctx, wish_template: str) -> _Sentence:
    wish = ctx.fill(wish_template)
    register = ctx.style.register
    use_formal = register == FORMAL or (register == CASUAL and ctx.chance(0.5))
    frame, end = ctx.rng.choice(ph.WISH_FRAMES_FORMAL if use_formal else ph.WISH_FRAMES_CASUAL)
    return _Sentence(frame.replace("{w}", wish), end, "plea")


def _aspiration(ctx: _Ctx) -> list[_Sentence]:
    if ctx.style.length == SHORT:
        frame = ctx.rng.choice(ph.WISH_FRAMES_SHORT)
        return [_Sentence(frame.replace("{w}", ctx.pick(ctx.topic.wishes)), ".", "plea")]
    out: list[_Sentence] = []
    if ctx.by_length(0, 0.2, 0.6):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.5, 0.9):
        out.append(_Sentence(ctx.pick_register(ph.ASP_LEADS_FORMAL, ph.ASP_LEADS_CASUAL)))
    if ctx.by_length(0, 0.5, 1.0):
        prefix = ctx.rng.choice(ph.ASP_CONTEXT_PREFIXES)
        out.append(_Sentence(prefix + _problem(ctx)))
    if ctx.by_length(0, 0.15, 0.6):
        out.append(_Sentence(ctx.pick(ctx.topic.details)))
    first, second = ctx.rng.sample(ctx.topic.wishes, 2)
    out.append(_framed_wish(ctx, first))
    if ctx.by_length(0, 0.1, 0.5):
        frame = ctx.rng.choice(ph.SECOND_WISH_FRAMES)
        out.append(_Sentence(frame.replace("{w}", ctx.fill(second)), ".", "plea"))
    if ctx.by_length(0, 0.45, 0.9):
        out.append(_Sentence(ctx.pick(ph.BENEFITS)))
    if ctx.by_length(0, 0.15, 0.7):
        out.append(_Sentence(ctx.pick(ph.SUPPORTS)))
    if ctx.by_length(0, 0.5, 0.9):
        out.append(_closing(ctx, ph.CLOSINGS_FORMAL, ph.CLOSINGS_CASUAL))
    return out


def _question(ctx: _Ctx, pool: Sequence[str] | None = None) -> _Sentence:
    return _Sentence(ctx.pick(pool or ctx.topic.questions), "?")


def _information(ctx: _Ctx) -> list[_Sentence]:
    if ctx.style.length == SHORT:
        prefix = ctx.rng.choice(ph.INFO_SHORT_PREFIXES)
        question = _Sentence(prefix + ctx.pick(ctx.topic.questions), "?")
        if ctx.chance(0.5):
            return [question]
        return [question, _Sentence(ctx.rng.choice(ph.INFO_SHORT_TAILS), "", "plea")]
    out: list[_Sentence] = []
    if ctx.by_length(0, 0.3, 0.8):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.6, 0.9):
        out.append(_Sentence(ctx.pick_register(ph.INFO_LEADS_FORMAL, ph.INFO_LEADS_CASUAL), ","))
    if ctx.by_length(0, 0.3, 0.8):
        out.append(_Sentence(ctx.pick(ph.INFO_CONTEXTS)))
    if ctx.by_length(0, 0.3, 0.8):
        out.append(_Sentence(ctx.rng.choice(("", "Di tempat kami ", "Begini, ")) + _problem(ctx)))
    questions = list(ctx.topic.questions)
    ctx.rng.shuffle(questions)
    first = _question(ctx, questions[:1])
    if not out:  # a bare question reads abrupt; open it like a chat message
        first = _Sentence(ctx.rng.choice(ph.INFO_SHORT_PREFIXES) + first.text, "?")
    out.append(first)
    if ctx.by_length(0, 0.2, 0.7):
        out.append(_question(ctx, questions[1:2]))
    if ctx.by_length(0, 0.25, 0.7):
        out.append(_Sentence(ctx.pick(ph.INFO_REASONS)))
    if ctx.by_length(0, 0.3, 0.5):
        text, end = ctx.rng.choice(ph.INFO_FOLLOWUPS)
        out.append(_Sentence(text, end))
    if ctx.by_length(0, 0.55, 0.9):
        out.append(_closing(ctx, ph.INFO_CLOSINGS, ph.INFO_CLOSINGS))
    return out


_BUILDERS: dict[str, Callable[[_Ctx], list[_Sentence]]] = {
    "pengaduan": _complaint,
    "aspirasi": _aspiration,
    "informasi": _information,
}

# --- Rendering ----------------------------------------------------------------------------------


@functools.cache
def _keywords(category_code: str) -> tuple[str, ...]:
    for main in DEFAULT_CATEGORIES:
        for sub in main["subs"]:
            if sub.get("code") == category_code:
                return tuple(sub.get("keywords", ()))
    return ()


@functools.cache
def _token_pattern(category_code: str) -> re.Pattern[str]:
    """Words, with the category's keywords matched whole so that informal spelling spares them."""
    keywords = sorted(_keywords(category_code), key=len, reverse=True)
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


def _protected_words(category_code: str, place: str) -> frozenset[str]:
    """Words that must never get a typo: the category's keywords and the place name."""
    words = {token for keyword in _keywords(category_code) for token in keyword.split()}
    return frozenset(words | {token.lower() for token in place.split()})


def _shout_index(rng: random.Random, sentences: list[_Sentence], register: int) -> int:
    """Which plea or complaint, if any, is typed in capitals out of frustration (-1: none)."""
    if register == FORMAL or rng.random() >= 0.12:
        return -1
    loud = [i for i, s in enumerate(sentences) if s.mood in ("plea", "angry")]
    return rng.choice(loud) if loud else -1


def _render_sentence(
    rng: random.Random, sentence: _Sentence, register: int, words: _Words, lower: bool
) -> str:
    text = _informalize(rng, sentence.text, register, words.tokens)
    text = _typo(rng, text, register, words.protected)
    text = _decapitalize(text) if lower else _capitalize(text)
    text = _punctuate(rng, text, sentence.end, register)
    if sentence.mood and rng.random() < _EMOJI_RATE[register]:
        text += " " + rng.choice(ph.EMOJI[sentence.mood])
    return text


def _render(rng: random.Random, sentences: list[_Sentence], style: _Style, words: _Words) -> str:
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


# --- Titles -------------------------------------------------------------------------------------


def _overlap(noun: str, text: str) -> int:
    words = {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 3}
    return sum(1 for w in re.findall(r"\w+", noun.lower()) if w in words)


def _title_noun(ctx: _Ctx, nouns: Sequence[str], description: str) -> str:
    """Usually the noun that best matches the description, so title and text agree."""
    if ctx.chance(0.2):
        return ctx.rng.choice(nouns)
    scores = [_overlap(noun, description) for noun in nouns]
    best = max(scores)
    return ctx.rng.choice(
        [noun for noun, score in zip(nouns, scores, strict=True) if score == best]
    )


def _title(ctx: _Ctx, report_type: str, description: str) -> str:
    topic = ctx.topic
    nouns = {"aspirasi": topic.wish_titles, "informasi": topic.info_titles}.get(
        report_type, topic.titles
    )
    noun = _title_noun(ctx, nouns, description)
    casual = ctx.style.register != FORMAL and ctx.chance(0.65)
    forms = (ph.TITLE_FORMS_CASUAL if casual else ph.TITLE_FORMS_FORMAL)[report_type]
    title = ctx.rng.choice(forms).format(t=noun, l=noun.lower(), place=ctx.place)
    words = len(title.split())
    if words > _TITLE_MAX_WORDS or words < 3 or len(title) > _TITLE_MAX_CHARS:
        title = ph.TITLE_FALLBACKS[report_type].format(t=noun)
    if casual and ctx.chance(0.08):
        title = title.upper()
    return title[:_TITLE_MAX_CHARS].strip()


# --- Entry point --------------------------------------------------------------------------------


def generate_report_text(
    rng: random.Random, category_code: str, place: str, report_type: str
) -> tuple[str, str]:
    """Return (title, description) for a report of sub-category `category_code` at `place`.

    `place` is a village or street name such as "Desa Sumberadi" or "Jl. Kaliurang km 7".
    `report_type` is "pengaduan" (complaint), "aspirasi" (proposal or wish) or "informasi"
    (request for public information); anything else is treated as a complaint. Unknown category
    codes get a generic text.
    """
    if report_type not in _BUILDERS:
        report_type = "pengaduan"
    topic = ph.TOPICS.get(category_code, ph.TOPICS["lainnya-umum"])
    style = _Style(
        register=rng.choices((FORMAL, CASUAL, INFORMAL), _REGISTER_WEIGHTS)[0],
        length=rng.choices((SHORT, MEDIUM, LONG), _LENGTH_WEIGHTS)[0],
    )
    located = category_code in ph.LOCATED_TOPICS
    ctx = _Ctx(rng=rng, topic=topic, style=style, place=place, located=located)
    words = _Words(_token_pattern(category_code), _protected_words(category_code, place))
    description = _render(rng, _BUILDERS[report_type](ctx), style, words)
    return _title(ctx, report_type, description), description
