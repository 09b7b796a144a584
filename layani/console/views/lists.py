"""Queues and inboxes: where staff find their work."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.accounts.models import Role, User
from layani.accounts.selectors import landing_membership
from layani.cases import presentation, selectors
from layani.cases.models import Task
from layani.cases.permissions import agency_ids
from layani.directory.models import Agency
from layani.intake.selectors import cached_count

from .. import figures
from ..models import SavedView
from ..rows import INBOX_FIELDS, QUEUE_FIELDS, inbox_rows, queue_rows
from ..tasks import ask_for_suggestions
from .base import staff_view
from .dashboards import drilldown


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to the page made for their role (accounts.selectors.LANDING_ORDER): the
    queue for coordinators, the region's dashboard for oversight (Inspektorat), the agency's
    dashboard for supervisors, the agency's inbox for agency admins, and their own tasks in the
    inbox for officers."""
    user: User = request.user  # type: ignore[assignment]
    membership = landing_membership(user)
    if membership is None:  # staff_view lets only members in
        raise Http404
    if membership.role == Role.COORDINATOR:
        return redirect("console:queue")
    if membership.role == Role.OVERSIGHT:
        return redirect("console:dashboard")
    if membership.role == Role.SUPERVISOR:
        return redirect("console:agency-dashboard", slug=membership.agency.slug)
    if membership.role == Role.AGENCY_ADMIN:  # accepts and delegates the agency's open tasks
        return redirect("console:inbox", slug=membership.agency.slug)
    return redirect(f"{reverse('console:inbox', args=[membership.agency.slug])}?mine=1")


#: How long the queue's "N reports wait" may lag a status change (docs/benchmarks.md).
QUEUE_COUNT_SECONDS = 30


#: The queue's orders and urgency filters, as the page's controls offer them.
QUEUE_SORTS = ("oldest", "newest", "deadline", "overdue")
QUEUE_URGENCIES = ("", "overdue", "soon")


@staff_view
def queue(request: HttpRequest) -> HttpResponse:
    """The coordinator's queue: new, answered, verified-not-disposed and bounced reports."""
    user: User = request.user  # type: ignore[assignment]
    if "show" in request.GET:  # a dashboard's drill-down: figures.py
        return drilldown(request, user)
    reports = selectors.coordinator_queue(user)
    sort = request.GET.get("sort", "oldest")
    urgency = request.GET.get("urgency", "")
    if sort not in QUEUE_SORTS or urgency not in QUEUE_URGENCIES:
        messages.error(request, _("Unknown order or filter; the queue is shown oldest first."))
        sort, urgency = "oldest", ""
    now = timezone.now()
    order: Sequence[int]
    if sort == "oldest" and not urgency:
        # The page's ids first (in the queue's order, from two partial indexes), then the 50 rows
        # with their joins: joining category, region and suggestion for thousands of rows only
        # to sort them cost most of the page's time at a million reports (docs/benchmarks.md).
        # "N reports wait" counted tens of thousands of index entries on every view; the count
        # is now shared for QUEUE_COUNT_SECONDS per coordinator and newest report.
        order = selectors.QueueOrder(
            reports,
            lambda waiting: cached_count(waiting, f"console:queue:{user.pk}", QUEUE_COUNT_SECONDS),
        )
    elif sort == "newest" and not urgency:
        order = cast(
            Sequence[int],
            reports.order_by("-submitted_at", "-pk").values_list("pk", flat=True),
        )
    else:  # by deadline, among the oldest DEADLINE_WINDOW waiting reports
        order = selectors.waiting_by_deadline(
            reports, now, order="overdue" if sort == "overdue" else "deadline", urgency=urgency
        )
    page = Paginator(order, 50).get_page(request.GET.get("page"))
    ids = list(page.object_list)
    # Unordered: the rows are put in the page's order here, so PostgreSQL need not sort them.
    shown = reports.filter(pk__in=ids).order_by().values(*QUEUE_FIELDS)
    by_pk = {row["pk"]: row for row in shown}
    values = [by_pk[pk] for pk in ids if pk in by_pk]
    # Rows without a stored suggestion ask the queue for one (the next view shows it): running the
    # router here would load its model and numeric stack into every web worker (console.tasks).
    unrouted = [v["pk"] for v in values if v["routing_decision__category_confidence"] is None]
    if unrouted:
        ask_for_suggestions(unrouted)
    # The queue is the region's coordinators': they read reports as written (cases.presentation).
    rows = queue_rows(
        values,
        presentation.Audience.REVEALED,
        clocks=selectors.queue_clocks(values, now),
        duplicates=selectors.merged_duplicate_counts(ids),
    )
    context = {
        "page": page,
        "rows": rows,
        "sort": sort,
        "urgency": urgency,
        "windowed": not (sort in ("oldest", "newest") and not urgency),
        "window": selectors.DEADLINE_WINDOW,
        # Bulk verify and archive are the coordinator's; agency staff see no such controls.
        "can_bulk": user.memberships.filter(role=Role.COORDINATOR, is_active=True).exists(),
    }
    return render(request, "console/queue.html", context)


