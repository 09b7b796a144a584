"""Shared steps of the case services: locking, actor checks, auditing, notifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import User
from layani.audit.models import Visibility
from layani.audit.services import record
from layani.intake.models import FINAL_STATUSES, Report, ReportStatus

from ..deadlines import restart_clock, stop_clock
from ..models import Case
from ..permissions import actors_for
from ..workflow import Actor, ReportAction, WorkflowError, check_report_move


def locked_case(report: Report) -> Case:
    """The report (re-read and row-locked) and its case, created on first use.

    Locking the report row serialises concurrent moves on one case on PostgreSQL; SQLite's
    IMMEDIATE transactions already do.
    """
    fresh = Report.objects.select_for_update().get(pk=report.pk)
    report.status = fresh.status
    case, _ = Case.objects.get_or_create(report=fresh)
    case.report = fresh
    return case


def require(user: User | None, report: Report, wanted: Actor, **kwargs: Any) -> None:
    """Refuse unless `user` may act as `wanted` on `report` (SYSTEM and REPORTER skip the check:
    the worker has no user, and the reporter proves themselves with the access code upstream)."""
    if wanted in (Actor.SYSTEM, Actor.REPORTER):
        return
    if user is None or wanted not in actors_for(user, report, **kwargs):
        raise WorkflowError("forbidden", "You may not take this step on this report.")


def move_report(
    case: Case, action: ReportAction, actor: Actor, user: User | None, now: datetime
) -> str:
    """Check the table, require the capacity, set the new status. Returns the old status."""
    report = case.report
    target = check_report_move(action, report.status, actor)
    require(user, report, actor)
    old = report.status
    report.status = target
    report.updated_at = now
    # A report is closed exactly while it is in a final state (an appeal reopens it).
    report.closed_at = now if target in FINAL_STATUSES else None
    report.save(update_fields=["status", "updated_at", "closed_at"])
    # The clock stands still exactly while the report waits for its reporter, whichever move
    # ends the wait (an answer, or the coordinator deciding anyway).
    if target == ReportStatus.ON_HOLD:
        stop_clock(report, now)
    elif old == ReportStatus.ON_HOLD:
        restart_clock(report, now)
    return old


def actor_ref(user: User | None) -> str:
    return f"user:{user.pk}" if user is not None else "system"


def audit(
    case: Case,
    action: str,
    user: User | None,
    now: datetime,
    *,
    public: bool = False,
    actor: str | None = None,
    **payload: Any,
) -> None:
    """Record the event on the report's chain; public events feed the citizen's timeline."""
    visible = public and case.report.is_public
    record(
        action,
        actor_ref=actor or actor_ref(user),
        object_type="report",
        object_ref=case.report.tracking_id,
        payload=payload,
        visibility=Visibility.PUBLIC if visible else Visibility.INTERNAL,
        now=now,
    )


def after_commit(func: Callable[[], None]) -> None:
    """Run a side effect (notification, webhook) only once the change is durable."""
    transaction.on_commit(func)


def now_or(now: datetime | None) -> datetime:
    return now or timezone.now()
