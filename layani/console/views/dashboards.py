"""Dashboards for supervisors (their agency) and coordinators/oversight (their region).

Every figure links to the list of exactly the cases it counts: the agency's inbox or, for a
region, the queue's drill-down (``?show=``). Counts and lists come from the same functions in
``figures.py``. Live data, scoped and indexed: one agency or one region, a bounded number of
queries (about thirty), never the whole deployment's rows in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from layani.accounts.models import Role, User
from layani.cases import presentation
from layani.cases.permissions import agency_ids
from layani.directory.models import Agency
from layani.intake.models import Report

from .. import figures
from ..charts import column_chart
from .base import staff_view

MANAGERS = (Role.AGENCY_ADMIN, Role.SUPERVISOR)
#: Agencies listed by open tasks on a region's dashboard.
TOP_AGENCIES = 15


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    url: str


def _week_label(first: date, last: date) -> str:
    return f"{first:%d/%m}–{last:%d/%m}"


def _inbox_week(inbox: str, status: str, field: str, first: date, last: date) -> str:
    params = {"status": status, f"{field}_from": first.isoformat(), f"{field}_to": last.isoformat()}
    return f"{inbox}?{urlencode(params)}"


def _queue_week(show: str, first: date, last: date) -> str:
    return _queue_link(show=show, **{"from": first.isoformat(), "to": last.isoformat()})


def _trend_chart(rows: list[tuple[str, Figure, Figure]]) -> object:
    """Columns labelled with the day the week starts (the table has the full range)."""
    return column_chart([(label[:5], [a.value, b.value]) for label, a, b in rows])


def _backlog_chart(rows: list[Figure]) -> object:
    """Columns labelled with the age range in working days (the table says it in words)."""
    keys = [key.replace("-", "–").replace("21+", ">20") for key, _, _ in figures.AGE_BUCKETS]
    return column_chart([(key, [f.value]) for key, f in zip(keys, rows, strict=True)])


def _render_dashboard(
    request: HttpRequest,
    *,
    backlog: list[Figure],
    trends: list[tuple[str, Figure, Figure]],
    **context: object,
) -> HttpResponse:
    """The one dashboard template, for an agency or a region; the charts draw the tables' numbers."""
    context.update(
        backlog=backlog,
        backlog_chart=_backlog_chart(backlog),
        trends=trends,
        trend_chart=_trend_chart(trends),
    )
    return render(request, "console/dashboard.html", context)


@staff_view
def agency_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """A supervisor's or agency admin's view of their agency's tasks."""
    user: User = request.user  # type: ignore[assignment]
    agency = get_object_or_404(Agency.objects.select_related("region"), slug=slug)
    if agency.pk not in agency_ids(user, MANAGERS):
        raise Http404
    now = timezone.now()
    inbox = reverse("console:inbox", args=[agency.slug])

    def figure(label: str, **params: str) -> Figure:
        count = figures.inbox_tasks(user, agency, params, now).count()
        return Figure(label, count, f"{inbox}?{urlencode(params)}")

    backlog = [
        figure(str(figures.AGE_LABELS[key]), status="active", age=key)
        for key, _low, _high in figures.AGE_BUCKETS
    ]
    alarms = [
        figure(_("Open tasks past their deadline"), status="active", overdue="1"),
        figure(_("Open tasks received by referral"), status="active", referred_in="1"),
        figure(_("Tasks referred onward by this agency"), status="referred"),
    ]
    active = figures.inbox_tasks(user, agency, {"status": "active"}, now)
    per_officer = (
        active.values("assigned_officer", "assigned_officer__username")
        .annotate(n=Count("pk"))
        .order_by("-n", "assigned_officer__username")
    )
    workload = [
        Figure(
            row["assigned_officer__username"] or _("Not assigned yet"),
            row["n"],
            f"{inbox}?{urlencode({'status': 'active', 'officer': row['assigned_officer'] or 'none'})}",
        )
        for row in per_officer
    ]
    calendar = figures.agency_calendar(agency)
    span = figures.weeks(calendar, now)
    received = figures.weekly_counts(
        figures.inbox_tasks(user, agency, {"status": ""}, now), "created_at", calendar, span
    )
    finished = figures.weekly_counts(
        figures.inbox_tasks(user, agency, {"status": "done"}, now), "finished_at", calendar, span
    )
    trends = [
        (
            _week_label(first, last),
            Figure(
                _("Received"),
                received.get(first, 0),
                _inbox_week(inbox, "", "created", first, last),
            ),
            Figure(
                _("Finished"),
                finished.get(first, 0),
                _inbox_week(inbox, "done", "finished", first, last),
            ),
        )
        for first, last in span
    ]
    return _render_dashboard(
        request,
        title=agency.short_name,
        agency=agency,
        backlog=backlog,
        alarms=alarms,
        workload=workload,
        trends=trends,
        now=now,
        received_label=_("Tasks received"),
        closed_label=_("Tasks finished"),
    )


