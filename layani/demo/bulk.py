"""Bulk synthetic history for benchmarks: a million reports in minutes, not hours.

Unlike the demo (which plays every report through the real services), this writes rows directly
with the database's bulk path (COPY on PostgreSQL, executemany in large transactions on SQLite; see
`bulk_writer`): reports with identities, cases, tasks and follow-ups, spread over the villages of
the deployment's provinces, three years, every stage and all four privacy tiers. The lead agency
of each case is the one the responsibility matrix names for the category and regency (a random
agency where the matrix has no cell). Texts come from a pool made by the demo generator, varied
with the village's name and a number, so they are realistic but cheap.

No audit entries are written for bulk-seeded history (docs/decisions/0019-bulk-seed-and-benchmarks.md):
the chain stays valid and covers only what really happened through the services, such as the
demo reports that `layani seed_demo` plays through the workflow.
"""

from __future__ import annotations

import multiprocessing
import random
from bisect import bisect
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from django.db import transaction
from django.utils import timezone

from layani.cases.models import Case, CaseMessage, MessageKind, Task, TaskRole, TaskStatus
from layani.directory.models import Agency, Category, Region
from layani.directory.selectors import responsible_agency
from layani.intake.models import FINAL_STATUSES, Report, ReporterIdentity, ReportStatus
from layani.intake.tracking import (
    ALPHABET,
    RANDOM_LENGTH,
    check_symbol,
    hash_access_code,
    new_access_code,
)

from . import bulk_writer
from .people import fake_identity
from .reports import CHANNEL_WEIGHTS, PRIVACY_WEIGHTS, TYPE_WEIGHTS, _status_for_age
from .texts import SUPPORTED_CATEGORIES, generate_report_text

YEARS = 3
TEXT_POOL = 20_000
#: From this many batches on, a second process generates rows while the first writes.
PARALLEL_FROM_BATCHES = 4
FOLLOW_UPS = (
    "Laporan sudah kami terima dan petugas dijadwalkan meninjau lokasi.",
    "Petugas telah meninjau lokasi; perbaikan masuk jadwal pekan depan.",
    "Pekerjaan sedang berjalan. Terima kasih atas kesabaran Bapak/Ibu.",
    "Penanganan selesai dilakukan; mohon konfirmasi bila masalah masih terjadi.",
)
HANDLED = (ReportStatus.IN_PROGRESS, ReportStatus.CLOSURE_PROPOSED, ReportStatus.CLOSED)
REPORT_COLUMNS = (
    "id", "tracking_id", "access_code_hash", "type", "title", "description", "category_id",
    "region_id", "latitude", "longitude", "privacy", "channel", "status", "service_class",
    "submitted_at", "updated_at", "closed_at",
)  # fmt: skip
IDENTITY_COLUMNS = ("id", "report_id", "name", "nik", "phone", "email", "show_name_publicly")
CASE_COLUMNS = (
    "report_id", "lead_agency_id", "verified_at", "held_at", "hold_reason", "decision_reason",
    "merged_into_id", "outcome", "closure_proposed_at", "rating",
)  # fmt: skip
TASK_COLUMNS = (
    "id", "case_id", "agency_id", "role", "status", "due_at", "created_at", "accepted_at",
    "first_follow_up_at", "finished_at",
)  # fmt: skip
MESSAGE_COLUMNS = ("id", "case_id", "kind", "agency_id", "body", "created_at")


class _Weighted:
    """Weighted choice by bisecting cumulative weights: one random() per draw."""

    def __init__(self, weights: Mapping[Any, int]) -> None:
        self.keys = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        return self.keys[bisect(self.cumulative, rng.random() * self.total)]


@dataclass
class _Context:
    rng: random.Random
    now: datetime
    pool: list[tuple[int, str, str, str]]  # category id, service class, title, description
    villages: list[tuple[str, str]]
    leads: dict[tuple[int, str], int]  # (category id, regency code) → lead agency
    agencies: list[int]
    taken: set[str]
    access_hash: str
    ids: dict[str, int] = field(default_factory=dict)
    merge_targets: list[int] = field(default_factory=list)


def seed_reports(
    count: int,
    *,
    seed: int = 1,
    batch_size: int = 20_000,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    parallel: bool | None = None,
) -> int:
    """Write `count` synthetic reports (identities, cases, tasks, follow-ups); returns how many.

    With `parallel` (the default from `PARALLEL_FROM_BATCHES` batches on) a forked process generates
    the next batches while this one writes: the same rows in the same order, in about the time of
    the slower of the two instead of their sum.
    """
    ctx = _context(random.Random(seed), now or timezone.now(), count)  # nosec B311
    writers = {
        "report": bulk_writer.TableWriter(Report, REPORT_COLUMNS),
        "identity": bulk_writer.TableWriter(ReporterIdentity, IDENTITY_COLUMNS),
        "case": bulk_writer.TableWriter(Case, CASE_COLUMNS),
        "task": bulk_writer.TableWriter(Task, TASK_COLUMNS),
        "message": bulk_writer.TableWriter(CaseMessage, MESSAGE_COLUMNS),
    }
    ctx.ids = {
        "report": bulk_writer.next_id(Report),
        "identity": bulk_writer.next_id(ReporterIdentity),
        "task": bulk_writer.next_id(Task),
        "message": bulk_writer.next_id(CaseMessage),
    }
    bulk_writer.tune_for_bulk()
    sizes = [min(batch_size, count - start) for start in range(0, count, batch_size)]
    if parallel is None:
        parallel = len(sizes) >= PARALLEL_FROM_BATCHES
    written = 0
    try:
        for size, rows in _batches(ctx, sizes, parallel=parallel):
            with transaction.atomic():
                for name, writer in writers.items():
                    writer.write(rows[name])
            written += size
            if progress:
                progress(size)
    finally:
        bulk_writer.reset_sequences(Report, ReporterIdentity, Task, CaseMessage)
        bulk_writer.restore_after_bulk()
    return written


