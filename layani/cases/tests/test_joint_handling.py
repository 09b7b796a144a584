"""A story of joint handling: one lead, two co-handlers, one of which refers its task away."""

import pytest

from layani.audit.selectors import public_timeline
from layani.audit.verify import verify_chain
from layani.cases import services
from layani.cases.models import Case, MessageKind, Outcome, Task
from layani.intake.models import ReportStatus

pytestmark = pytest.mark.django_db


def test_lead_and_two_co_handlers_one_refers_away(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(
        report,
        actor=team.coordinator,
        lead=team.dinas_pu,
        co_handlers=[team.dinkes, team.satpol],
        instructions="Jalan rusak dekat puskesmas; ada PKL di bahu jalan.",
    )
    tasks = {t.agency: t for t in Task.objects.filter(case_id=report.pk)}
    assert len(tasks) == 3

    # The lead delegates to its road unit and tells the citizen what is happening.
    services.delegate_task(
        tasks[team.dinas_pu], actor=team.admin_pu, unit=team.unit_pu, officer=team.officer_pu
    )
    services.post_message(
        report,
        actor=team.officer_pu,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body="Survei lokasi dijadwalkan Kamis.",
    )

    # Satpol PP says the vendors are the health office's market stalls: a warm transfer.
    moved = services.refer_task(
        tasks[team.satpol],
        actor=team.admin_satpol,
        to=team.bantul,
        reason="Lapak di bawah binaan dinas lain",
    )
    assert moved is not None and moved.role == "co_handler"
    case = Case.objects.get(pk=report.pk)
    assert case.referral_count == 1 and not case.bounced
    assert case.lead_agency == team.dinas_pu  # a co-handler's referral never moves the lead

    # Co-handlers finish their parts; only then can the lead propose the closure.
    services.accept_task(tasks[team.dinkes], actor=team.officer_dinkes)
    services.complete_task(
        tasks[team.dinkes],
        actor=team.officer_dinkes,
        summary="Puskesmas terdekat sudah disiagakan.",
    )
    services.withdraw_task(moved, actor=team.coordinator, reason="Ditangani lewat rapat")
    services.propose_closure(
        report,
        actor=team.officer_pu,
        outcome=Outcome.RESOLVED,
        explanation="Jalan sudah ditambal dan lapak ditertibkan.",
    )
    services.confirm_closure(report, rating=5)
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED

    actions = [e.action for e in public_timeline("report", report.tracking_id)]
    assert actions[:3] == ["report.submitted", "report.verified", "report.disposed"]
    assert "task.referred" in actions and actions[-1] == "report.confirmed"
    assert "task.delegated" not in actions  # internal
    assert verify_chain().ok
