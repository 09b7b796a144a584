"""The sweep: each reminder and escalation fires once, missed runs are caught up, silence closes."""

import threading
from datetime import datetime

import pytest
from django.db import connection

from layani.audit.models import AuditEntry
from layani.cases import services
from layani.escalation.models import Escalation, Level
from layani.escalation.sweep import sweep
from layani.intake.models import ReportStatus
from layani.notifications.models import Notification

from .conftest import DISPOSED_AT, WIB

FRIDAY_EVENING = datetime(2026, 1, 9, 17, tzinfo=WIB)  # one working day before the deadline
DUE_PASSED = datetime(2026, 1, 12, 16, 30, tzinfo=WIB)
THREE_DAYS_LATE = datetime(2026, 1, 15, 16, 30, tzinfo=WIB)


def _recipients(event):
    return sorted(Notification.objects.filter(event=event).values_list("recipient_ref", flat=True))


def _ref(*users):
    return sorted(f"user:{u.pk}" for u in users)


@pytest.mark.django_db
def test_nothing_fires_while_the_deadline_is_far(disposed):
    assert sweep(now=DISPOSED_AT) == {"notifications_queued": 0}
    assert not Escalation.objects.exists()


@pytest.mark.django_db
def test_reminder_then_supervisor_then_coordinator_and_oversight_each_once(disposed):
    from layani.accounts.models import User

    admin_pu = User.objects.get(username="admin_pu")
    supervisor = User.objects.get(username="kepala_pu")
    coordinator = User.objects.get(username="koordinator")
    auditor = User.objects.get(username="inspektur")

    assert sweep(now=FRIDAY_EVENING)["reminder"] == 1
    assert _recipients("deadline.reminder") == _ref(admin_pu)
    assert "reminder" not in sweep(now=FRIDAY_EVENING)

    assert sweep(now=DUE_PASSED)["supervisor"] == 1
    assert _recipients("deadline.breached") == _ref(supervisor)

    assert sweep(now=THREE_DAYS_LATE)["coordinator"] == 1
    assert _recipients("deadline.escalated") == _ref(coordinator, auditor)
    assert sweep(now=THREE_DAYS_LATE) == {"notifications_queued": 0}

    assert Escalation.objects.count() == 3
    entries = AuditEntry.objects.filter(
        action="deadline.escalated", object_ref=disposed.tracking_id
    )
    assert [e.payload["level"] for e in entries.order_by("sequence")] == [
        "supervisor",
        "coordinator",
    ]
    assert "siti" not in str(list(entries.values_list("payload", flat=True))).lower()


@pytest.mark.django_db
def test_a_sweep_after_long_downtime_catches_up_once(disposed):
    counts = sweep(now=datetime(2026, 3, 2, 9, tzinfo=WIB))
    assert (counts["skipped"], counts["supervisor"], counts["coordinator"]) == (1, 1, 1)
    assert not Notification.objects.filter(event="deadline.reminder").exists()
    assert set(Escalation.objects.values_list("level", "skipped")) == {
        (Level.REMINDER, True),
        (Level.SUPERVISOR, False),
        (Level.COORDINATOR, False),
    }
    assert sweep(now=datetime(2026, 3, 3, 9, tzinfo=WIB)) == {"notifications_queued": 0}


@pytest.mark.django_db
def test_an_unverified_report_escalates_to_oversight(staff_with_email, make_report):
    from layani.intake.models import Report

    report = make_report()
    Report.objects.filter(pk=report.pk).update(submitted_at=DISPOSED_AT)
    counts = sweep(now=datetime(2026, 2, 2, 9, tzinfo=WIB))
    assert (counts["supervisor"], counts["coordinator"]) == (1, 1)
    assert _recipients("deadline.escalated") == _ref(staff_with_email.auditor)
    assert Escalation.objects.filter(task__isnull=True, stage="verification").count() == 3


@pytest.mark.django_db
def test_silence_after_a_proposed_closure_closes_the_case_once(disposed, staff_with_email):
    team = staff_with_email
    services.post_message(
        disposed,
        actor=team.officer_pu,
        kind="follow_up",
        body="Sudah diperbaiki.",
        now=DISPOSED_AT,
    )
    services.propose_closure(
        disposed,
        actor=team.officer_pu,
        outcome="resolved",
        explanation="Selesai.",
        now=DISPOSED_AT,
    )
    assert "auto_closed" not in sweep(now=datetime(2026, 1, 16, 9, tzinfo=WIB))
    assert sweep(now=datetime(2026, 1, 21, 9, tzinfo=WIB))["auto_closed"] == 1
    disposed.refresh_from_db()
    assert disposed.status == ReportStatus.CLOSED
    assert "auto_closed" not in sweep(now=datetime(2026, 1, 22, 9, tzinfo=WIB))


@pytest.mark.django_db(transaction=True)
def test_two_workers_sweeping_at_once_fire_each_level_once(disposed, audit_purged):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite admits one writer at a time; the race needs PostgreSQL")
    from django.db import connections

    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            sweep(now=THREE_DAYS_LATE)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(Escalation.objects.values_list("level", flat=True)) == [0, 1, 2]
    assert Notification.objects.filter(event="deadline.breached").count() == 1
    assert Notification.objects.filter(event="deadline.escalated").count() == 2
    assert AuditEntry.objects.filter(action="deadline.escalated").count() == 2


def test_sweep_gives_new_reports_the_router_suggestion_once(team, make_report):
    from layani.escalation.sweep import route_new_reports, sweep
    from layani.routing.models import RoutingDecision

    report = make_report()
    counts = sweep()
    assert counts["routed"] == 1
    assert RoutingDecision.objects.filter(report=report).count() == 1
    assert route_new_reports() == 0  # already routed: nothing to do on the next pass


@pytest.mark.django_db
def test_a_task_with_every_level_fired_is_not_even_loaded_again(disposed, monkeypatch):
    from layani.cases import deadlines

    sweep(now=datetime(2026, 3, 2, 9, tzinfo=WIB))  # the catch-up fires all three levels
    seen = []
    original = deadlines.task_deadline

    def counting(task, **kwargs):
        seen.append(task.pk)
        return original(task, **kwargs)

    monkeypatch.setattr(deadlines, "task_deadline", counting)
    sweep(now=datetime(2026, 3, 3, 9, tzinfo=WIB))
    assert seen == []  # at national scale the escalated backlog costs no work on each pass
    # A first follow-up moves the task to the resolution stage: it is watched again.
    from layani.cases.models import Task

    Task.objects.filter(case__report=disposed).update(
        first_follow_up_at=datetime(2026, 3, 3, 8, tzinfo=WIB)
    )
    sweep(now=datetime(2026, 3, 3, 9, tzinfo=WIB))
    assert len(seen) == Task.objects.filter(case__report=disposed).count()