def _batches(
    ctx: _Context, sizes: list[int], *, parallel: bool
) -> Iterator[tuple[int, dict[str, list[tuple[object, ...]]]]]:
    if not parallel:
        for size in sizes:
            yield size, _batch(ctx, size)
        return
    fork = multiprocessing.get_context("fork")
    queue = fork.Queue(maxsize=2)
    producer = fork.Process(target=_produce, args=(ctx, sizes, queue), daemon=True)
    producer.start()
    try:
        for size in sizes:
            rows = queue.get(timeout=600)
            if isinstance(rows, str):
                raise RuntimeError(f"The row generator failed: {rows}")
            yield size, rows
    finally:
        if producer.is_alive():
            producer.terminate()
        producer.join()


def _produce(ctx: _Context, sizes: list[int], queue: Any) -> None:
    """In the forked generator process: batches into the queue. It never touches the database."""
    try:
        for size in sizes:
            queue.put(_batch(ctx, size))
    except Exception as error:  # reported to the writer, which stops with it
        queue.put(f"{type(error).__name__}: {error}")


def _context(rng: random.Random, now: datetime, count: int) -> _Context:
    categories = list(Category.objects.filter(code__in=SUPPORTED_CATEGORIES))
    agencies = list(Agency.objects.exclude(kind="oversight").values_list("pk", "region_id"))
    provinces = sorted({region[:2] for _, region in agencies if region})
    villages: list[tuple[str, str]] = []
    for province in provinces:
        villages += Region.objects.filter(level=4, code__startswith=f"{province}.").values_list(
            "code", "name"
        )
    if not villages or not categories or not agencies:
        raise LookupError("Load regions and categories and create agencies first.")
    leads = {}
    for regency in sorted({code[:5] for code, _ in villages}):
        sample = next(code for code, _ in villages if code.startswith(regency))
        for category in categories:
            agency = responsible_agency(category, sample)
            if agency is not None:
                leads[(category.pk, regency)] = agency.pk
    by_code = {c.code: c for c in categories}
    codes = sorted(by_code)
    types = list(TYPE_WEIGHTS)
    pool = []
    for _ in range(min(TEXT_POOL, max(count, 100))):
        category = by_code[rng.choice(codes)]
        title, description = generate_report_text(rng, category.code, "{place}", rng.choice(types))
        pool.append((category.pk, category.default_service_class, title, description))
    return _Context(
        rng=rng,
        now=now,
        pool=pool,
        villages=villages,
        leads=leads,
        agencies=[pk for pk, _ in agencies],
        taken=set(Report.objects.values_list("tracking_id", flat=True)),
        # Synthetic reports share one code nobody knows: they cannot be followed on /lacak/.
        access_hash=hash_access_code(new_access_code()),
    )


_TYPES = _Weighted(TYPE_WEIGHTS)
_PRIVACY = _Weighted(PRIVACY_WEIGHTS)
_CHANNELS = _Weighted(CHANNEL_WEIGHTS)


def _tracking_id(rng: random.Random, taken: set[str]) -> str:
    """A tracking ID of the real format (see intake.tracking), from the seed's generator."""
    while True:
        body = "".join(rng.choices(ALPHABET, k=RANDOM_LENGTH))
        if body.isdigit():
            continue
        tracking_id = body + check_symbol(body)
        if tracking_id not in taken:
            taken.add(tracking_id)
            return tracking_id


