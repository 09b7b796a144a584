"""Checklist item 17: invariants live in the database, and hold under concurrent writers.

The first group writes past the services (raw updates and creates) to show that the database
itself refuses what the workflow forbids. The second group races real services against each other
on PostgreSQL, where two transactions really run at once; SQLite serialises writers by design.
"""

import threading
from collections.abc import Callable

import pytest
from django.db import IntegrityError, connection, transaction

from layani.cases import services
from layani.cases.models import ACTIVE_TASK_STATUSES, Case, Task, TaskRole, TaskStatus
from layani.cases.workflow import WorkflowError
from layani.intake.models import Report, ReportStatus

ACTIVE = ACTIVE_TASK_STATUSES


def _refused(write: Callable[[], object]) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


@pytest.fixture
def disposed(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    return report


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_lead(team, disposed):
    case = Case.objects.get(report=disposed)
    _refused(lambda: Task.objects.create(case=case, agency=team.dinkes, role=TaskRole.LEAD))
    # A finished lead does not block a new one: only active leads are unique.
    Task.objects.filter(case=case).update(status=TaskStatus.DONE)
    Task.objects.create(case=case, agency=team.dinkes, role=TaskRole.LEAD)
    assert Task.objects.filter(case=case, role=TaskRole.LEAD, status__in=ACTIVE).count() == 1


@pytest.mark.django_db
def test_the_database_refuses_two_active_tasks_for_one_agency(team, disposed):
    case = Case.objects.get(report=disposed)
    _refused(lambda: Task.objects.create(case=case, agency=team.dinas_pu, role=TaskRole.CO_HANDLER))


@pytest.mark.django_db
def test_the_database_refuses_unknown_states_and_duplicate_tracking_ids(team, disposed):
    _refused(lambda: Report.objects.filter(pk=disposed.pk).update(status="selesai-saja"))
    _refused(lambda: Report.objects.filter(pk=disposed.pk).update(privacy="setengah"))
    _refused(lambda: Task.objects.filter(case__report=disposed).update(status="lupa"))
    _refused(lambda: Task.objects.filter(case__report=disposed).update(role="penonton"))
    _refused(lambda: Case.objects.filter(report=disposed).update(rating=6))
    _refused(lambda: Case.objects.filter(report=disposed).update(outcome="entahlah"))
    _refused(lambda: Report.objects.filter(pk=disposed.pk).update(latitude=-7.7, longitude=None))
    other = Report.objects.exclude(pk=disposed.pk).first() or _another(team)
    _refused(lambda: Report.objects.filter(pk=other.pk).update(tracking_id=disposed.tracking_id))
    disposed.refresh_from_db()
    assert disposed.status == ReportStatus.IN_PROGRESS


def _another(team) -> Report:
    from layani.intake.models import Channel
    from layani.intake.services import ReportSubmission, submit_report

    return submit_report(
        ReportSubmission(
            description="Lampu jalan mati di dekat pasar sejak seminggu.",
            region_code="34.04.07.2001",
            channel=Channel.WEB,
            category_code="jalan-rusak",
        )
    ).report


def _race(*steps: Callable[[], object]) -> tuple[list[object], list[Exception]]:
    """Start every step at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(steps))
    results: list[object] = []
    errors: list[Exception] = []

    def run(step: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results.append(step())
        except Exception as exc:  # collected and asserted on by the caller
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are exercised on PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_disposing_at_once_give_one_lead(team, make_report, audit_purged):
    _postgresql_only()
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    leads = [team.dinas_pu, team.dinkes, team.dinas_pu, team.dinkes]
    steps = [
        (lambda lead=lead: services.dispose_report(report, actor=team.coordinator, lead=lead))
        for lead in leads
    ]
    results, errors = _race(*steps)
    assert len(results) == 1
    assert len(errors) == len(leads) - 1
    assert all(isinstance(e, WorkflowError) for e in errors), errors
    assert Task.objects.filter(case__report=report, role=TaskRole.LEAD).count() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_PROGRESS


@pytest.mark.django_db(transaction=True)
def test_accept_and_refer_racing_on_one_task_leave_one_consistent_outcome(
    team, make_report, audit_purged
):
    _postgresql_only()
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    task = Task.objects.get(case__report=report)
    results, errors = _race(
        lambda: services.accept_task(Task.objects.get(pk=task.pk), actor=team.officer_pu),
        lambda: services.accept_task(Task.objects.get(pk=task.pk), actor=team.admin_pu),
        lambda: services.refer_task(
            Task.objects.get(pk=task.pk),
            actor=team.admin_pu,
            to=team.dinkes,
            reason="Ini urusan kesehatan lingkungan, bukan jalan.",
        ),
    )
    assert all(isinstance(e, WorkflowError) for e in errors), errors
    active = Task.objects.filter(case__report=report, status__in=ACTIVE)
    # Whatever order the database chose, the case has exactly one active lead afterwards.
    assert active.filter(role=TaskRole.LEAD).count() == 1
    assert len(results) + len(errors) == 3
    assert len(results) >= 1


@pytest.mark.django_db(transaction=True)
def test_supports_count_each_person_once_under_concurrent_clicks(team, make_report, audit_purged):
    _postgresql_only()
    from layani.intake.supports import Outcome, Supporter, support_report

    report = make_report()
    users = [*range(1, 7), 99, 99, 99, 99]
    results, errors = _race(
        *[(lambda user=user: support_report(report, Supporter.account(user))) for user in users]
    )
    assert errors == []
    # Six different people and one person clicking four times at once: seven supports.
    assert sorted(r.value for r in results) == ["already"] * 3 + ["counted"] * 7
    assert results.count(Outcome.COUNTED) == 7
    report.refresh_from_db()
    assert report.support_count == 7


@pytest.mark.django_db(transaction=True)
def test_anonymous_supports_from_one_address_at_once_stay_within_its_budget(
    team, make_report, audit_purged, settings
):
    _postgresql_only()
    from layani.intake.models import SupportBudget
    from layani.intake.supports import (
        Outcome,
        Supporter,
        issue_challenge,
        solve,
        support_report,
    )

    settings.LAYANI_SUPPORT_PROOF_BITS = 4
    settings.LAYANI_SUPPORT_ADDRESS_BUDGET = 3
    report = make_report()
    # Eight browsers behind one address, each with its own solved proof, plus one of them twice.
    supporters = [
        Supporter.anonymous(f"guest:{i}", "203.0.113.9", solve(issue_challenge(report)))
        for i in [*range(8), 0]
    ]
    results, errors = _race(*[(lambda s=s: support_report(report, s)) for s in supporters])
    assert errors == []
    assert results.count(Outcome.COUNTED) == 3
    report.refresh_from_db()
    assert report.support_count == 3 == report.supports.count()
    budget = SupportBudget.objects.get(report=report)
    assert budget.counted == 3
    # Every attempt that was not counted is either the repeat browser or a recorded refusal.
    assert budget.refused == results.count(Outcome.OVER_BUDGET)
    assert results.count(Outcome.OVER_BUDGET) + results.count(Outcome.ALREADY) == 6
