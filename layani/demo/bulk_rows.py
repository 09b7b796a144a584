"""The rows of the bulk seed, one batch at a time, each batch independent of every other.

Everything a batch needs is computed once before generating (`Plan`: pools of texts, villages,
identities' parts, the responsibility matrix). A batch is a pure function of the plan and its
index: its own random generator (seeded from the seed and the index), its own id ranges, and
tracking IDs drawn from a permutation of the ID space, so that several processes can generate
batches in any order and the rows are the same. What a batch returns is a list of tuples per
table, in the column order of `bulk.*_COLUMNS`, with timestamps as naive UTC text (the writer
turns them into what its database reads).

Per report ids: report and identity ids follow the report's index; a report owns two task ids
(lead, co-handler) and three message ids (follow-ups), used or not, so the id ranges of a batch are
known before it is generated. Gaps are harmless: the sequences are moved past the highest id.
"""

from __future__ import annotations

import random
import time
from bisect import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from layani.cases.models import MessageKind, TaskRole, TaskStatus
from layani.intake.models import FINAL_STATUSES, ReportStatus
from layani.intake.tracking import ALPHABET, RANDOM_LENGTH, check_symbol

from .people import FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, MAIL_DOMAINS
from .reports import CHANNEL_WEIGHTS, PRIVACY_WEIGHTS

YEARS = 3
TASKS_PER_REPORT = 2
MESSAGES_PER_REPORT = 3
FOLLOW_UPS = (
    "Laporan sudah kami terima dan petugas dijadwalkan meninjau lokasi.",
    "Petugas telah meninjau lokasi; perbaikan masuk jadwal pekan depan.",
    "Pekerjaan sedang berjalan. Terima kasih atas kesabaran Bapak/Ibu.",
    "Penanganan selesai dilakukan; mohon konfirmasi bila masalah masih terjadi.",
)
HANDLED = frozenset((ReportStatus.IN_PROGRESS, ReportStatus.CLOSURE_PROPOSED, ReportStatus.CLOSED))
#: The stages by age of `demo.reports._status_for_age` (a test keeps the two equal), as tables.
STAGES_BY_AGE: tuple[tuple[float, Mapping[str, int]], ...] = (
    (2, {ReportStatus.SUBMITTED: 80, ReportStatus.VERIFIED: 15, ReportStatus.ON_HOLD: 5}),
    (
        10,
        {
            ReportStatus.SUBMITTED: 15,
            ReportStatus.VERIFIED: 15,
            ReportStatus.ON_HOLD: 8,
            ReportStatus.IN_PROGRESS: 50,
            ReportStatus.CLOSURE_PROPOSED: 7,
            ReportStatus.NOT_WITHIN_AUTHORITY: 3,
            ReportStatus.ARCHIVED: 2,
        },
    ),
    (
        45,
        {
            ReportStatus.IN_PROGRESS: 35,
            ReportStatus.CLOSURE_PROPOSED: 20,
            ReportStatus.CLOSED: 32,
            ReportStatus.ON_HOLD: 4,
            ReportStatus.NOT_WITHIN_AUTHORITY: 4,
            ReportStatus.ARCHIVED: 3,
            ReportStatus.MERGED: 2,
        },
    ),
    (
        float("inf"),
        {
            ReportStatus.CLOSED: 82,
            ReportStatus.IN_PROGRESS: 5,
            ReportStatus.NOT_WITHIN_AUTHORITY: 5,
            ReportStatus.ARCHIVED: 5,
            ReportStatus.MERGED: 3,
        },
    ),
)
_DECISIONS: dict[str, str] = {
    ReportStatus.NOT_WITHIN_AUTHORITY: "Bukan kewenangan pemerintah daerah; silakan ke instansi vertikal.",
    ReportStatus.ARCHIVED: "Laporan tidak dapat ditindaklanjuti: informasi tidak cukup.",
    ReportStatus.MERGED: "Sama dengan laporan lain tentang masalah yang sama.",
}
_HOLD_REASON = "Mohon lengkapi alamat dan foto lokasi."
_FINAL = frozenset(FINAL_STATUSES)
_PROPOSED_OR_CLOSED = frozenset((ReportStatus.CLOSURE_PROPOSED, ReportStatus.CLOSED))
HOUR = 3600.0
DAY = 86400.0


class Weighted:
    """Weighted choice by bisecting cumulative weights: one random() per draw."""

    def __init__(self, weights: Mapping[Any, int]) -> None:
        self.keys = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> Any:
        return self.keys[bisect(self.cumulative, rng.random() * self.total)]


