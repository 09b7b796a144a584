"""The agency inbox's order read page by page: open tasks of both statuses, soonest deadline first."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone

from layani.cases import services
from layani.cases.models import Task, TaskStatus
from layani.cases.selectors import agency_inbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(team, make_report):
    """Seven tasks of DPUPKP Sleman, each due a day after the last: pending and accepted
    interleaved by deadline (not by creation), and one done task among them."""
    made = []
    for _ in range(7):
        report = make_report()
        services.verify_report(report, actor=team.coordinator)
        services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
        made.append(Task.objects.get(case_id=report.pk, agency=team.dinas_pu))
    start = timezone.now() + timedelta(days=1)
    # Deadlines in the reverse of creation order, so the order comes from due_at alone.
    statuses = ["pending", "accepted", "accepted", "done", "pending", "accepted", "pending"]
    for days, (task, status) in enumerate(zip(reversed(made), statuses, strict=True)):
        Task.objects.filter(pk=task.pk).update(status=status, due_at=start + timedelta(days=days))
    return [t.pk for t in reversed(made)]  # soonest deadline first, the done one included


def test_open_tasks_of_both_statuses_come_out_by_deadline(team, tasks):
    inbox = agency_inbox(team.supervisor, team.dinas_pu)
    expected = [pk for i, pk in enumerate(tasks) if i != 3]  # not the done one
    assert [t.pk for t in inbox] == expected
    assert inbox.count() == 6
    assert {t.status for t in inbox} == {TaskStatus.PENDING, TaskStatus.ACCEPTED}
    assert [t.pk for t in agency_inbox(team.supervisor, team.dinas_pu, status="done")] == [tasks[3]]


def test_pages_of_the_inbox_continue_each_other(team, tasks):
    expected = [pk for i, pk in enumerate(tasks) if i != 3]
    pages = Paginator(agency_inbox(team.supervisor, team.dinas_pu), 4)  # as the console pages
    assert pages.count == 6
    assert [t.pk for t in pages.page(1)] == expected[:4]
    assert [t.pk for t in pages.page(2)] == expected[4:]
    # The API's offset and limit on the same order.
    inbox = agency_inbox(team.supervisor, team.dinas_pu).order_by("due_at", "created_at", "pk")
    assert [t.pk for t in inbox[2:4]] + [t.pk for t in inbox[4:6]] == expected[2:6]


def test_overdue_keeps_open_tasks_past_their_deadline_in_order(team, tasks):
    cutoff = Task.objects.get(pk=tasks[5]).due_at
    overdue = agency_inbox(team.supervisor, team.dinas_pu, status="", overdue_at=cutoff)
    assert [t.pk for t in overdue] == [tasks[0], tasks[1], tasks[2], tasks[4]]


def test_other_agencies_and_outsiders_see_none_of_it(team, tasks):
    assert not agency_inbox(team.supervisor, team.dinkes).exists()
    assert not agency_inbox(team.officer_dinkes, team.dinas_pu).exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_reads_the_open_tasks_from_their_partial_index(team, tasks):
    """The statuses are written into the SQL, so SQLite can prove the partial index applies and
    read the page in index order instead of sorting the agency's open tasks."""
    plan = agency_inbox(team.supervisor, team.dinas_pu).explain()
    assert "task_inbox_active" in plan
    assert "TEMP B-TREE" not in plan
