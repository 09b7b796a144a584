"""Stopping and restarting a subject's clock (a report on hold waiting for its reporter)."""

from __future__ import annotations

from datetime import datetime

from .calendar import Pause
from .models import ClockPause


def start_pause(subject_ref: str, now: datetime) -> ClockPause:
    """Stop the clock of ``subject_ref``; an already running pause is kept (holding twice is one
    wait for the reporter, not two)."""
    pause, _ = ClockPause.objects.get_or_create(
        subject_ref=subject_ref, ended_at=None, defaults={"started_at": now}
    )
    return pause


def end_pause(subject_ref: str, now: datetime) -> ClockPause | None:
    """Restart the clock; returns the closed pause, or None when the clock was running."""
    pause = ClockPause.objects.filter(subject_ref=subject_ref, ended_at=None).first()
    if pause is None:
        return None
    pause.ended_at = max(now, pause.started_at)
    pause.save(update_fields=["ended_at"])
    return pause


def pauses_of(subject_ref: str, now: datetime) -> list[Pause]:
    """Every pause of the subject as (start, end) spans; a running pause lasts until ``now``."""
    return [
        (p.started_at, p.ended_at or max(now, p.started_at))
        for p in ClockPause.objects.filter(subject_ref=subject_ref)
    ]
