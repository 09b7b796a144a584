"""Reads for the console: queues, inboxes, workloads, timelines — joins done, scope applied."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import overload

from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency
from layani.intake.models import Report, ReportStatus
from layani.sla.calendar import WorkingCalendar
from layani.sla.calendars import calendar_for_province
from layani.sla.models import ClockPause, ServicePolicy, Stage

# The policies' own precedence rule, applied to rows read once for a whole page.
from layani.sla.policies import Policy, default_policy, most_specific

from .models import ACTIVE_TASK_STATUSES, Case, Task
from .permissions import agency_ids, region_scope, visible_reports

#: What waits for the coordinator: new (or answered) reports, and verified ones not yet disposed
#: (bounced reports come back as verified). A partial index on ``submitted_at`` covers them.
WAITING = [ReportStatus.SUBMITTED, ReportStatus.VERIFIED]


def _written_out(word: str) -> RawSQL:
    """A constant written into the SQL as a literal instead of being bound as a parameter."""
    if not word.isidentifier():  # only our own status names, never user input
        raise ValueError(f"not a plain word: {word!r}")
    return RawSQL(f"'{word}'", ())  # noqa: S611  # nosec B611


#: The open tasks, as ``status IN ('pending', 'accepted')`` with the statuses written out: SQLite
#: uses a partial index only when the query's WHERE repeats its condition, which bound values
#: (``status IN (?, ?)``) do not; then the inbox walks ``task_inbox_active`` in its order and
#: stops at the page instead of sorting the agency's open tasks (docs/benchmarks.md). Same order
#: as the index condition (cases/models.py); PostgreSQL plans it as before.
ACTIVE_TASKS = Q(status__in=[_written_out(status) for status in ACTIVE_TASK_STATUSES])


class QueueOrder(Sequence[int]):
    """The queue's report ids in its order — bounced first, then oldest first — for a paginator.

    The same order as ``order_by("-case__bounced", "submitted_at")`` without joining every
    waiting report to its case to sort them: the bounced few come from their partial index, the
    rest are read in ``submitted_at`` order from the waiting reports' partial index, one page at a
    time (docs/benchmarks.md: the joined sort was most of the page's time at a million reports).
    """

    def __init__(
        self,
        reports: QuerySet[Report],
        count: Callable[[QuerySet[Report]], int] = QuerySet.count,
    ) -> None:
        """`count` counts the waiting reports that were not bounced; the console passes a cached
        count (`intake.selectors.cached_count`), the bounced few are always read live."""
        bounced_cases = Case.objects.filter(bounced=True).values("report_id")
        self._bounced = list(
            reports.filter(pk__in=bounced_cases)
            .order_by("submitted_at", "pk")
            .values_list("pk", flat=True)
        )
        rest = reports.exclude(pk__in=self._bounced)
        self._rest_count = count(rest)
        # One ordered read per status, merged here: `status = %s` lets SQLite walk the
        # (status, submitted_at) index in order and stop at the page, which it cannot do for
        # `status IN (%s, %s)` with bound values (it then scans every report by date).
        self._by_status = [rest.filter(status=status) for status in WAITING]

    def __len__(self) -> int:
        return len(self._bounced) + self._rest_count

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        head = self._bounced[start:stop]
        first = max(start - len(self._bounced), 0)
        last = stop - len(self._bounced)
        if last <= first:
            return head
        runs = [
            list(part.order_by("submitted_at", "pk").values_list("submitted_at", "pk")[:last])
            for part in self._by_status
        ]
        merged = heapq.merge(*runs)
        return head + [pk for _when, pk in itertools.islice(merged, first, last)]


def coordinator_queue(user: User) -> QuerySet[Report]:
    """What the coordinator must decide: new and answered reports, and bounced ones, oldest first."""
    scope = region_scope(user, Role.COORDINATOR)
    if scope is None:
        return Report.objects.none()
    return (
        Report.objects.filter(scope)
        .filter(status__in=WAITING)
        .order_by("-case__bounced", "submitted_at")
    )


def agency_inbox(
    user: User,
    agency: Agency,
    *,
    status: str = "active",
    officer: User | None = None,
    overdue_at: object = None,
) -> QuerySet[Task]:
    """The agency's tasks, soonest deadline first; only for the agency's own staff."""
    if agency.pk not in agency_ids(user):
        return Task.objects.none()
    tasks = Task.objects.filter(agency=agency).select_related(
        "case__report",
        "case__report__category",
        "case__report__region",
        "assigned_officer",
        "assigned_unit",
    )
    if status == "active":
        tasks = tasks.filter(ACTIVE_TASKS)
    elif status:
        tasks = tasks.filter(status=status)
    if officer is not None:
        tasks = tasks.filter(assigned_officer=officer)
    if overdue_at is not None:
        tasks = tasks.filter(ACTIVE_TASKS, due_at__lt=overdue_at)
    return tasks.order_by("due_at", "created_at")


def officer_workload(agency: Agency) -> list[tuple[User, int]]:
    """Each officer of the agency with the number of open tasks assigned to them."""
    officers = User.objects.filter(
        memberships__agency=agency, memberships__role=Role.OFFICER, memberships__is_active=True
    ).annotate(
        open_tasks=Count(
            "assigned_tasks",
            filter=Q(
                assigned_tasks__agency=agency, assigned_tasks__status__in=ACTIVE_TASK_STATUSES
            ),
        )
    )
    return [(o, o.open_tasks) for o in officers.order_by("-open_tasks", "username")]


def case_tasks(report: Report) -> QuerySet[Task]:
    return Task.objects.filter(case_id=report.pk).select_related(
        "agency", "assigned_unit", "assigned_officer"
    )


def searchable_reports(user: User, query: str = "") -> QuerySet[Report]:
    """Staff search: only within what the user may open."""
    reports = visible_reports(user)
    if query:
        reports = reports.filter(Q(title__icontains=query) | Q(tracking_id=query.upper()))
    return reports


def staff_agencies(user: User) -> QuerySet[Agency]:
    return Agency.objects.filter(
        pk__in=Membership.objects.filter(user=user, is_active=True).values("agency_id")
    )


# -- the queue's clocks ----------------------------------------------------------------------

#: How many of the oldest waiting reports the queue reads when it sorts or filters by deadline:
#: a deadline depends on the category's policy, the province's calendar and the clock's pauses,
#: so it is computed here in Python, not in the database (docs/benchmarks.md for the queue's
#: budget). The oldest reports are the ones whose deadlines come first.
DEADLINE_WINDOW = 2000


@dataclass(frozen=True)
class QueueClock:
    """A waiting report's verification clock: age in working days and its current deadline."""

    age_days: int
    due: datetime
    overdue: bool
    #: Due before the end of the next working day (and not overdue yet).
    due_soon: bool
    time_zone: str


#: What `queue_clocks` reads per report (with `values()`).
CLOCK_FIELDS = (
    "pk",
    "submitted_at",
    "region_id",
    "region__timezone",
    "category__code",
    "category__parent__code",
)


def queue_clocks(values: Sequence[dict], now: datetime) -> dict[int, QueueClock]:
    """Each report's verification clock (`values`: dicts with CLOCK_FIELDS), in a constant number
    of queries whatever the number of reports: the policies and pauses are read once for all, the
    calendars once per province. The same rule as ``deadlines.verification_deadline``."""
    if not values:
        return {}
    rows = list(ServicePolicy.objects.filter(stage=Stage.VERIFICATION, service_class=""))
    pauses: dict[str, list[tuple[datetime, datetime]]] = {}
    refs = [f"report:{v['pk']}" for v in values]
    for pause in ClockPause.objects.filter(subject_ref__in=refs):
        end = pause.ended_at or max(now, pause.started_at)
        pauses.setdefault(pause.subject_ref, []).append((pause.started_at, end))
    policies: dict[tuple[str, ...], Policy] = {}
    calendars: dict[tuple[str, str], WorkingCalendar] = {}
    clocks = {}
    for v in values:
        codes = tuple(c for c in (v["category__code"], v["category__parent__code"]) if c)
        if codes not in policies:
            fitting = [r for r in rows if r.category_code in (*codes, "") and r.agency_slug == ""]
            best = most_specific(fitting, codes)
            policies[codes] = (
                Policy(best.working_days) if best else default_policy(Stage.VERIFICATION)
            )
        key = (v["region_id"][:2], v["region__timezone"])
        if key not in calendars:
            calendars[key] = calendar_for_province(*key)
        calendar = calendars[key]
        due = calendar.add_working_days(
            v["submitted_at"],
            policies[codes].working_days,
            pauses=pauses.get(f"report:{v['pk']}", []),
        )
        overdue = due < now
        soon_limit = calendar.add_working_days(now, 1)
        clocks[v["pk"]] = QueueClock(
            age_days=max(calendar.working_days_between(v["submitted_at"], now), 0),
            due=due,
            overdue=overdue,
            due_soon=not overdue and due <= soon_limit,
            time_zone=v["region__timezone"],
        )
    return clocks


def merged_duplicate_counts(report_ids: Sequence[int]) -> dict[int, int]:
    """How many reports were merged into each of `report_ids` as duplicates (one query)."""
    rows = (
        Case.objects.filter(merged_into_id__in=list(report_ids))
        .values("merged_into_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["merged_into_id"]: row["n"] for row in rows}


def waiting_by_deadline(
    reports: QuerySet[Report], now: datetime, *, order: str, urgency: str = ""
) -> list[int]:
    """The ids of the `DEADLINE_WINDOW` oldest waiting `reports`, ordered by their verification
    deadline: ``order="deadline"`` — due soonest first among those still on time, then the
    overdue ones; ``order="overdue"`` — the most overdue first. `urgency` keeps only
    ``"overdue"`` or ``"soon"`` (due by the end of the next working day) reports."""
    values = list(reports.order_by("submitted_at", "pk").values(*CLOCK_FIELDS)[:DEADLINE_WINDOW])
    clocks = queue_clocks(values, now)
    ids = [v["pk"] for v in values]
    if urgency == "overdue":
        ids = [pk for pk in ids if clocks[pk].overdue]
    elif urgency == "soon":
        ids = [pk for pk in ids if clocks[pk].due_soon]
    if order == "overdue":
        return sorted(ids, key=lambda pk: (not clocks[pk].overdue, clocks[pk].due))
    return sorted(ids, key=lambda pk: (clocks[pk].overdue, clocks[pk].due))
