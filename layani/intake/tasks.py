"""Queue entry points for intake (adapters over `journal`)."""

from __future__ import annotations

from django_tasks import task

from . import journal


@task()
def record_journal() -> int:
    """Record acknowledged submissions waiting in the intake journal; returns how many."""
    return journal.record_pending().recorded