def _batch(ctx: _Context, size: int) -> dict[str, list[tuple[object, ...]]]:
    rng, now = ctx.rng, ctx.now
    rows: dict[str, list[tuple[object, ...]]] = {
        "report": [],
        "identity": [],
        "case": [],
        "task": [],
        "message": [],
    }
    for _ in range(size):
        report_id = ctx.ids["report"]
        ctx.ids["report"] += 1
        category_id, service_class, title, description = rng.choice(ctx.pool)
        village_code, village_name = rng.choice(ctx.villages)
        age = YEARS * 365 * (1 - rng.random() ** 0.6)
        submitted = now - timedelta(days=age, minutes=rng.randint(0, 900))
        status = _status_for_age(rng, age)
        updated = submitted + timedelta(days=min(age, rng.uniform(0.5, 25)))
        point = rng.random() < 0.4
        rows["report"].append(
            (
                report_id,
                _tracking_id(rng, ctx.taken),
                ctx.access_hash,
                _TYPES.draw(rng),
                title.replace("{place}", village_name)[:200],
                f"{description.replace('{place}', village_name)} ({rng.randint(1, 99)})",
                category_id,
                village_code,
                round(rng.uniform(-8.2, -7.5), 6) if point else None,
                round(rng.uniform(110.0, 110.8), 6) if point else None,
                _PRIVACY.draw(rng),
                _CHANNELS.draw(rng),
                status,
                "" if status == ReportStatus.SUBMITTED else service_class,
                submitted,
                updated,
                updated if status in _FINAL else None,
            )
        )
        who = fake_identity(rng, village_code, show_name=False)
        rows["identity"].append(
            (ctx.ids["identity"], report_id, who.name, who.nik, who.phone, who.email, False)
        )
        ctx.ids["identity"] += 1
        if status != ReportStatus.SUBMITTED:
            _case_rows(ctx, rows, report_id, status, category_id, village_code, submitted, updated)
    return rows


_FINAL = frozenset(FINAL_STATUSES)


def _case_rows(
    ctx: _Context,
    rows: dict[str, list[tuple[object, ...]]],
    report_id: int,
    status: str,
    category_id: int,
    village_code: str,
    submitted: datetime,
    updated: datetime,
) -> None:
    """The case around a report past intake: its stage's fields, tasks and follow-ups."""
    rng = ctx.rng
    handled = status in HANDLED
    lead = None
    if handled:
        lead = ctx.leads.get((category_id, village_code[:5])) or rng.choice(ctx.agencies)
    verified = None if status == ReportStatus.ON_HOLD else submitted + timedelta(hours=6)
    merged_into = None
    if status == ReportStatus.MERGED and ctx.merge_targets:
        merged_into = rng.choice(ctx.merge_targets)
    elif len(ctx.merge_targets) < 5000 and status != ReportStatus.MERGED:
        ctx.merge_targets.append(report_id)
    closed = status == ReportStatus.CLOSED
    rows["case"].append(
        (
            report_id,
            lead,
            verified,
            submitted + timedelta(hours=5) if status == ReportStatus.ON_HOLD else None,
            "Mohon lengkapi alamat dan foto lokasi." if status == ReportStatus.ON_HOLD else "",
            _DECISIONS.get(status, ""),
            merged_into,
            "resolved" if closed else "",
            updated if status in (ReportStatus.CLOSURE_PROPOSED, ReportStatus.CLOSED) else None,
            rng.choices(_RATINGS, weights=_RATING_WEIGHTS)[0] if closed else None,
        )
    )
    if lead is None:
        return
    open_task = status == ReportStatus.IN_PROGRESS
    pending = open_task and rng.random() < 0.2
    created = min(submitted + timedelta(hours=8), ctx.now)
    times: list[datetime] = []
    if not pending and not (open_task and rng.random() < 0.5):
        steps = rng.randint(1, 3)
        span = max(updated - created, timedelta(hours=1))
        times = [min(created + span * (step + 1) / steps, ctx.now) for step in range(steps)]
    followed = times[0] if times else None
    rows["task"].append(
        (
            ctx.ids["task"],
            report_id,
            lead,
            TaskRole.LEAD,
            (TaskStatus.PENDING if pending else TaskStatus.ACCEPTED)
            if open_task
            else TaskStatus.DONE,
            created + timedelta(days=rng.choice((5, 10, 14, 20))),
            created,
            None if pending else created + timedelta(hours=rng.randint(1, 30)),
            followed,
            None if open_task else updated,
        )
    )
    ctx.ids["task"] += 1
    if rng.random() < 0.05:  # a co-handling agency on one case in twenty
        helper = rng.choice(ctx.agencies)
        if helper != lead:
            rows["task"].append(
                (
                    ctx.ids["task"],
                    report_id,
                    helper,
                    TaskRole.CO_HANDLER,
                    TaskStatus.ACCEPTED if open_task else TaskStatus.DONE,
                    created + timedelta(days=14),
                    created,
                    created + timedelta(hours=4),
                    followed,
                    None if open_task else updated,
                )
            )
            ctx.ids["task"] += 1
    for step, when in enumerate(times):
        last = step == len(times) - 1 and not open_task
        rows["message"].append(
            (
                ctx.ids["message"],
                report_id,
                MessageKind.PUBLIC_FOLLOW_UP,
                lead,
                FOLLOW_UPS[-1] if last else FOLLOW_UPS[step],
                when,
            )
        )
        ctx.ids["message"] += 1


_RATINGS: Sequence[int | None] = (None, 1, 2, 3, 4, 5)
_RATING_WEIGHTS = (30, 4, 6, 12, 24, 24)
_DECISIONS: dict[str, str] = {
    ReportStatus.NOT_WITHIN_AUTHORITY: "Bukan kewenangan pemerintah daerah; silakan ke instansi vertikal.",
    ReportStatus.ARCHIVED: "Laporan tidak dapat ditindaklanjuti: informasi tidak cukup.",
    ReportStatus.MERGED: "Sama dengan laporan lain tentang masalah yang sama.",
}
