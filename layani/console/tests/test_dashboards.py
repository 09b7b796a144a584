"""Dashboards: hand-computed figures, and every figure equals the rows behind its link.

The clock is fixed at Thu 17 Sep 2026 10:00 WIB (no holiday from 1 to 17 Sep 2026). Dinas PU's
tasks, each on its own Sleman report submitted when the task was created:

| task | created (= submitted) | working days open | status | officer | due | finished |
|---|---|---|---|---|---|---|
| A | Thu 17 Sep 08:30 | 0 | accepted | petugas_pu | Mon 21 Sep | — |
| B | Mon 14 Sep 09:00 | 3 (14, 15, 16) | accepted | petugas_pu | Wed 16 Sep 16:00 (overdue) | — |
| C | Fri 4 Sep 09:00 | 9 | pending | — | Wed 9 Sep 16:00 (overdue) | — |
| E | Wed 9 Sep 09:00 | 6 | done | petugas_pu | Fri 11 Sep | Tue 15 Sep 11:00 |
| F | Thu 10 Sep 09:00 | 5 | referred | — | Mon 14 Sep | — |
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from layani.cases import services
from layani.cases.models import Task, TaskStatus

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 9, 17, 10, tzinfo=WIB)


def at(day, hour, minute=0):
    return datetime(2026, 9, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def clock(monkeypatch):
    current = [NOW]
    monkeypatch.setattr(timezone, "now", lambda: current[0])
    return current


@pytest.fixture
def pu_tasks(team, make_report, clock):
    def task(created, status, officer, due, finished=None):
        clock[0] = created
        report = make_report()
        services.verify_report(report, actor=team.coordinator, now=created)
        services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu, now=created)
        Task.objects.filter(case_id=report.pk).update(
            status=status, assigned_officer=officer, due_at=due, finished_at=finished
        )
        return Task.objects.get(case_id=report.pk)

    officer = team.officer_pu
    tasks = {
        "A": task(
            at(17, 8, 30), TaskStatus.ACCEPTED, officer, datetime(2026, 9, 21, 16, tzinfo=WIB)
        ),
        "B": task(at(14, 9), TaskStatus.ACCEPTED, officer, at(16, 16)),
        "C": task(at(4, 9), TaskStatus.PENDING, None, at(9, 16)),
        "E": task(at(9, 9), TaskStatus.DONE, officer, at(11, 16), finished=at(15, 11)),
        "F": task(at(10, 9), TaskStatus.REFERRED, None, at(14, 16)),
    }
    clock[0] = NOW
    return tasks


def figures_on(html):
    """(link, number) for every number in the dashboard's tables."""
    links = re.findall(r'<td class="num"><a href="([^"]+)">(\d+)</a></td>', html)
    return [(href.replace("&amp;", "&"), int(n)) for href, n in links]


def rows_behind(client, href):
    response = client.get(href)
    assert response.status_code == 200, href
    return len(re.findall(r'<td><a href="/konsol/laporan/', response.content.decode()))


def test_supervisor_dashboard_figures_are_computed_by_hand(client, staff_login, team, pu_tasks):
    staff_login(team.supervisor)
    html = client.get(reverse("console:agency-dashboard", args=["dpupkp-sleman"])).content.decode()
    figures = dict(figures_on(html))
    inbox = reverse("console:inbox", args=["dpupkp-sleman"])
    ages = ["0-2", "3-5", "6-10", "11-20", "21%2B"]
    # A; B; C (E is done, F referred: not open)
    assert [figures[f"{inbox}?status=active&age={age}"] for age in ages] == [1, 1, 1, 0, 0]
    assert "<svg" in html and "<caption>" in html
    assert figures[f"{inbox}?status=active&overdue=1"] == 2  # B and C
    assert figures[f"{inbox}?status=referred"] == 1  # F
    assert figures[f"{inbox}?status=active&officer={team.officer_pu.pk}"] == 2  # A, B
    assert figures[f"{inbox}?status=active&officer=none"] == 1  # C
    # This week (14-20 Sep): received A and B, finished E; the week before: received E and F.
    assert figures[f"{inbox}?status=&created_from=2026-09-14&created_to=2026-09-20"] == 2
    assert figures[f"{inbox}?status=done&finished_from=2026-09-14&finished_to=2026-09-20"] == 1
    assert figures[f"{inbox}?status=&created_from=2026-09-07&created_to=2026-09-13"] == 2
    assert figures[f"{inbox}?status=&created_from=2026-08-31&created_to=2026-09-06"] == 1


