"""The filters behind the dashboards' figures, shared with the lists they drill down to.

Every figure on a dashboard is ``len(filtered list)``: the dashboard counts a queryset built here
and links to the inbox or the queue with the same parameters, which build the same queryset here
again. So the number on the dashboard is the number of rows behind its link, by construction.

Two scopes: an agency's tasks (supervisors and agency admins, inbox links) and the reports of a
coordinator's or oversight body's region (queue links). Ages are whole working days on the
scope's calendar: the agency's province, or the national calendar in WIB for a national scope.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from layani.accounts.models import Role, User
from layani.cases import selectors
from layani.cases.models import ACTIVE_TASK_STATUSES, Task
from layani.cases.permissions import region_scope, visible_reports
from layani.directory.models import Agency
from layani.intake.models import FINAL_STATUSES, Report, ReportStatus
from layani.sla.calendar import WorkingCalendar
from layani.sla.calendars import calendar_for_province

#: Backlog age buckets in whole working days open: (key, lowest, highest or None).
AGE_BUCKETS: list[tuple[str, int, int | None]] = [
    ("0-2", 0, 2),
    ("3-5", 3, 5),
    ("6-10", 6, 10),
    ("11-20", 11, 20),
    ("21+", 21, None),
]
AGE_LABELS = {
    "0-2": gettext_lazy("0–2 working days"),
    "3-5": gettext_lazy("3–5 working days"),
    "6-10": gettext_lazy("6–10 working days"),
    "11-20": gettext_lazy("11–20 working days"),
    "21+": gettext_lazy("more than 20 working days"),
}
#: Report lists a coordinator's dashboard links to (``?show=`` on the queue).
SHOWS = ("open", "overdue", "bounced", "referred", "agency", "received", "closed")
WEEKS = 8


class FilterError(ValueError):
    """A drill-down parameter that cannot be understood; the message names it."""


def scope_calendar(region_code: str | None, zone: str | None) -> WorkingCalendar:
    return calendar_for_province((region_code or "")[:2], zone or "Asia/Jakarta")


def agency_calendar(agency: Agency) -> WorkingCalendar:
    region = agency.region
    return scope_calendar(agency.region_id, region.timezone if region else None)


def age_range(
    calendar: WorkingCalendar, today: date, key: str
) -> tuple[datetime | None, datetime | None]:
    """The instants [start, end) within which something began to be ``key`` working days old.

    Age = working days d with start date <= d < today (``working_days_between``), so something
    that began today is 0 days old. Walks back from today one date at a time.
    """
    bucket = next((b for b in AGE_BUCKETS if b[0] == key), None)
    if bucket is None:
        raise FilterError(_("Unknown age group: %(key)s.") % {"key": key})
    low, high = bucket[1], bucket[2]

    def earliest(most: int) -> date:
        """The earliest start date whose age is at most ``most``."""
        day, age = today, 0
        while True:
            before = day - timedelta(days=1)
            older = age + (1 if calendar.is_working_day(before) else 0)
            if older > most:
                return day
            day, age = before, older

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=calendar.zone)

    start = midnight(earliest(high)) if high is not None else None
    end = midnight(earliest(low - 1)) if low > 0 else None
    return start, end


def parse_date(params: Mapping[str, str], name: str) -> date | None:
    value = params.get(name, "")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(
            _("%(name)s must be a date written as YYYY-MM-DD, not “%(value)s”.")
            % {"name": name, "value": value[:20]}
        ) from None


def _range(field: str, params: Mapping[str, str], names: tuple[str, str], zone: ZoneInfo) -> Q:
    """Two parameters (inclusive local dates, first and last) as a filter on ``field``."""
    q = Q()
    first, last = parse_date(params, names[0]), parse_date(params, names[1])
    if first is not None:
        q &= Q(**{f"{field}__gte": datetime.combine(first, time(0), tzinfo=zone)})
    if last is not None:
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
        q &= Q(**{f"{field}__lt": end})
    return q


def filter_tasks(
    tasks: QuerySet[Task], params: Mapping[str, str], agency: Agency, now: datetime
) -> QuerySet[Task]:
    """The inbox's drill-down parameters: age, officer, referred_in, created_*, finished_*."""
    calendar = agency_calendar(agency)
    age = params.get("age", "")
    if age:
        start, end = age_range(calendar, now.astimezone(calendar.zone).date(), age)
        tasks = tasks.filter(status__in=ACTIVE_TASK_STATUSES)
        if start is not None:
            tasks = tasks.filter(created_at__gte=start)
        if end is not None:
            tasks = tasks.filter(created_at__lt=end)
    officer = params.get("officer", "")
    if officer == "none":
        tasks = tasks.filter(assigned_officer__isnull=True)
    elif officer:
        if not officer.isdigit():
            raise FilterError(_("officer must be a number or “none”."))
        tasks = tasks.filter(assigned_officer_id=int(officer))
    if params.get("referred_in") == "1":
        tasks = tasks.filter(referred_from__isnull=False)
    created = _range("created_at", params, ("created_from", "created_to"), calendar.zone)
    finished = _range("finished_at", params, ("finished_from", "finished_to"), calendar.zone)
    return tasks.filter(created).filter(finished)


