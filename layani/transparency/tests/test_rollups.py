"""The rollups give the hand-computed figures, and the incremental run equals a full rebuild."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from layani.transparency import published, rollups, selectors
from layani.transparency.models import (
    DeadlineCounter,
    DurationBucket,
    ReportFact,
    StatsCounter,
    TaskFact,
)
from layani.transparency.tests.conftest import NOW, at


def test_rollup_overview_gives_the_hand_computed_figures(dataset):
    data = published.overview(NOW)
    assert (data.total, data.closed, data.open) == (6, 3, 3)
    assert [n for _, n in data.by_category] == [4, 2]
    assert data.by_month == [("2026-08", 1), ("2026-09", 5)]
    assert (data.first_follow_up.n, data.first_follow_up.median) == (3, 1.0)
    assert data.first_follow_up.p90 == pytest.approx(2.6)
    assert (data.closure.n, data.closure.median) == (3, 3.0)
    assert data.closure.p90 == pytest.approx(3.8)
    assert (data.on_time.hits, data.on_time.n) == (3, 5)
    assert (data.satisfaction.n, data.satisfaction.mean) == (3, pytest.approx(4.0))
    assert data.satisfaction.distribution == [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1)]
    assert (data.reopen.hits, data.reopen.n) == (1, 3)


def test_rollup_overview_equals_the_overview_computed_from_reports(dataset):
    live, rolled = selectors.overview(NOW), published.overview(NOW)
    for name in ("total", "open", "closed", "by_category", "by_region", "by_month"):
        assert getattr(rolled, name) == getattr(live, name), name
    for name in ("on_time", "satisfaction", "reopen", "first_follow_up", "closure"):
        assert getattr(rolled, name) == getattr(live, name), name


def test_an_owed_task_counts_as_late_only_once_its_deadline_passed(dataset):
    # Dinkes on r4 is due Thu 10 Sep 16:00; PU on r5 is due Tue 15 Sep 16:00.
    assert published.on_time_rate(at(10, 15)).n == 4
    assert published.on_time_rate(at(10, 17)).n == 5
    assert published.on_time_rate(at(15, 17)).n == 6


def test_confidential_reports_count_but_facts_hold_no_text(dataset):
    r3 = dataset.reports["r3"]
    fact = ReportFact.objects.get(report_id=r3.pk)
    assert fact.regency == "34.04"
    names = {f.name for f in ReportFact._meta.get_fields()}
    assert not names & {"title", "description", "latitude", "longitude", "tracking_id"}
    # r6 is archived: no fact and no task fact.
    assert not ReportFact.objects.filter(report_id=dataset.reports["r6"].pk).exists()
    assert not TaskFact.objects.filter(report_id=dataset.reports["r6"].pk).exists()


def snapshot():
    """Every aggregate row that holds something, comparable between two runs."""
    return (
        sorted(
            StatsCounter.objects.filter(reports__gt=0).values_list(
                "dimension", "key", "reports", "open", "closed", "stars_3", "closable", "reopened"
            )
        ),
        sorted(
            DurationBucket.objects.filter(reports__gt=0).values_list("measure", "bucket", "reports")
        ),
        sorted(
            DeadlineCounter.objects.filter(answered__gt=0).values_list(
                "agency_id", "stratum", "answered", "on_time"
            )
        ),
        sorted(TaskFact.objects.values_list("task_id", "on_time", "owed_due_at")),
        ReportFact.objects.count(),
    )


def test_incremental_run_follows_the_services_and_matches_a_full_rebuild(dataset, make_report):
    from layani.cases import services
    from layani.cases.models import MessageKind, Task

    cast = dataset.cast
    assert rollups.update() == 0  # nothing happened since the fixture's rebuild
    report = make_report()
    assert rollups.update() == 1
    assert published.overview(NOW).total == 7
    submitted = report.submitted_at
    services.verify_report(report, actor=cast.coordinator, now=submitted)
    services.dispose_report(report, actor=cast.coordinator, lead=cast.dinas_pu, now=submitted)
    task = Task.objects.get(case_id=report.pk)
    services.accept_task(task, actor=cast.officer_pu, now=submitted)
    services.post_message(
        report,
        actor=cast.officer_pu,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body="Sudah kami tinjau.",
        now=submitted + timedelta(hours=1),
    )
    assert rollups.update() == 1  # one report, however many entries
    incremental = snapshot()
    fact = TaskFact.objects.get(task_id=task.pk)
    assert (fact.on_time, fact.owed_due_at) == (True, None)
    assert published.overview(NOW).first_follow_up.n == 4
    rollups.rebuild()
    assert snapshot() == incremental


def test_changes_behind_the_services_back_wait_for_the_full_rebuild(dataset):
    from layani.intake.models import Report, ReportStatus

    Report.objects.filter(pk=dataset.reports["r7"].pk).update(status=ReportStatus.MERGED)
    rollups.update()
    assert published.overview(NOW).total == 6
    rollups.rebuild()
    assert published.overview(NOW).total == 5


def test_first_incremental_run_on_an_empty_database_builds_everything(dataset):
    from layani.transparency.models import RollupState

    RollupState.objects.all().delete()
    StatsCounter.objects.all().delete()
    assert rollups.update() == 7  # every report read, archived r6 included
    assert published.overview(NOW).total == 6


def test_rollup_stats_command_reports_what_it_did(dataset, capsys):
    call_command("rollup_stats", "--full", verbosity=0)
    assert "rebuilt from 7 reports" in capsys.readouterr().out
    call_command("rollup_stats", verbosity=0)
    assert "updated with 0 reports" in capsys.readouterr().out


def test_scheduled_jobs_update_the_rollups_and_write_the_snapshot(
    dataset, make_report, settings, tmp_path
):
    from layani.transparency import tasks

    settings.DATA_DIR = tmp_path
    make_report()
    assert tasks.update_statistics_rollups.enqueue().return_value == 1
    assert published.overview(NOW).total == 7
    summary = tasks.write_opendata_snapshot.enqueue().return_value
    assert summary.startswith("6 public reports")  # r1, r2, r4, r5, r7 and the new one
    written = sorted(p.name for p in tmp_path.glob("opendata/*/*"))
    assert "statistik.csv" in written and "laporan.json" in written
