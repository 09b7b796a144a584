"""Deadlines of reports and tasks: policies, the region's time zone, pauses while on hold."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from layani.cases import deadlines, services
from layani.directory.models import Region
from layani.intake.models import Report
from layani.sla.models import ServicePolicy, Stage

pytestmark = pytest.mark.django_db

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
MONDAY_0830_UTC = datetime(2026, 1, 5, 1, 30, tzinfo=ZoneInfo("UTC"))  # 08:30 WIB, 10:30 WIT


def _submitted_at(report, when):
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    return Report.objects.select_related("region", "category__parent").get(pk=report.pk)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (WIB, datetime(2026, 1, 8, 16, tzinfo=WIB)),
        (WITA, datetime(2026, 1, 8, 16, tzinfo=WITA)),
        (WIT, datetime(2026, 1, 8, 16, tzinfo=WIT)),
    ],
)
def test_verification_deadline_is_16_00_local_in_every_time_zone(make_report, zone, expected):
    report = make_report()
    Region.objects.filter(code=report.region_id).update(timezone=str(zone))
    report = _submitted_at(report, MONDAY_0830_UTC)
    assert deadlines.verification_deadline(report) == expected


def test_the_same_instant_is_after_hours_in_wit_but_not_in_wib(make_report):
    report = make_report()
    friday_1530_wib = datetime(2026, 1, 9, 15, 30, tzinfo=WIB)  # 17:30 WIT
    report = _submitted_at(report, friday_1530_wib)
    assert deadlines.verification_deadline(report) == datetime(2026, 1, 14, 16, tzinfo=WIB)
    Region.objects.filter(code=report.region_id).update(timezone="Asia/Jayapura")
    report = Report.objects.select_related("region").get(pk=report.pk)
    assert deadlines.verification_deadline(report) == datetime(2026, 1, 15, 16, tzinfo=WIT)


def test_holding_for_the_reporter_moves_the_verification_deadline_by_the_paused_time(
    team, make_report
):
    report = _submitted_at(make_report(), datetime(2026, 1, 5, 9, tzinfo=WIB))
    assert deadlines.verification_deadline(report) == datetime(2026, 1, 8, 16, tzinfo=WIB)
    services.hold_report(
        report, actor=team.coordinator, question="Foto?", now=datetime(2026, 1, 6, 8, tzinfo=WIB)
    )
    # While on hold the deadline keeps moving: two paused working days by Thursday 08:00.
    thursday = datetime(2026, 1, 8, 8, tzinfo=WIB)
    assert deadlines.verification_deadline(report, now=thursday) == datetime(
        2026, 1, 12, 16, tzinfo=WIB
    )
    services.provide_information(report, text="Terlampir.", now=thursday)
    later = datetime(2026, 2, 1, tzinfo=WIB)
    assert deadlines.verification_deadline(report, now=later) == datetime(
        2026, 1, 12, 16, tzinfo=WIB
    )


def test_a_decision_taken_while_on_hold_also_restarts_the_clock(team, make_report):
    report = make_report()
    t0 = datetime(2026, 1, 5, 9, tzinfo=WIB)
    services.hold_report(report, actor=team.coordinator, question="Foto?", now=t0)
    services.verify_report(report, actor=team.coordinator, now=datetime(2026, 1, 6, 9, tzinfo=WIB))
    from layani.sla.models import ClockPause

    assert ClockPause.objects.get(subject_ref=deadlines.clock_ref(report)).ended_at is not None


def test_task_deadlines_follow_the_agencys_policy(team, make_report):
    ServicePolicy.objects.create(
        stage=Stage.FIRST_FOLLOW_UP, agency_slug=team.dinkes.slug, working_days=2
    )
    report = make_report()
    now = datetime(2026, 1, 5, 10, tzinfo=WIB)
    services.verify_report(report, actor=team.coordinator, now=now)
    case = services.dispose_report(
        report, actor=team.coordinator, lead=team.dinas_pu, co_handlers=[team.dinkes], now=now
    )
    due = {t.agency_id: t.due_at for t in case.tasks.all()}
    assert due[team.dinas_pu.pk] == datetime(2026, 1, 12, 16, tzinfo=WIB)
    assert due[team.dinkes.pk] == datetime(2026, 1, 7, 16, tzinfo=WIB)


def test_after_the_first_follow_up_the_task_runs_on_the_service_class_deadline(team, make_report):
    report = make_report()
    now = datetime(2026, 1, 5, 10, tzinfo=WIB)
    services.verify_report(report, actor=team.coordinator, service_class="ringan", now=now)
    case = services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu, now=now)
    task = case.tasks.get()
    assert deadlines.task_deadline(task) == (Stage.FIRST_FOLLOW_UP, task.due_at)
    services.post_message(report, actor=team.officer_pu, kind="follow_up", body="Dicek.", now=now)
    task.refresh_from_db()
    assert deadlines.task_deadline(task) == (
        Stage.RESOLUTION,
        datetime(2026, 1, 7, 16, tzinfo=WIB),
    )