def _queue_link(**params: str) -> str:
    return f"{reverse('console:queue')}?{urlencode(params)}"


@staff_view
def region_dashboard(request: HttpRequest) -> HttpResponse:
    """A coordinator's or oversight member's view of the reports of their region."""
    user: User = request.user  # type: ignore[assignment]
    scope = figures.region_scope_for(user)
    if scope is None:
        raise Http404
    now = timezone.now()

    def figure(label: str, **params: str) -> Figure:
        return Figure(
            label, figures.filter_reports(scope, params, now).count(), _queue_link(**params)
        )

    backlog = [
        figure(str(figures.AGE_LABELS[key]), show="open", age=key)
        for key, _low, _high in figures.AGE_BUCKETS
    ]
    alarms = [
        figure(_("Open reports"), show="open"),
        figure(_("Reports with a task past its deadline"), show="overdue"),
        figure(
            _("Bounced reports (referred too often, back with the coordinator)"), show="bounced"
        ),
        figure(_("Open reports referred at least once"), show="referred"),
    ]
    workload = [
        Figure(
            row["agency__short_name"],
            row["n"],
            _queue_link(show="agency", agency=row["agency__slug"]),
        )
        for row in figures.busy_agencies(scope, TOP_AGENCIES)
    ]
    span = figures.weeks(scope.calendar, now)
    received = figures.weekly_counts(
        figures.filter_reports(scope, {"show": "received"}, now),
        "submitted_at",
        scope.calendar,
        span,
    )
    closed = figures.weekly_counts(
        figures.filter_reports(scope, {"show": "closed"}, now), "closed_at", scope.calendar, span
    )
    trends = [
        (
            _week_label(first, last),
            Figure(_("Received"), received.get(first, 0), _queue_week("received", first, last)),
            Figure(_("Closed"), closed.get(first, 0), _queue_week("closed", first, last)),
        )
        for first, last in span
    ]
    return _render_dashboard(
        request,
        title=_("Whole deployment") if scope.national else _("Your region"),
        agency=None,
        backlog=backlog,
        alarms=alarms,
        workload=workload,
        trends=trends,
        now=now,
        received_label=_("Reports received"),
        closed_label=_("Reports closed"),
    )


def drilldown(request: HttpRequest, user: User) -> HttpResponse:
    """The queue's drill-down lists: the reports behind one figure of the region dashboard."""
    scope = figures.region_scope_for(user)
    if scope is None:
        raise Http404
    now: datetime = timezone.now()
    status = 200
    try:
        reports = figures.filter_reports(scope, request.GET, now)
    except figures.FilterError as error:
        messages.error(request, str(error))
        reports, status = Report.objects.none(), 400
    reports = reports.select_related("category", "region", "case").order_by("submitted_at", "pk")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    # A region's coordinators and oversight read its reports as written (cases.presentation).
    shown = list(page.object_list)
    titles = presentation.titles(presentation.Audience.REVEALED, shown)
    context = {
        "page": page,
        "rows": list(zip(shown, titles, strict=True)),
        "query": params.urlencode(),
    }
    return render(request, "console/drilldown.html", context, status=status)
