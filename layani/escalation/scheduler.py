"""The periodic jobs and their slots: which job is due at ``now``, claimed once per slot.

``tick`` is cheap and idempotent: run it every minute from one or several schedulers (``layani sla
scheduler``, cron, a systemd timer). For each job whose current slot is unclaimed it inserts a
``JobRun`` row and enqueues the job on the task queue; a second scheduler loses the insert and
enqueues nothing. A slot missed during downtime is not replayed: the next slot's run reads the
database and catches up on everything that became due meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import JobRun

#: Digests go out once a day at this local (WIB) hour.
DIGEST_AT = time(7)
#: The retention job (layani/privacy) runs once a day at this local (WIB) hour, when it is quiet.
RETENTION_AT = time(2)
#: The open-data snapshot is written once a day at this local (WIB) hour, after retention.
OPENDATA_AT = time(3)
#: The router's retrain (layani/routing/tasks.py) runs every LAYANI_ROUTING_RETRAIN_DAYS days
#: (default 7) at this local (WIB) hour.
RETRAIN_AT = time(1)
_WIB = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class Job:
    name: str
    slot: Callable[[datetime], str | None]  # None: not due yet at this instant
    enqueue: Callable[[], object]


def _every_minutes(minutes: int) -> Callable[[datetime], str]:
    def slot(now: datetime) -> str:
        utc = now.astimezone(ZoneInfo("UTC"))
        minute = (utc.hour * 60 + utc.minute) // minutes * minutes
        return f"{utc:%Y-%m-%d}T{minute // 60:02d}:{minute % 60:02d}"

    return slot


def _daily_at(at: time) -> Callable[[datetime], str | None]:
    def slot(now: datetime) -> str | None:
        local = now.astimezone(_WIB)
        return local.date().isoformat() if local.time() >= at else None

    return slot


def _every_days(days: int, at: time) -> Callable[[datetime], str | None]:
    """One slot per `days`-day period (counted from 2026-01-05, a Monday), due from `at`."""

    def slot(now: datetime) -> str | None:
        local = now.astimezone(_WIB)
        if local.time() < at:
            return None
        period = (local.date().toordinal() - _EPOCH) // days
        return f"{days}d-{period}"

    return slot


_EPOCH = date(2026, 1, 5).toordinal()


def jobs() -> list[Job]:
    from layani.federation import tasks as federation_tasks
    from layani.intake import tasks as intake_tasks
    from layani.privacy import tasks as privacy_tasks
    from layani.routing import tasks as routing_tasks
    from layani.transparency import tasks as transparency_tasks

    from . import tasks

    sweep_minutes = int(getattr(settings, "LAYANI_SLA_SWEEP_MINUTES", 5))
    rollup_minutes = int(getattr(settings, "LAYANI_ROLLUP_MINUTES", 5))
    retrain_days = max(1, int(getattr(settings, "LAYANI_ROUTING_RETRAIN_DAYS", 7)))
    return [
        Job("sweep", _every_minutes(sweep_minutes), tasks.run_sweep.enqueue),
        Job("checkpoint", _every_minutes(60), tasks.create_audit_checkpoint.enqueue),
        Job("digest", _daily_at(DIGEST_AT), tasks.send_daily_digests.enqueue),
        Job(
            "retention", _daily_at(RETENTION_AT), privacy_tasks.erase_expired_personal_data.enqueue
        ),
        Job(
            "rollup",
            _every_minutes(rollup_minutes),
            transparency_tasks.update_statistics_rollups.enqueue,
        ),
        Job("opendata", _daily_at(OPENDATA_AT), transparency_tasks.write_opendata_snapshot.enqueue),
        Job("counts", _every_minutes(rollup_minutes), tasks.refresh_report_counts.enqueue),
        # The safety net under the intake journal's own kicks (intake.journal.kick).
        Job("journal", _every_minutes(1), intake_tasks.record_journal.enqueue),
        # Retries of forwards to other complaint systems fall due here (federation.delivery).
        Job("federation", _every_minutes(1), federation_tasks.deliver_federation.enqueue),
        Job(
            "retrain",
            _every_days(retrain_days, RETRAIN_AT),
            routing_tasks.retrain_routing_model.enqueue,
        ),
    ]


def claim(job: str, slot: str, now: datetime) -> bool:
    """Claim one slot of a job; False when another scheduler already did."""
    try:
        with transaction.atomic():
            JobRun.objects.create(job=job, slot=slot, claimed_at=now)
    except IntegrityError:
        return False
    return True


def tick(*, now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot nobody has claimed yet; returns the jobs enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        slot = job.slot(now)
        if slot is not None and claim(job.name, slot, now):
            job.enqueue()
            enqueued.append(job.name)
    return enqueued