_STAGES = [(limit, Weighted(table)) for limit, table in STAGES_BY_AGE]
_PRIVACY = Weighted(PRIVACY_WEIGHTS)
_CHANNELS = Weighted(CHANNEL_WEIGHTS)
_RATINGS = Weighted({None: 30, 1: 4, 2: 6, 3: 12, 4: 24, 5: 24})
_PHONE_PREFIXES = ("12", "13", "21", "52", "56", "57", "77", "78", "95")
_NAMES = [(first, last, True) for first in FIRST_NAMES_F for last in LAST_NAMES] + [
    (first, last, False) for first in FIRST_NAMES_M for last in LAST_NAMES
]
_NAME_PARTS = [
    (f"{first} {last}".strip(), f"{first.lower()}.{(last or 'warga').lower()}", 40 if female else 0)
    for first, last, female in _NAMES
]


def _int(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], like `randint` but from one `random()` (several times faster)."""
    return low + int(rng.random() * (high - low + 1))


def _pick(rng: random.Random, items: Sequence[Any]) -> Any:
    return items[int(rng.random() * len(items))]


def stage_for_age(rng: random.Random, age_days: float) -> str:
    for limit, table in _STAGES:
        if age_days < limit:
            return str(table.draw(rng))
    raise AssertionError("the last band has no limit")  # pragma: no cover


def utc_text(epoch: float) -> str:
    """Naive UTC text at second precision, as both databases read it."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(epoch))


# Tracking IDs: a permutation of the 17⁹ bodies (affine map, then the digits in a fixed scrambled
# order), walked from a point no other report starts from until the body has a letter and is not
# taken. Walking a permutation from distinct starts inside the allowed set never meets another
# start's result, so the IDs of one run are distinct without remembering them.
_SPACE = len(ALPHABET) ** RANDOM_LENGTH
_MULTIPLIER = 48_271_932_415  # not a multiple of 17: the map is a bijection
_OFFSET = 77_135_491_003
_ORDER = (4, 0, 7, 2, 8, 5, 1, 6, 3)
_START = 16 * len(ALPHABET) ** (RANDOM_LENGTH - 1)  # bodies beginning with "X": always a letter


def tracking_id(report_id: int, taken: frozenset[str]) -> str:
    x = _START + report_id
    while True:
        x = (_MULTIPLIER * x + _OFFSET) % _SPACE
        digits = []
        value = x
        for _ in range(RANDOM_LENGTH):
            value, digit = divmod(value, 17)
            digits.append(ALPHABET[digit])
        body = "".join(digits[i] for i in _ORDER)
        if not body.isdigit():
            code = body + check_symbol(body)
            if code not in taken:
                return code


@dataclass
class Plan:
    """What every batch reads; built once (bulk._plan) before any batch is generated."""

    seed: int
    now: float  # epoch seconds
    batch_size: int
    pool: list[tuple[int, str, str, str, str]]  # category, service class, type, title, text
    villages: list[tuple[str, str, str]]  # code, name, district digits (for the NIK)
    leads: dict[tuple[int, str], int]  # (category id, regency code) → lead agency
    agencies: list[int]
    taken: frozenset[str]
    access_hash: str
    first: dict[str, int]  # first id per table: report, identity, task, message


Rows = dict[str, list[tuple[object, ...]]]


def batch(plan: Plan, index: int, size: int) -> Rows:
    """The rows of batch `index` (`size` reports): the same for the same plan and index."""
    rng = random.Random(plan.seed * 1_000_003 + index)  # nosec B311 - synthetic data
    rows: Rows = {"report": [], "identity": [], "case": [], "task": [], "message": []}
    reports, identities = rows["report"], rows["identity"]
    now, taken, access_hash = plan.now, plan.taken, plan.access_hash
    pool, villages = plan.pool, plan.villages
    merge_targets: list[int] = []
    start = index * plan.batch_size
    for n in range(start, start + size):
        report_id = plan.first["report"] + n
        category_id, service_class, kind, title, description = _pick(rng, pool)
        village_code, village_name, district = _pick(rng, villages)
        age = YEARS * 365 * (1 - rng.random() ** 0.6)
        submitted = now - age * DAY - _int(rng, 0, 900) * 60
        status = stage_for_age(rng, age)
        updated = submitted + min(age, rng.uniform(0.5, 25)) * DAY
        point = rng.random() < 0.4
        updated_text = utc_text(updated)
        reports.append(
            (
                report_id,
                tracking_id(report_id, taken),
                access_hash,
                kind,
                title.replace("{place}", village_name)[:200],
                f"{description.replace('{place}', village_name)} ({_int(rng, 1, 99)})",
                category_id,
                village_code,
                round(rng.uniform(-8.2, -7.5), 6) if point else None,
                round(rng.uniform(110.0, 110.8), 6) if point else None,
                _PRIVACY.draw(rng),
                _CHANNELS.draw(rng),
                status,
                "" if status == ReportStatus.SUBMITTED else service_class,
                utc_text(submitted),
                updated_text,
                updated_text if status in _FINAL else None,
            )
        )
        identities.append(_identity(rng, plan.first["identity"] + n, report_id, district))
        if status != ReportStatus.SUBMITTED:
            case = (report_id, n, status, category_id, village_code, submitted, updated)
            _case_rows(plan, rng, rows, case, merge_targets)
    return rows