def inbox_tasks(
    user: User, agency: Agency, params: Mapping[str, str], now: datetime
) -> QuerySet[Task]:
    """What the inbox lists for these parameters: its own filters (status, mine, overdue) and
    the dashboards' drill-down filters. The dashboard counts exactly this."""
    tasks = selectors.agency_inbox(
        user,
        agency,
        status=params.get("status", "active"),
        officer=user if params.get("mine") == "1" else None,
        overdue_at=now if params.get("overdue") == "1" else None,
    )
    return filter_tasks(tasks, params, agency, now)


@dataclass(frozen=True)
class RegionScope:
    """The reports a coordinator or oversight member looks after, and their calendar."""

    reports: QuerySet[Report]
    calendar: WorkingCalendar
    national: bool


def region_scope_for(user: User) -> RegionScope | None:
    """None when the user coordinates and oversees nowhere."""
    scope: Q | None = None
    for role in (Role.COORDINATOR, Role.OVERSIGHT):
        part = region_scope(user, role)
        if part is not None:
            scope = part if scope is None else scope | part
    if scope is None:
        return None
    memberships = user.memberships.filter(
        is_active=True, role__in=(Role.COORDINATOR, Role.OVERSIGHT)
    ).select_related("agency__region")
    codes = [m.agency.region_id for m in memberships]
    national = None in codes
    first = next((m.agency.region for m in memberships if m.agency.region_id), None)
    calendar = scope_calendar(
        None if national or first is None else first.code,
        None if national or first is None else first.timezone,
    )
    return RegionScope(visible_reports(user).filter(scope), calendar, national)


def filter_reports(
    scope: RegionScope, params: Mapping[str, str], now: datetime
) -> QuerySet[Report]:
    """The queue's drill-down lists (``?show=``), each optionally narrowed by ``age``."""
    show = params.get("show", "")
    if show not in SHOWS:
        raise FilterError(_("Unknown list: %(show)s.") % {"show": show[:30]})
    reports = scope.reports
    zone = scope.calendar.zone
    # A positive list rather than NOT IN, so the (status, submitted_at) index serves it.
    still_open = Q(status__in=[s for s in ReportStatus.values if s not in FINAL_STATUSES])
    if show == "open":
        reports = reports.filter(still_open)
        age = params.get("age", "")
        if age:
            start, end = age_range(scope.calendar, now.astimezone(zone).date(), age)
            if start is not None:
                reports = reports.filter(submitted_at__gte=start)
            if end is not None:
                reports = reports.filter(submitted_at__lt=end)
    elif show == "overdue":
        late = Task.objects.filter(status__in=ACTIVE_TASK_STATUSES, due_at__lt=now)
        reports = reports.filter(pk__in=late.values("case_id"))
    elif show == "bounced":
        reports = reports.filter(still_open, case__bounced=True)
    elif show == "referred":
        reports = reports.filter(still_open, case__referral_count__gt=0)
    elif show == "agency":
        agency = Agency.objects.filter(slug=params.get("agency", "")).first()
        if agency is None:
            raise FilterError(
                _("Unknown agency: %(slug)s.") % {"slug": params.get("agency", "")[:80]}
            )
        busy = Task.objects.filter(agency=agency, status__in=ACTIVE_TASK_STATUSES)
        reports = reports.filter(pk__in=busy.values("case_id"))
    elif show == "received":
        reports = reports.filter(_range("submitted_at", params, ("from", "to"), zone))
    else:
        reports = reports.filter(status=ReportStatus.CLOSED).filter(
            _range("closed_at", params, ("from", "to"), zone)
        )
    return reports


def busy_agencies(scope: RegionScope, limit: int) -> list[dict[str, Any]]:
    """Agencies with an open task on the scope's reports, busiest first: per agency its slug,
    short name and ``n``, the number of reports ``filter_reports(show="agency")`` lists."""
    return list(
        Task.objects.filter(status__in=ACTIVE_TASK_STATUSES, case__report__in=scope.reports)
        .values("agency__slug", "agency__short_name")
        .annotate(n=Count("case_id", distinct=True))
        .order_by("-n", "agency__short_name")[:limit]
    )


def weekly_counts(
    rows: QuerySet[Any], field: str, calendar: WorkingCalendar, span: list[tuple[date, date]]
) -> dict[date, int]:
    """How many of ``rows`` have ``field`` in each week of ``span`` (local Monday -> count), in
    one grouped query: the same numbers as one ``_range`` filter per week."""
    start = datetime.combine(span[0][0], time(0), tzinfo=calendar.zone)
    end = datetime.combine(span[-1][1] + timedelta(days=1), time(0), tzinfo=calendar.zone)
    grouped = (
        rows.filter(**{f"{field}__gte": start, f"{field}__lt": end})
        .annotate(week=TruncWeek(field, tzinfo=calendar.zone))
        .values("week")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["week"].astimezone(calendar.zone).date(): row["n"] for row in grouped}


def weeks(calendar: WorkingCalendar, now: datetime, count: int = WEEKS) -> list[tuple[date, date]]:
    """The last ``count`` weeks (Monday to Sunday, local), oldest first, the current one last."""
    today = now.astimezone(calendar.zone).date()
    monday = today - timedelta(days=today.weekday())
    return [
        (monday - timedelta(weeks=k), monday - timedelta(weeks=k) + timedelta(days=6))
        for k in reversed(range(count))
    ]


__all__ = [
    "AGE_BUCKETS",
    "FilterError",
    "RegionScope",
    "busy_agencies",
    "filter_reports",
    "filter_tasks",
    "region_scope_for",
    "weekly_counts",
    "weeks",
]
