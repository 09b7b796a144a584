"""Each service: the allowed path, its side effects, and the refusals around it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from layani.audit.models import AuditEntry
from layani.cases import services
from layani.cases.models import Case, CaseMessage, MessageKind, Outcome, Referral, Task, TaskStatus
from layani.cases.workflow import WorkflowError
from layani.directory.models import Category
from layani.intake.models import PrivacyTier, Report, ReportStatus

pytestmark = pytest.mark.django_db


def _status(report):
    report.refresh_from_db()
    return report.status


def _actions(report):
    return list(
        AuditEntry.objects.filter(object_ref=report.tracking_id)
        .order_by("sequence")
        .values_list("action", flat=True)
    )


@pytest.fixture
def disposed(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(
        report, actor=team.coordinator, lead=team.dinas_pu, co_handlers=[team.dinkes]
    )
    return report


def test_verify_sets_category_title_and_service_class(team, make_report):
    report = make_report()
    bridge = Category.objects.get(code="jembatan")
    case = services.verify_report(
        report, actor=team.coordinator, category=bridge, title="  Jembatan   retak "
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.VERIFIED
    assert (report.category, report.title, report.service_class) == (
        bridge,
        "Jembatan retak",
        "berkadar",
    )
    assert case.verified_by == team.coordinator
    assert _actions(report) == ["report.submitted", "report.verified"]


def test_only_a_coordinator_in_scope_verifies(team, make_report):
    report = make_report()
    for outsider in (
        team.officer_pu,
        team.admin_pu,
        team.auditor,
        team.coordinator_bantul,
        team.citizen,
    ):
        with pytest.raises(WorkflowError) as err:
            services.verify_report(report, actor=outsider)
        assert err.value.code == "forbidden"
    assert _status(report) == ReportStatus.SUBMITTED


def test_hold_asks_the_reporter_and_their_answer_returns_it_to_verification(
    team, make_report, django_capture_on_commit_callbacks
):
    report = make_report()
    with django_capture_on_commit_callbacks(execute=True):
        services.hold_report(report, actor=team.coordinator, question="Mohon kirim foto lokasinya.")
    assert _status(report) == ReportStatus.ON_HOLD
    assert mail.outbox and "Mohon kirim foto" in mail.outbox[0].body
    with pytest.raises(WorkflowError):
        services.hold_report(report, actor=team.coordinator, question="again")
    services.provide_information(report, text="Fotonya sudah saya lampirkan.")
    assert _status(report) == ReportStatus.SUBMITTED
    kinds = list(CaseMessage.objects.values_list("kind", flat=True))
    assert kinds == [MessageKind.REQUEST_TO_REPORTER, MessageKind.REPORTER_MESSAGE]


@pytest.mark.parametrize("service", ["reject_as_not_within_authority", "archive_report"])
def test_declining_needs_a_reason_and_closes_the_report(team, make_report, service):
    report = make_report()
    with pytest.raises(WorkflowError) as err:
        getattr(services, service)(report, actor=team.coordinator, reason=" ")
    assert err.value.code == "reason_required"
    case = getattr(services, service)(report, actor=team.coordinator, reason="Bukan wewenang Pemda")
    report.refresh_from_db()
    assert report.status in (ReportStatus.NOT_WITHIN_AUTHORITY, ReportStatus.ARCHIVED)
    assert report.closed_at is not None
    assert case.decision_reason == "Bukan wewenang Pemda"


def test_merge_moves_supports_to_the_surviving_report(team, make_report):
    keep, duplicate = make_report(), make_report()
    Report.objects.filter(pk=duplicate.pk).update(support_count=4)
    duplicate.refresh_from_db()
    services.merge_report(duplicate, into=keep, actor=team.coordinator)
    keep.refresh_from_db()
    assert keep.support_count == 5
    assert Case.objects.get(report=duplicate).merged_into == keep
    with pytest.raises(WorkflowError):
        services.merge_report(keep, into=keep, actor=team.coordinator)


def test_dispose_creates_lead_and_co_tasks_with_working_day_deadlines(team, disposed):
    tasks = {t.agency: t for t in Task.objects.filter(case_id=disposed.pk)}
    assert tasks[team.dinas_pu].role == "lead" and tasks[team.dinkes].role == "co_handler"
    due = tasks[team.dinas_pu].due_at.astimezone(timezone.get_current_timezone())
    assert due.hour == 16 and due.weekday() < 5
    assert Case.objects.get(pk=disposed.pk).lead_agency == team.dinas_pu
    assert _status(disposed) == ReportStatus.IN_PROGRESS


def test_dispose_refuses_the_same_agency_twice(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    with pytest.raises(WorkflowError) as err:
        services.dispose_report(
            report, actor=team.coordinator, lead=team.dinas_pu, co_handlers=[team.dinas_pu]
        )
    assert err.value.code == "duplicate_agency"


def test_accept_and_delegate_within_the_agency_only(team, disposed):
    lead = Task.objects.get(case_id=disposed.pk, role="lead")
    with pytest.raises(WorkflowError):
        services.accept_task(lead, actor=team.officer_dinkes)
    services.accept_task(lead, actor=team.officer_pu)
    with pytest.raises(WorkflowError):  # officers cannot delegate
        services.delegate_task(lead, actor=team.officer_pu, unit=team.unit_pu)
    with pytest.raises(WorkflowError) as err:
        services.delegate_task(lead, actor=team.admin_pu, officer=team.officer_dinkes)
    assert err.value.code == "officer_not_in_agency"
    task = services.delegate_task(
        lead, actor=team.admin_pu, unit=team.unit_pu, officer=team.officer_pu
    )
    assert (task.assigned_unit, task.assigned_officer) == (team.unit_pu, team.officer_pu)


def test_referral_creates_a_warm_transfer_and_the_second_one_bounces(team, disposed):
    lead = Task.objects.get(case_id=disposed.pk, role="lead")
    with pytest.raises(WorkflowError) as err:
        services.refer_task(lead, actor=team.admin_pu, to=team.satpol, reason="")
    assert err.value.code == "reason_required"
    new = services.refer_task(lead, actor=team.admin_pu, to=team.satpol, reason="Soal PKL")
    assert new is not None and new.role == "lead" and new.referred_from_id == lead.pk
    case = Case.objects.get(pk=disposed.pk)
    assert (case.referral_count, case.lead_agency) == (1, team.satpol)
    assert (
        services.refer_task(
            new, actor=team.admin_satpol, to=team.dinas_pu, reason="Jalan, bukan PKL"
        )
        is None
    )
    case.refresh_from_db()
    assert case.bounced and case.lead_agency is None and case.referral_count == 2
    assert _status(disposed) == ReportStatus.VERIFIED
    assert not Task.objects.filter(case=case, status__in=["pending", "accepted"]).exists()
    assert Referral.objects.filter(case=case).count() == 2
    # The coordinator disposes it again; the bounce flag clears.
    services.dispose_report(disposed, actor=team.coordinator, lead=team.dinas_pu)
    case.refresh_from_db()
    assert not case.bounced


def test_closure_waits_for_co_handlers_then_reporter_confirms_and_rates(team, disposed):
    with pytest.raises(WorkflowError) as err:
        services.propose_closure(
            disposed, actor=team.officer_pu, outcome=Outcome.RESOLVED, explanation="Sudah ditambal."
        )
    assert err.value.code == "co_handlers_still_working"
    co = Task.objects.get(case_id=disposed.pk, role="co_handler")
    services.accept_task(co, actor=team.officer_dinkes)
    services.complete_task(co, actor=team.officer_dinkes, summary="Tidak ada korban luka.")
    with pytest.raises(WorkflowError):  # the coordinator does not close for the agency
        services.propose_closure(
            disposed, actor=team.coordinator, outcome=Outcome.RESOLVED, explanation="x"
        )
    services.propose_closure(
        disposed,
        actor=team.officer_pu,
        outcome=Outcome.RESOLVED,
        explanation="Lubang sudah ditambal tanggal 3.",
    )
    assert _status(disposed) == ReportStatus.CLOSURE_PROPOSED
    with pytest.raises(WorkflowError):
        services.confirm_closure(disposed, rating=6)
    case = services.confirm_closure(disposed, rating=4, comment="Cepat, terima kasih")
    disposed.refresh_from_db()
    assert disposed.status == ReportStatus.CLOSED and disposed.closed_at is not None
    assert (case.rating, case.outcome) == (4, Outcome.RESOLVED)


def _to_proposed(team, report):
    co = Task.objects.get(case_id=report.pk, role="co_handler")
    services.withdraw_task(co, actor=team.coordinator, reason="Tidak perlu")
    services.propose_closure(
        report,
        actor=team.admin_pu,
        outcome=Outcome.PARTLY_RESOLVED,
        explanation="Sebagian sudah diperbaiki.",
    )


def test_dispute_reopens_with_a_fresh_lead_task(team, disposed):
    _to_proposed(team, disposed)
    case = services.dispute_closure(disposed, reason="Masih berlubang di sisi timur.")
    assert _status(disposed) == ReportStatus.IN_PROGRESS
    assert case.reopen_count == 1 and case.outcome == ""
    assert Task.objects.filter(case=case, role="lead", status="pending").count() == 1


def test_silence_closes_only_after_ten_working_days(team, disposed):
    _to_proposed(team, disposed)
    proposed = Case.objects.get(pk=disposed.pk).closure_proposed_at
    with pytest.raises(WorkflowError) as err:
        services.auto_close_case(disposed, now=proposed + timedelta(days=7))
    assert err.value.code == "too_early"
    services.auto_close_case(disposed, now=proposed + timedelta(days=20))
    assert _status(disposed) == ReportStatus.CLOSED


def test_appeal_once_within_thirty_days(team, disposed):
    _to_proposed(team, disposed)
    services.confirm_closure(disposed)
    case = services.appeal_case(disposed, reason="Ternyata rusak lagi")
    assert case.appealed and _status(disposed) == ReportStatus.IN_PROGRESS
    services.propose_closure(
        disposed, actor=team.admin_pu, outcome=Outcome.RESOLVED, explanation="Diaspal ulang."
    )
    services.confirm_closure(disposed)
    with pytest.raises(WorkflowError) as err:
        services.appeal_case(disposed, reason="lagi")
    assert err.value.code == "already_appealed"


def test_appeal_window_closes(team, disposed):
    _to_proposed(team, disposed)
    services.confirm_closure(disposed)
    disposed.refresh_from_db()
    with pytest.raises(WorkflowError) as err:
        services.appeal_case(disposed, reason="x", now=disposed.closed_at + timedelta(days=31))
    assert err.value.code == "appeal_window_over"


def test_messages_by_kind_and_who_may_write_them(team, disposed):
    services.post_message(
        disposed,
        actor=team.officer_pu,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body="Tim sudah survei lokasi.",
    )
    lead = Task.objects.get(case_id=disposed.pk, role="lead")
    assert lead.first_follow_up_at is not None
    with pytest.raises(WorkflowError):  # co-handlers write to the thread, not to the citizen
        services.post_message(
            disposed, actor=team.officer_dinkes, kind=MessageKind.PUBLIC_FOLLOW_UP, body="x"
        )
    services.post_message(
        disposed, actor=team.officer_dinkes, kind=MessageKind.AGENCY_THREAD, body="Puskesmas siaga."
    )
    services.post_message(
        disposed,
        actor=team.officer_dinkes,
        kind=MessageKind.INTERNAL_NOTE,
        body="Catatan internal dinkes.",
    )
    with pytest.raises(WorkflowError):
        services.post_message(
            disposed, actor=team.officer_satpol, kind=MessageKind.AGENCY_THREAD, body="x"
        )
    with pytest.raises(WorkflowError):
        services.post_message(
            disposed, actor=team.officer_pu, kind=MessageKind.REPORTER_MESSAGE, body="x"
        )
    public = AuditEntry.objects.filter(object_ref=disposed.tracking_id, visibility="public")
    assert "message.follow_up" in set(public.values_list("action", flat=True))
    assert "message.internal" not in set(public.values_list("action", flat=True))


def test_rahasia_reports_keep_every_audit_entry_internal(team, make_report):
    report = make_report(PrivacyTier.RAHASIA)
    services.verify_report(report, actor=team.coordinator)
    assert not AuditEntry.objects.filter(
        object_ref=report.tracking_id, visibility="public"
    ).exists()


def test_task_moves_need_the_case_in_handling(team, disposed):
    _to_proposed(team, disposed)
    lead = Task.objects.filter(case_id=disposed.pk, role="lead").first()
    with pytest.raises(WorkflowError) as err:
        services.accept_task(lead, actor=team.officer_pu)
    assert err.value.code == "case_not_in_handling"
    assert lead.status == TaskStatus.DONE


def test_disposition_records_the_final_routing_decision(team, make_report):
    from layani.routing.models import RoutingDecision
    from layani.routing.services import suggest_for_report

    report = make_report()
    suggest_for_report(report)
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.satpol)
    decision = RoutingDecision.objects.get(report=report)
    assert decision.final_agency == team.satpol
    assert decision.final_category == report.category