def _identity(rng: random.Random, pk: int, report_id: int, district: str) -> tuple[object, ...]:
    """As `people.fake_identity`: name, NIK of the village's district (+40 on the day for
    women), mobile number, an e-mail address for two in five, a NIK for three in five."""
    name, mail, female = _pick(rng, _NAME_PARTS)
    nik = ""
    if rng.random() < 0.6:
        nik = (
            f"{district}{_int(rng, 1, 28) + female:02d}{_int(rng, 1, 12):02d}"
            f"{_int(rng, 60, 99):02d}{_int(rng, 1, 9999):04d}"
        )
    phone = f"08{_pick(rng, _PHONE_PREFIXES)}{_int(rng, 10**7, 10**8 - 1)}"
    email = ""
    if rng.random() < 0.4:
        email = f"{mail}{_int(rng, 1, 99)}@{_pick(rng, MAIL_DOMAINS)}"
    return (pk, report_id, name, nik, phone, email, False)


def _case_rows(
    plan: Plan,
    rng: random.Random,
    rows: Rows,
    case: tuple[int, int, str, int, str, float, float],
    merge_targets: list[int],
) -> None:
    """The case around a report past intake: its stage's fields, tasks and follow-ups."""
    report_id, n, status, category_id, village_code, submitted, updated = case
    lead = None
    if status in HANDLED:
        lead = plan.leads.get((category_id, village_code[:5])) or _pick(rng, plan.agencies)
    on_hold = status == ReportStatus.ON_HOLD
    merged_into = None
    if status == ReportStatus.MERGED:
        merged_into = _pick(rng, merge_targets) if merge_targets else None
    elif len(merge_targets) < 5000:
        merge_targets.append(report_id)
    closed = status == ReportStatus.CLOSED
    rows["case"].append(
        (
            report_id,
            lead,
            None if on_hold else utc_text(submitted + 6 * HOUR),
            utc_text(submitted + 5 * HOUR) if on_hold else None,
            _HOLD_REASON if on_hold else "",
            _DECISIONS.get(status, ""),
            merged_into,
            "resolved" if closed else "",
            utc_text(updated) if status in _PROPOSED_OR_CLOSED else None,
            _RATINGS.draw(rng) if closed else None,
        )
    )
    if lead is None:
        return
    now = plan.now
    open_task = status == ReportStatus.IN_PROGRESS
    pending = open_task and rng.random() < 0.2
    created = min(submitted + 8 * HOUR, now)
    times: list[float] = []
    if not pending and not (open_task and rng.random() < 0.5):
        steps = _int(rng, 1, 3)
        span = max(updated - created, HOUR)
        times = [min(created + span * (step + 1) / steps, now) for step in range(steps)]
    followed = utc_text(times[0]) if times else None
    created_text = utc_text(created)
    finished = None if open_task else utc_text(updated)
    task_id = plan.first["task"] + TASKS_PER_REPORT * n
    rows["task"].append(
        (
            task_id,
            report_id,
            lead,
            TaskRole.LEAD,
            (TaskStatus.PENDING if pending else TaskStatus.ACCEPTED)
            if open_task
            else TaskStatus.DONE,
            utc_text(created + _pick(rng, (5, 10, 14, 20)) * DAY),
            created_text,
            None if pending else utc_text(created + _int(rng, 1, 30) * HOUR),
            followed,
            finished,
        )
    )
    if rng.random() < 0.05:  # a co-handling agency on one case in twenty
        helper = _pick(rng, plan.agencies)
        if helper != lead:
            rows["task"].append(
                (
                    task_id + 1,
                    report_id,
                    helper,
                    TaskRole.CO_HANDLER,
                    TaskStatus.ACCEPTED if open_task else TaskStatus.DONE,
                    utc_text(created + 14 * DAY),
                    created_text,
                    utc_text(created + 4 * HOUR),
                    followed,
                    finished,
                )
            )
    message_id = plan.first["message"] + MESSAGES_PER_REPORT * n
    last_step = len(times) - 1
    for step, when in enumerate(times):
        last = step == last_step and not open_task
        body = FOLLOW_UPS[-1] if last else FOLLOW_UPS[step]
        rows["message"].append(
            (message_id + step, report_id, MessageKind.PUBLIC_FOLLOW_UP, lead, body, utc_text(when))
        )


def sizes(count: int, batch_size: int) -> list[int]:
    return [min(batch_size, count - start) for start in range(0, count, batch_size)]
