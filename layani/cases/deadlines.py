"""Deadlines for cases on the working-day clock, in the report's own time zone.

The numbers are the SP4N-LAPOR! defaults; the service-policy tables of the SLA issue will replace
these constants with per-category and per-agency data.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from layani.sla.calendar import WorkingCalendar
from layani.sla.service_classes import DEFAULT_RESOLUTION_DAYS, ServiceClass

VERIFICATION_DAYS = 3
FIRST_FOLLOW_UP_DAYS = 5
SILENCE_BEFORE_AUTO_CLOSE_DAYS = 10
#: Referrals on one case before it goes back to the coordinator flagged as bounced.
BOUNCE_AFTER_REFERRALS = 2


@lru_cache(maxsize=8)
def calendar_for(time_zone: str) -> WorkingCalendar:
    return WorkingCalendar(time_zone)


def due_after(start: datetime, working_days: int, time_zone: str) -> datetime:
    """The end of the `working_days`-th working day after `start`, in `time_zone`."""
    return calendar_for(time_zone).add_working_days(start, working_days)


def resolution_days(service_class: str) -> int:
    return DEFAULT_RESOLUTION_DAYS.get(
        service_class, DEFAULT_RESOLUTION_DAYS[ServiceClass.NORMATIF]
    )