@staff_view
def inbox(request: HttpRequest, slug: str) -> HttpResponse:
    """An agency's tasks with filters (status, mine, overdue) and the user's saved views."""
    user: User = request.user  # type: ignore[assignment]
    agency = get_object_or_404(Agency, slug=slug)
    if agency.pk not in agency_ids(user):
        raise Http404
    status = request.GET.get("status", "active")
    mine = request.GET.get("mine") == "1"
    overdue = request.GET.get("overdue") == "1"
    now = timezone.now()
    try:  # the dashboards' drill-down parameters too (age, officer, dates): figures.py
        tasks = figures.inbox_tasks(user, agency, request.GET, now)
    except figures.FilterError as error:
        messages.error(request, str(error))
        tasks = Task.objects.none()
    # Only the columns the rows show: planning the selector's seven-table join took PostgreSQL
    # 17 ms per page at a million reports, ten times the query itself (docs/benchmarks.md).
    # The page is counted without joins and its 50 rows read with them.
    page = Paginator(tasks, 50).get_page(request.GET.get("page"))
    saved = SavedView.objects.filter(user=user, agency=agency)
    context = {
        "agency": agency,
        "page": page,
        "rows": inbox_rows(list(cast(QuerySet[Task], page.object_list).values(*INBOX_FIELDS)), now),
        "status": status,
        "mine": mine,
        "overdue": overdue,
        "saved_views": saved,
    }
    return render(request, "console/inbox.html", context)


@staff_view
def save_view(request: HttpRequest, slug: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    agency = get_object_or_404(Agency, slug=slug)
    if request.method != "POST" or agency.pk not in agency_ids(user):
        raise Http404
    name = request.POST.get("name", "").strip()[:80]
    query = request.POST.get("query", "")[:300]
    if not name:
        messages.error(request, _("Give the view a name."))
    else:
        SavedView.objects.update_or_create(
            user=user, agency=agency, name=name, defaults={"query": query}
        )
        messages.success(request, _("View saved."))
    return redirect(f"{reverse('console:inbox', args=[agency.slug])}?{query}")


@staff_view
def workload(request: HttpRequest, slug: str) -> HttpResponse:
    """Open tasks per officer, so an admin can share the work fairly."""
    user: User = request.user  # type: ignore[assignment]
    agency = get_object_or_404(Agency, slug=slug)
    if agency.pk not in agency_ids(user, (Role.AGENCY_ADMIN, Role.SUPERVISOR)):
        raise Http404
    rows = selectors.officer_workload(agency)
    top = max((n for _, n in rows), default=0)
    context = {
        "agency": agency,
        "rows": [(o, n, round(100 * n / top) if top else 0) for o, n in rows],
    }
    return render(request, "console/workload.html", context)
