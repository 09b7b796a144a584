"""Deadlines for reports and tasks on the working-day clock, from the service policies.

Every deadline is computed in the report region's time zone (WIB/WITA/WIT) on its province's
calendar (national holidays, cuti bersama, regional days), with the working days of the most
specific service policy (``layani.sla.policies``), and moved later by the working time the report
spent on hold waiting for its reporter (``layani.sla.pauses``).
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from layani.directory.models import Agency
from layani.intake.models import Report
from layani.sla.calendar import WorkingCalendar
from layani.sla.calendars import calendar_for_province
from layani.sla.models import Stage
from layani.sla.pauses import end_pause, pauses_of, start_pause
from layani.sla.policies import Policy, resolve_policy

from .models import ACTIVE_TASK_STATUSES, Case, Task

#: Referrals on one case before it goes back to the coordinator flagged as bounced.
BOUNCE_AFTER_REFERRALS = 2


def clock_ref(report: Report) -> str:
    """The reference under which the report's clock pauses are kept."""
    return f"report:{report.pk}"


def calendar_for(report: Report) -> WorkingCalendar:
    """The working calendar of the report's province, in its region's time zone."""
    return calendar_for_province(report.region_id[:2], report.region.timezone)


def category_codes(report: Report) -> list[str]:
    """The report's sub-category code, then its main category's (most specific first)."""
    category = report.category
    if category is None:
        return []
    codes = [category.code]
    if category.parent is not None:
        codes.append(category.parent.code)
    return codes


def policy_for(report: Report, stage: str, agency: Agency | None = None) -> Policy:
    """The service policy for one stage of this report (and, for a task, its agency)."""
    return resolve_policy(
        stage,
        service_class=report.service_class if stage == Stage.RESOLUTION else "",
        category_codes=category_codes(report),
        agency_slug=agency.slug if agency is not None else "",
    )


def deadline_after(
    report: Report, start: datetime, working_days: int, *, now: datetime | None = None
) -> datetime:
    """``working_days`` after ``start`` on the report's calendar, moved by its pauses."""
    pauses = pauses_of(clock_ref(report), now or timezone.now())
    return calendar_for(report).add_working_days(start, working_days, pauses=pauses)


def verification_deadline(report: Report, *, now: datetime | None = None) -> datetime:
    """When the coordinator must have decided on a submitted report."""
    days = policy_for(report, Stage.VERIFICATION).working_days
    return deadline_after(report, report.submitted_at, days, now=now)


def first_follow_up_deadline(
    report: Report, agency: Agency, start: datetime, *, now: datetime | None = None
) -> datetime:
    """When an agency given a task at ``start`` must have posted its first follow-up."""
    days = policy_for(report, Stage.FIRST_FOLLOW_UP, agency).working_days
    return deadline_after(report, start, days, now=now)


def resolution_deadline(task: Task, *, now: datetime | None = None) -> datetime:
    """When the agency must have finished its task, by the report's service class."""
    report = task.case.report
    days = policy_for(report, Stage.RESOLUTION, task.agency).working_days
    return deadline_after(report, task.created_at, days, now=now)


def task_deadline(task: Task, *, now: datetime | None = None) -> tuple[str, datetime | None]:
    """The stage a task is in and its current deadline: the first follow-up until one is posted
    (the stored ``due_at``), then the resolution deadline of the report's service class."""
    if task.first_follow_up_at is None:
        return Stage.FIRST_FOLLOW_UP, task.due_at
    return Stage.RESOLUTION, resolution_deadline(task, now=now)


def silence_deadline(case: Case, *, now: datetime | None = None) -> datetime | None:
    """When a proposed closure the reporter did not answer closes by itself."""
    if case.closure_proposed_at is None:
        return None
    days = policy_for(case.report, Stage.SILENCE).working_days
    return deadline_after(case.report, case.closure_proposed_at, days, now=now)


def stop_clock(report: Report, now: datetime) -> None:
    """The report waits for its reporter: its clock stands still from ``now``."""
    start_pause(clock_ref(report), now)


def restart_clock(report: Report, now: datetime) -> None:
    """The reporter answered: the clock runs again, and stored task deadlines move by the paused
    working time (deadlines computed on the fly already include every pause)."""
    if end_pause(clock_ref(report), now) is None:
        return
    for task in Task.objects.filter(
        case_id=report.pk, status__in=ACTIVE_TASK_STATUSES, first_follow_up_at__isnull=True
    ).select_related("agency"):
        task.due_at = first_follow_up_deadline(report, task.agency, task.created_at, now=now)
        task.save(update_fields=["due_at"])
