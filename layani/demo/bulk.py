"""Bulk synthetic history for benchmarks: ten million reports in minutes, not hours.

Unlike the demo (which plays every report through the real services), this writes rows directly
with the database's bulk path (COPY on PostgreSQL, executemany in large transactions on SQLite; see
`bulk_writer`): reports with identities, cases, tasks and follow-ups, spread over the villages of
the deployment's provinces, three years, every stage and all four privacy tiers. The lead agency
of each case is the one the responsibility matrix names for the category and regency (a random
agency where the matrix has no cell). Texts come from a pool made by the demo generator, varied
with the village's name and a number, so they are realistic but cheap.

The rows come from `bulk_rows`, one independent batch at a time; from `PARALLEL_FROM_BATCHES`
batches on, forked processes generate (and, for PostgreSQL, encode as COPY text) the next batches
while this one writes. On PostgreSQL a seed that at least doubles the reports sets the secondary
indexes and foreign keys aside and rebuilds them at the end (`bulk_sql`).

No audit entries are written for bulk-seeded history (docs/decisions/0019-bulk-seed-and-benchmarks.md):
the chain stays valid and covers only what really happened through the services, such as the
demo reports that `layani seed_demo` plays through the workflow.
"""

from __future__ import annotations

import multiprocessing
import os
import random
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from layani.cases.models import Case, CaseMessage, Task
from layani.directory.models import Agency, Category, Region
from layani.directory.selectors import responsible_agency
from layani.intake.models import Report, ReporterIdentity
from layani.intake.tracking import hash_access_code, new_access_code

from . import bulk_rows, bulk_sql, bulk_writer
from .reports import TYPE_WEIGHTS
from .texts import SUPPORTED_CATEGORIES, generate_report_text

TEXT_POOL = 20_000
#: From this many batches on, other processes generate rows while this one writes.
PARALLEL_FROM_BATCHES = 4
#: A PostgreSQL seed of at least this many reports that at least doubles the table rebuilds the
#: secondary indexes once at the end instead of maintaining them row by row.
REBUILD_FROM = 100_000
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
TABLES = {
    "report": (Report, REPORT_COLUMNS),
    "identity": (ReporterIdentity, IDENTITY_COLUMNS),
    "case": (Case, CASE_COLUMNS),
    "task": (Task, TASK_COLUMNS),
    "message": (CaseMessage, MESSAGE_COLUMNS),
}


def seed_reports(
    count: int,
    *,
    seed: int = 1,
    batch_size: int = 20_000,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    parallel: bool | None = None,
    processes: int | None = None,
    rebuild_indexes: bool | None = None,
    say: Callable[[str], None] | None = None,
) -> int:
    """Write `count` synthetic reports (identities, cases, tasks, follow-ups); returns how many.

    With `parallel` (the default from `PARALLEL_FROM_BATCHES` batches on) `processes` forked
    processes (default: one per core, at most two) generate the batches while this one writes:
    the same rows as without, in about the time of the slowest part instead of their sum.
    `rebuild_indexes` (PostgreSQL; default: for a seed of `REBUILD_FROM` or more reports that at
    least doubles the reports) sets secondary indexes and foreign keys aside while writing.
    """
    existing = Report.objects.count()
    plan = _plan(seed, now or timezone.now(), count, batch_size)
    writers = {name: bulk_writer.TableWriter(*table) for name, table in TABLES.items()}
    sizes = bulk_rows.sizes(count, batch_size)
    if parallel is None:
        parallel = len(sizes) >= PARALLEL_FROM_BATCHES
    workers = (processes or min(2, os.cpu_count() or 1)) if parallel else 0
    if rebuild_indexes is None:
        rebuild_indexes = count >= REBUILD_FROM and count >= existing
    aside = (
        bulk_sql.set_aside([model._meta.db_table for model, _c in TABLES.values()], say)
        if rebuild_indexes and connection.vendor == "postgresql"
        else nullcontext(0)
    )
    bulk_writer.tune_for_bulk()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the rows' timestamps are naive UTC text
            cursor.execute("SET TIME ZONE 'UTC'")
    written = 0
    try:
        with aside:
            for size, encoded in _batches(plan, writers, sizes, workers):
                with transaction.atomic():
                    for name, writer in writers.items():
                        writer.write(encoded[name])
                written += size
                if progress:
                    progress(size)
            if say and rebuild_indexes:
                say(f"{written:,} reports written; rebuilding indexes and foreign keys")
    finally:
        bulk_writer.reset_sequences(Report, ReporterIdentity, Task, CaseMessage)
        bulk_writer.restore_after_bulk()
    return written


_STATE: dict[str, Any] = {}


def _encoded(job: tuple[int, int]) -> dict[str, Any]:
    """Batch `index` of `size` reports, encoded for the writers (in a forked process or here)."""
    index, size = job
    rows = bulk_rows.batch(_STATE["plan"], index, size)
    return {name: writer.encode(rows[name]) for name, writer in _STATE["writers"].items()}


def _batches(
    plan: bulk_rows.Plan,
    writers: dict[str, bulk_writer.TableWriter],
    sizes: list[int],
    workers: int,
) -> Iterator[tuple[int, dict[str, Any]]]:
    _STATE.update(plan=plan, writers=writers)
    jobs = list(enumerate(sizes))
    if not workers:
        for job in jobs:
            yield job[1], _encoded(job)
        return
    # Forked children inherit the plan; they never touch the database connection, and leave
    # with os._exit, so the parent's connection is not closed under it.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for (_index, size), encoded in zip(jobs, pool.imap(_encoded, jobs), strict=True):
            yield size, encoded


def _plan(seed: int, now: datetime, count: int, batch_size: int) -> bulk_rows.Plan:
    rng = random.Random(seed)  # nosec B311 - synthetic data
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
    types = bulk_rows.Weighted(TYPE_WEIGHTS)
    pool = []
    for _ in range(min(TEXT_POOL, max(count, 100))):
        category = by_code[rng.choice(codes)]
        kind = types.draw(rng)
        title, description = generate_report_text(rng, category.code, "{place}", kind)
        if connection.vendor == "postgresql":  # COPY text, escaped once here (bulk_writer)
            title, description = (
                bulk_writer.copy_escape(title),
                bulk_writer.copy_escape(description),
            )
        pool.append((category.pk, category.default_service_class, kind, title, description))
    return bulk_rows.Plan(
        seed=seed,
        now=now.timestamp(),
        batch_size=batch_size,
        pool=pool,
        villages=[(code, name, code.replace(".", "")[:6]) for code, name in villages],
        leads=leads,
        agencies=[pk for pk, _ in agencies],
        taken=frozenset(Report.objects.values_list("tracking_id", flat=True)),
        # Synthetic reports share one code nobody knows: they cannot be followed on /lacak/.
        access_hash=hash_access_code(new_access_code()),
        first={
            "report": bulk_writer.next_id(Report),
            "identity": bulk_writer.next_id(ReporterIdentity),
            "task": bulk_writer.next_id(Task),
            "message": bulk_writer.next_id(CaseMessage),
        },
    )
