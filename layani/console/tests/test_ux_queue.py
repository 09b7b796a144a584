"""The coordinator's queue as a work tool (issue #20): the router's suggestion on every row, age
and deadline, urgency, duplicates, orders and filters, a constant number of queries, and no
bulk controls for agency staff."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layani.cases import services
from layani.cases.models import Case
from layani.cases.selectors import queue_clocks
from layani.intake.models import Report
from layani.routing.models import RoutingDecision

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_cache")]

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def row_html(html: str, report: Report) -> str:
    """The queue row of `report` (from its link to the end of the row)."""
    start = html.index(reverse("console:case", args=[report.tracking_id]))
    return html[start : html.index("</tr>", start)]


def aged(report: Report, days: int) -> Report:
    Report.objects.filter(pk=report.pk).update(submitted_at=timezone.now() - timedelta(days=days))
    report.refresh_from_db()
    return report


def suggestion_cell(client, report: Report) -> str:
    html = client.get(reverse("console:queue"), **EN).content.decode()
    return row_html(html, report).split("data-suggestion>")[1].split("</td>")[0]


def test_unrouted_reports_get_their_suggestion_from_the_queue(
    client, staff_login, team, make_report
):
    # Suggestions are stored by the periodic sweep (and only for submitted reports); a report it
    # has not reached yet asks the queue for one instead of running the router in the web
    # process, which would load the model's numeric stack into every worker (console.tasks).
    report = make_report()
    assert not RoutingDecision.objects.filter(report=report).exists()
    staff_login(team.coordinator)
    assert suggestion_cell(client, report).strip() == "—"
    # The tests' task backend runs the task at once; a worker would, moments later.
    assert RoutingDecision.objects.filter(report=report, decided_at__isnull=True).exists()
    cell = suggestion_cell(client, report)
    assert "Damaged roads" in cell and "%" in cell


@pytest.fixture
def waiting_tasks(settings):
    """Tasks are queued and wait, as with a real worker (the tests' backend runs them at once)."""
    from django_tasks import default_task_backend

    from layani.console import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    yield default_task_backend
    tasks._asked.clear()


def test_queue_asks_once_for_a_suggestion_while_the_task_waits(
    client, staff_login, team, make_report, waiting_tasks
):
    report = make_report()
    staff_login(team.coordinator)
    assert suggestion_cell(client, report).strip() == "—"
    assert suggestion_cell(client, report).strip() == "—"
    queued = [r for r in waiting_tasks.results if r.task.name == "suggest_reports"]
    assert [r.args for r in queued] == [[[report.pk]]]  # one task, for the one report
    assert not RoutingDecision.objects.filter(report=report).exists()  # the page wrote none


def test_verified_report_keeps_a_suggestion_in_the_queue(client, staff_login, team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    staff_login(team.coordinator)
    suggestion_cell(client, report)  # asks the queue
    cell = suggestion_cell(client, report)
    assert cell.strip() != "—" and "%" in cell


def test_rows_show_age_deadline_urgency_and_duplicates(client, staff_login, team, make_report):
    fresh, old = make_report(), aged(make_report(), 20)
    duplicate = make_report()
    services.merge_report(duplicate, into=fresh, actor=team.coordinator)
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue"), **EN).content.decode()
    fresh_row, old_row = row_html(html, fresh), row_html(html, old)
    assert 'data-age="0"' in fresh_row and "0 working days" in fresh_row
    assert 'data-age="0"' not in old_row and "working days" in old_row
    assert "overdue" in old_row and "overdue" not in fresh_row
    assert " WIB</time>" in fresh_row  # the deadline carries its zone
    assert 'data-duplicates="1"' in fresh_row and "1 duplicate merged" in fresh_row
    assert (
        'data-urgency="overdue"'
        in html.split(reverse("console:case", args=[old.tracking_id]))[0][-400:]
    )
    clock = queue_clocks(
        list(
            Report.objects.filter(pk=old.pk).values(
                "pk",
                "submitted_at",
                "region_id",
                "region__timezone",
                "category__code",
                "category__parent__code",
            )
        ),
        timezone.now(),
    )[old.pk]
    assert clock.overdue and clock.age_days >= 13  # 20 calendar days hold at least 13 working days


def order_of(html: str, reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: html.index(f'value="{r.tracking_id}"'))


def test_orders_and_urgency_filter(client, staff_login, team, make_report):
    newest, middle, oldest = make_report(), aged(make_report(), 2), aged(make_report(), 30)
    reports = [newest, middle, oldest]
    staff_login(team.coordinator)
    url = reverse("console:queue")
    html = client.get(url, **EN).content.decode()
    assert order_of(html, reports) == [oldest, middle, newest]
    html = client.get(url, {"sort": "newest"}, **EN).content.decode()
    assert order_of(html, reports) == [newest, middle, oldest]
    html = client.get(url, {"sort": "overdue"}, **EN).content.decode()
    assert order_of(html, reports)[0] == oldest
    html = client.get(url, {"sort": "deadline"}, **EN).content.decode()
    # Still on time first, soonest deadline first; the overdue one last.
    assert order_of(html, reports) == [middle, newest, oldest]
    html = client.get(url, {"urgency": "overdue"}, **EN).content.decode()
    assert oldest.tracking_id in html
    assert newest.tracking_id not in html and middle.tracking_id not in html


def test_unknown_order_gets_a_message_not_an_error(client, staff_login, team, make_report):
    make_report()
    staff_login(team.coordinator)
    response = client.get(reverse("console:queue"), {"sort": "x'; --", "urgency": "?"}, **EN)
    assert response.status_code == 200
    assert "Unknown order or filter" in response.content.decode()


@pytest.mark.parametrize("sort", ["oldest", "newest", "deadline"])
def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, staff_login, team, make_report, sort, private_cache, waiting_tasks
):
    # The suggestions the unrouted rows ask for wait on the queue (one task, at most one INSERT
    # with the database backend); the tests' backend would run them inside the request.
    staff_login(team.coordinator)
    url = reverse("console:queue")
    first = make_report()
    services.merge_report(make_report(), into=first, actor=team.coordinator)
    client.get(url, {"sort": sort})  # warm the per-process caches (calendars)
    private_cache.clear()  # the waiting count is shared for 30 s: count it in both runs
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"sort": sort}).status_code == 200
    for _ in range(6):
        report = make_report()
        services.verify_report(report, actor=team.coordinator)  # verified, not routed
    aged(make_report(), 10)
    Case.objects.create(report=make_report(), bounced=True)
    private_cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = client.get(url, {"sort": sort}).content.decode()
    assert html.count('name="report"') == 9  # the merged duplicate left the queue
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_agency_staff_see_no_bulk_controls(client, staff_login, team, make_report):
    make_report()
    staff_login(team.admin_pu)
    html = client.get(reverse("console:queue"), **EN).content.decode()
    assert 'name="report"' not in html and "bulk-action" not in html
    assert reverse("console:bulk") not in html or "With the selected reports" not in html
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue"), **EN).content.decode()
    assert "bulk-action" in html and 'name="report"' in html


def test_bulk_feedback_says_what_happened(client, staff_login, team, make_report):
    one, two = make_report(), make_report()
    staff_login(team.coordinator)
    response = client.post(
        reverse("console:bulk"),
        {"action": "verify", "report": [one.tracking_id, two.tracking_id]},
        follow=True,
        **EN,
    )
    assert "2 reports verified." in response.content.decode()
