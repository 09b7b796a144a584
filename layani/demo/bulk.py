"""Bulk synthetic history for benchmarks: a million reports in minutes, not hours.

Unlike the demo (which plays every report through the real services), this writes rows directly
in large batches: reports with identities, cases and tasks for the reports that reached handling,
spread over every regency, three years and every stage. Texts are drawn from a pool made by the
demo generator and varied with a place and a number, so they are realistic but cheap. No audit
entries are written: the chain stays valid, and benchmarks of the audit log seed it themselves.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from layani.cases.models import Case, Task, TaskRole, TaskStatus
from layani.directory.models import Agency, Category, Region
from layani.intake.models import FINAL_STATUSES, Report, ReporterIdentity, ReportStatus
from layani.intake.tracking import hash_access_code, new_access_code, new_tracking_id

from .people import fake_identity
from .reports import CHANNEL_WEIGHTS, PRIVACY_WEIGHTS, TYPE_WEIGHTS, _pick, _status_for_age
from .texts import SUPPORTED_CATEGORIES, generate_report_text

YEARS = 3
TEXT_POOL = 20_000


def seed_reports(
    count: int,
    *,
    seed: int = 1,
    batch_size: int = 5000,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `count` synthetic reports (with identities, cases and tasks); returns how many."""
    rng = random.Random(seed)  # nosec B311
    now = now or timezone.now()
    categories = {c.code: c for c in Category.objects.filter(code__in=SUPPORTED_CATEGORIES)}
    codes = sorted(categories)
    villages = list(Region.objects.filter(level=4).values_list("code", "name"))
    agencies = list(Agency.objects.exclude(kind="oversight").values_list("pk", flat=True))
    if not villages or not categories or not agencies:
        raise LookupError("Load regions and categories and create agencies first.")
    pool = [
        (code, *generate_report_text(rng, code, "{place}", rng.choice(list(TYPE_WEIGHTS))))
        for code in (rng.choice(codes) for _ in range(min(TEXT_POOL, max(count, 100))))
    ]
    taken = set(Report.objects.values_list("tracking_id", flat=True))
    access_hash = hash_access_code(new_access_code())  # synthetic reports share one unusable code
    written = 0
    while written < count:
        size = min(batch_size, count - written)
        with transaction.atomic():
            _write_batch(rng, size, now, pool, categories, villages, agencies, taken, access_hash)
        written += size
        if progress:
            progress(size)
    return written


def _write_batch(
    rng: random.Random,
    size: int,
    now: datetime,
    pool: list[tuple[str, str, str]],
    categories: dict[str, Category],
    villages: list[tuple[str, str]],
    agencies: list[int],
    taken: set[str],
    access_hash: str,
) -> None:
    reports, stages = [], []
    for _ in range(size):
        code, title, description = rng.choice(pool)
        village_code, village_name = rng.choice(villages)
        age = YEARS * 365 * (1 - rng.random() ** 0.6)
        submitted = now - timedelta(days=age, minutes=rng.randint(0, 900))
        status = _status_for_age(rng, age)
        tracking_id = new_tracking_id()
        while tracking_id in taken:
            tracking_id = new_tracking_id()
        taken.add(tracking_id)
        category = categories[code]
        updated = submitted + timedelta(days=min(age, rng.uniform(0.5, 25)))
        reports.append(
            Report(
                tracking_id=tracking_id,
                access_code_hash=access_hash,
                type=_pick(rng, TYPE_WEIGHTS),
                title=title.replace("{place}", village_name)[:200],
                description=f"{description.replace('{place}', village_name)} ({rng.randint(1, 99)})",
                category=category,
                region_id=village_code,
                privacy=_pick(rng, PRIVACY_WEIGHTS),
                channel=_pick(rng, CHANNEL_WEIGHTS),
                status=status,
                service_class=""
                if status == ReportStatus.SUBMITTED
                else category.default_service_class,
                submitted_at=submitted,
                updated_at=updated,
                closed_at=updated if status in FINAL_STATUSES else None,
            )
        )
        stages.append((status, submitted, updated))
    Report.objects.bulk_create(reports)
    ReporterIdentity.objects.bulk_create(
        ReporterIdentity(
            report=r,
            name=i.name,
            nik=i.nik,
            phone=i.phone,
            email=i.email,
            show_name_publicly=i.show_name_publicly,
        )
        for r in reports
        for i in [fake_identity(rng, r.region_id, show_name=False)]
    )
    cases, tasks = [], []
    for report, (status, submitted, updated) in zip(reports, stages, strict=True):
        if status == ReportStatus.SUBMITTED:
            continue
        handled = status in (
            ReportStatus.IN_PROGRESS,
            ReportStatus.CLOSURE_PROPOSED,
            ReportStatus.CLOSED,
        )
        lead = rng.choice(agencies) if handled else None
        case = Case(report=report, lead_agency_id=lead, verified_at=submitted + timedelta(hours=6))
        if status == ReportStatus.CLOSED:
            case.outcome = "resolved"
            case.rating = rng.choices([None, 1, 2, 3, 4, 5], weights=[30, 4, 6, 12, 24, 24])[0]
        cases.append(case)
        if lead is not None:
            open_task = status == ReportStatus.IN_PROGRESS
            tasks.append(
                Task(
                    case=case,
                    agency_id=lead,
                    role=TaskRole.LEAD,
                    status=TaskStatus.ACCEPTED if open_task else TaskStatus.DONE,
                    created_at=submitted + timedelta(hours=8),
                    due_at=submitted + timedelta(days=7),
                    first_follow_up_at=updated if not open_task or rng.random() < 0.5 else None,
                    finished_at=None if open_task else updated,
                )
            )
    Case.objects.bulk_create(cases)
    Task.objects.bulk_create(tasks)
