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

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from layani.demo import phrases as ph

from .rendering import (
    CASUAL,
    FORMAL,
    INFORMAL,
    LONG,
    MEDIUM,
    SHORT,
    Sentence,
    Style,
    Words,
    protected_words,
    render,
    token_pattern,
)

SUPPORTED_CATEGORIES: frozenset[str] = frozenset(ph.TOPICS)
REPORT_TYPES = ("pengaduan", "aspirasi", "informasi")

_REGISTER_WEIGHTS = (30, 42, 28)
_LENGTH_WEIGHTS = (22, 48, 30)
_TITLE_MAX_WORDS = 10
_TITLE_MAX_CHARS = 120


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
    style: Style
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


def _greeting(ctx: _Ctx) -> Sentence:
    return Sentence(ctx.pick_register(ph.GREETINGS_FORMAL, ph.GREETINGS_CASUAL), ",")


def _closing(ctx: _Ctx, formal: Sequence[str], casual: Sequence[str]) -> Sentence:
    return Sentence(ctx.pick_register(formal, casual), ".", "plea")


def _problem(ctx: _Ctx) -> str:
    return ctx.pick(ctx.topic.problems)


def _short_complaint(ctx: _Ctx) -> list[Sentence]:
    text = _problem(ctx)
    if ctx.chance(0.3):
        text = f"{ctx.pick(ph.LEADS_CASUAL)} {text}"
    tail = ctx.pick(ph.SHORT_TAILS)
    if not tail:
        return [Sentence(text, "!")]
    return [Sentence(text, ","), Sentence(tail, "!", "plea")]


def _complaint(ctx: _Ctx) -> list[Sentence]:
    if ctx.style.length == SHORT:
        return _short_complaint(ctx)
    out: list[Sentence] = []
    if ctx.by_length(0, 0.35, 0.85):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.05, 0.45):
        out.append(Sentence(ctx.pick(ph.SELF_INTROS)))
    problem = _problem(ctx)
    if ctx.chance(0.5):
        problem = f"{ctx.pick_register(ph.LEADS_FORMAL, ph.LEADS_CASUAL)} {problem}"
    out.append(Sentence(problem))
    out.extend(_complaint_body(ctx))
    request = ctx.pick(ctx.topic.requests) if ctx.chance(0.5) else None
    request = request or ctx.pick_register(ph.REQUESTS_FORMAL, ph.REQUESTS_CASUAL)
    out.append(Sentence(request, "!" if ctx.chance(0.3) else ".", "plea"))
    if ctx.style.register != FORMAL and ctx.by_length(0, 0.15, 0.35):
        text, end = ctx.rng.choice(ph.FRUSTRATIONS)
        out.append(Sentence(text, end, "angry"))
    if ctx.by_length(0, 0.45, 0.85):
        out.append(_closing(ctx, ph.CLOSINGS_FORMAL, ph.CLOSINGS_CASUAL))
    return out


def _complaint_body(ctx: _Ctx) -> list[Sentence]:
    """Duration, details, impacts and earlier attempts, in a lightly varied order."""
    long = ctx.style.length == LONG
    topic = ctx.topic
    body: list[Sentence] = []
    if ctx.located and ctx.by_length(0, 0.15, 0.6):
        body.append(Sentence(ctx.pick(ph.LOCATION_HINTS)))
    n_details = ctx.rng.randint(2, 3) if long else int(ctx.chance(0.6))
    for detail in ctx.rng.sample(topic.details, min(n_details, len(topic.details))):
        body.append(Sentence(ctx.fill(detail)))
    if ctx.by_length(0, 0.45, 0.9):
        duration = Sentence(ctx.pick_register(ph.DURATIONS_FORMAL, ph.DURATIONS_CASUAL))
        body.insert(ctx.rng.randint(0, len(body)), duration)
    if ctx.by_length(0, 0.45, 1.0):
        body.append(Sentence(ctx.pick(topic.impacts), ".", "sad"))
    if long and ctx.chance(0.5):
        body.append(Sentence(ctx.pick_register(ph.IMPACTS_FORMAL, ph.IMPACTS_CASUAL), ".", "sad"))
    if ctx.by_length(0, 0.15, 0.65):
        body.append(Sentence(ctx.pick_register(ph.PRIORS_FORMAL, ph.PRIORS_CASUAL), ".", "angry"))
    if ctx.by_length(0, 0.1, 0.4):
        body.append(Sentence(ctx.pick(ph.ATTACHMENTS)))
    return body


def _framed_wish(ctx: _Ctx, wish_template: str) -> Sentence:
    wish = ctx.fill(wish_template)
    register = ctx.style.register
    use_formal = register == FORMAL or (register == CASUAL and ctx.chance(0.5))
    frame, end = ctx.rng.choice(ph.WISH_FRAMES_FORMAL if use_formal else ph.WISH_FRAMES_CASUAL)
    return Sentence(frame.replace("{w}", wish), end, "plea")