def test_every_agency_figure_equals_the_rows_behind_its_link(client, staff_login, team, pu_tasks):
    staff_login(team.supervisor)
    html = client.get(reverse("console:agency-dashboard", args=["dpupkp-sleman"])).content.decode()
    found = figures_on(html)
    assert len(found) == 5 + 3 + 2 + 16  # ages, alarms, two officers' rows, 8 weeks x 2
    for href, number in found:
        assert rows_behind(client, href) == number, href


def test_coordinator_dashboard_counts_reports_of_the_region(client, staff_login, team, pu_tasks):
    staff_login(team.coordinator)
    html = client.get(reverse("console:dashboard")).content.decode()
    figures = dict(figures_on(html))
    queue = reverse("console:queue")
    # Open reports by working days since submission: A; B and F (5); C (9) and E (6).
    ages = ["0-2", "3-5", "6-10", "11-20", "21%2B"]
    assert [figures[f"{queue}?show=open&age={age}"] for age in ages] == [1, 2, 2, 0, 0]
    assert figures[f"{queue}?show=open"] == 5
    assert figures[f"{queue}?show=overdue"] == 2  # B and C
    assert figures[f"{queue}?show=agency&agency=dpupkp-sleman"] == 3  # A, B, C
    assert figures[f"{queue}?show=received&from=2026-09-14&to=2026-09-20"] == 2  # A, B
    found = figures_on(html)
    assert len(found) == 5 + 4 + 1 + 16  # ages, alarms, one agency, 8 weeks x 2
    for href, number in found:
        assert rows_behind(client, href) == number, href


def test_oversight_sees_what_the_coordinator_sees(client, staff_login, team, pu_tasks):
    staff_login(team.coordinator)
    coordinator = figures_on(client.get(reverse("console:dashboard")).content.decode())
    client.logout()
    staff_login(team.auditor)
    assert figures_on(client.get(reverse("console:dashboard")).content.decode()) == coordinator


def test_dashboards_are_only_for_those_who_manage_or_coordinate(
    client, staff_login, team, pu_tasks
):
    staff_login(team.officer_pu)
    assert (
        client.get(reverse("console:agency-dashboard", args=["dpupkp-sleman"])).status_code == 404
    )
    assert client.get(reverse("console:dashboard")).status_code == 404
    assert client.get(reverse("console:queue") + "?show=open").status_code == 404
    client.logout()
    staff_login(team.supervisor)  # supervisor of PU, not of Dinkes
    assert (
        client.get(reverse("console:agency-dashboard", args=["dinkes-sleman"])).status_code == 404
    )
    client.logout()
    staff_login(team.coordinator_bantul)  # another regency: none of the Sleman reports
    html = client.get(reverse("console:dashboard")).content.decode()
    assert all(n == 0 for _, n in figures_on(html))


def test_bad_drill_down_parameters_get_a_clear_message(client, staff_login, team, pu_tasks):
    staff_login(team.coordinator)
    response = client.get(reverse("console:queue") + "?show=open&age=99")
    assert response.status_code == 400
    assert "99" in response.content.decode()
    response = client.get(reverse("console:queue") + "?show=received&from=kemarin")
    assert response.status_code == 400 and "kemarin" in response.content.decode()
    client.logout()
    staff_login(team.supervisor)
    inbox = reverse("console:inbox", args=["dpupkp-sleman"])
    html = client.get(inbox + "?officer=abc").content.decode()
    assert "flash-error" in html


def test_console_navigation_links_to_the_dashboards(client, staff_login, team, pu_tasks):
    staff_login(team.supervisor)
    html = client.get(reverse("console:inbox", args=["dpupkp-sleman"])).content.decode()
    assert reverse("console:agency-dashboard", args=["dpupkp-sleman"]) in html
    client.logout()
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue")).content.decode()
    assert html.count(f'href="{reverse("console:dashboard")}"') == 1


def test_coordinators_find_the_subject_requests_page_in_the_navigation(team, staff_login):
    link = reverse("console:subject-requests")
    assert link in staff_login(team.coordinator).get(reverse("console:queue")).content.decode()
    assert link not in staff_login(team.officer_pu).get(reverse("console:home")).content.decode()