def _aspiration(ctx: _Ctx) -> list[Sentence]:
    if ctx.style.length == SHORT:
        frame = ctx.rng.choice(ph.WISH_FRAMES_SHORT)
        return [Sentence(frame.replace("{w}", ctx.pick(ctx.topic.wishes)), ".", "plea")]
    out: list[Sentence] = []
    if ctx.by_length(0, 0.2, 0.6):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.5, 0.9):
        out.append(Sentence(ctx.pick_register(ph.ASP_LEADS_FORMAL, ph.ASP_LEADS_CASUAL)))
    if ctx.by_length(0, 0.5, 1.0):
        prefix = ctx.rng.choice(ph.ASP_CONTEXT_PREFIXES)
        out.append(Sentence(prefix + _problem(ctx)))
    if ctx.by_length(0, 0.15, 0.6):
        out.append(Sentence(ctx.pick(ctx.topic.details)))
    first, second = ctx.rng.sample(ctx.topic.wishes, 2)
    out.append(_framed_wish(ctx, first))
    if ctx.by_length(0, 0.1, 0.5):
        frame = ctx.rng.choice(ph.SECOND_WISH_FRAMES)
        out.append(Sentence(frame.replace("{w}", ctx.fill(second)), ".", "plea"))
    if ctx.by_length(0, 0.45, 0.9):
        out.append(Sentence(ctx.pick(ph.BENEFITS)))
    if ctx.by_length(0, 0.15, 0.7):
        out.append(Sentence(ctx.pick(ph.SUPPORTS)))
    if ctx.by_length(0, 0.5, 0.9):
        out.append(_closing(ctx, ph.CLOSINGS_FORMAL, ph.CLOSINGS_CASUAL))
    return out


def _question(ctx: _Ctx, pool: Sequence[str] | None = None) -> Sentence:
    return Sentence(ctx.pick(pool or ctx.topic.questions), "?")


def _information(ctx: _Ctx) -> list[Sentence]:
    if ctx.style.length == SHORT:
        prefix = ctx.rng.choice(ph.INFO_SHORT_PREFIXES)
        question = Sentence(prefix + ctx.pick(ctx.topic.questions), "?")
        if ctx.chance(0.5):
            return [question]
        return [question, Sentence(ctx.rng.choice(ph.INFO_SHORT_TAILS), "", "plea")]
    out: list[Sentence] = []
    if ctx.by_length(0, 0.3, 0.8):
        out.append(_greeting(ctx))
    if ctx.by_length(0, 0.6, 0.9):
        out.append(Sentence(ctx.pick_register(ph.INFO_LEADS_FORMAL, ph.INFO_LEADS_CASUAL), ","))
    if ctx.by_length(0, 0.3, 0.8):
        out.append(Sentence(ctx.pick(ph.INFO_CONTEXTS)))
    if ctx.by_length(0, 0.3, 0.8):
        out.append(Sentence(ctx.rng.choice(("", "Di tempat kami ", "Begini, ")) + _problem(ctx)))
    questions = list(ctx.topic.questions)
    ctx.rng.shuffle(questions)
    first = _question(ctx, questions[:1])
    if not out:  # a bare question reads abrupt; open it like a chat message
        first = Sentence(ctx.rng.choice(ph.INFO_SHORT_PREFIXES) + first.text, "?")
    out.append(first)
    if ctx.by_length(0, 0.2, 0.7):
        out.append(_question(ctx, questions[1:2]))
    if ctx.by_length(0, 0.25, 0.7):
        out.append(Sentence(ctx.pick(ph.INFO_REASONS)))
    if ctx.by_length(0, 0.3, 0.5):
        text, end = ctx.rng.choice(ph.INFO_FOLLOWUPS)
        out.append(Sentence(text, end))
    if ctx.by_length(0, 0.55, 0.9):
        out.append(_closing(ctx, ph.INFO_CLOSINGS, ph.INFO_CLOSINGS))
    return out


_BUILDERS: dict[str, Callable[[_Ctx], list[Sentence]]] = {
    "pengaduan": _complaint,
    "aspirasi": _aspiration,
    "informasi": _information,
}

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
    style = Style(
        register=rng.choices((FORMAL, CASUAL, INFORMAL), _REGISTER_WEIGHTS)[0],
        length=rng.choices((SHORT, MEDIUM, LONG), _LENGTH_WEIGHTS)[0],
    )
    located = category_code in ph.LOCATED_TOPICS
    ctx = _Ctx(rng=rng, topic=topic, style=style, place=place, located=located)
    words = Words(token_pattern(category_code), protected_words(category_code, place))
    description = render(rng, _BUILDERS[report_type](ctx), style, words)
    return _title(ctx, report_type, description), description
