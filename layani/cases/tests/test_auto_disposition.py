"""Auto-disposition: off by default; on, a sure suggestion skips triage unless a person must decide."""

import pytest

from layani.audit.models import AuditEntry
from layani.cases.models import Task, TaskRole
from layani.cases.services import auto_dispose_if_confident, verify_report
from layani.directory.models import Category
from layani.intake.models import ReportStatus
from layani.routing.calibration import Calibration
from layani.routing.models import ModelVersion, RoutingDecision, RoutingSettings
from layani.routing.services import RoutingSuggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def enabled(db):
    RoutingSettings.objects.update_or_create(
        pk=1, defaults={"auto_disposition_enabled": True, "auto_threshold": 0.9}
    )
    # Auto-disposition also needs a trained version calibrated on enough held-out decisions.
    from layani.routing.classifier import Router
    from layani.routing.selectors import COLD_START_CONFIG, current_taxonomy

    calibration = Calibration(200, 200, 0.95, threshold=0.9, precision=0.97, coverage=0.5)
    router = Router(current_taxonomy(), COLD_START_CONFIG).fit([], [])
    ModelVersion.objects.create(
        source="history",
        example_count=500,
        category_count=10,
        metrics={"calibration": calibration.as_dict()},
        artefact=router.dumps(),
        is_active=True,
    )


def _suggestion(agency, *, code="jalan-rusak", category_confidence=0.96, agency_confidence=0.98):
    category = Category.objects.get(code=code)
    return RoutingSuggestion(
        category=category,
        category_confidence=category_confidence,
        main_category=category.parent or category,
        main_category_confidence=0.99,
        agency=agency,
        agency_confidence=agency_confidence,
        service_class="normatif",
        service_class_confidence=0.9,
        model_version=ModelVersion.objects.filter(is_active=True).first(),
    )


def test_off_by_default_the_coordinator_decides(team, make_report):
    report = make_report()
    assert auto_dispose_if_confident(report, _suggestion(team.dinas_pu)) is None
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert not Task.objects.exists()


def test_a_sure_suggestion_is_verified_and_disposed_by_the_system(team, make_report, enabled):
    report = make_report()
    case = auto_dispose_if_confident(report, _suggestion(team.dinas_pu))
    assert case is not None
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_PROGRESS
    assert (report.category.code, report.service_class) == ("jalan-rusak", "normatif")
    [task] = Task.objects.filter(case__report=report)
    assert (task.agency, task.role) == (team.dinas_pu, TaskRole.LEAD)
    assert task.due_at is not None
    entries = AuditEntry.objects.filter(object_ref=report.tracking_id).order_by("sequence")
    automatic = {e.action: e for e in entries if e.payload.get("automatic")}
    assert set(automatic) == {"report.verified", "report.disposed"}
    assert {e.actor_ref for e in automatic.values()} == {"system"}
    assert automatic["report.disposed"].payload["agency_confidence"] == "0.9800"
    decision = RoutingDecision.objects.get(report=report)
    assert (decision.final_agency, decision.decided_by) == (team.dinas_pu, None)


@pytest.mark.parametrize(
    ("category_confidence", "agency_confidence"), [(0.89, 0.99), (0.99, 0.89), (0.5, 0.5)]
)
def test_below_the_threshold_on_either_part_a_person_decides(
    team, make_report, enabled, category_confidence, agency_confidence
):
    report = make_report()
    suggestion = _suggestion(
        team.dinas_pu,
        category_confidence=category_confidence,
        agency_confidence=agency_confidence,
    )
    assert auto_dispose_if_confident(report, suggestion) is None
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_when_the_citizen_chose_another_category_a_person_decides(team, make_report, enabled):
    report = make_report()  # the citizen chose jalan-rusak
    assert auto_dispose_if_confident(report, _suggestion(team.dinkes, code="sampah")) is None
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_no_responsible_agency_means_a_person_decides(team, make_report, enabled):
    report = make_report()
    assert auto_dispose_if_confident(report, _suggestion(None)) is None


def test_a_likely_duplicate_is_left_for_the_coordinator_to_merge(team, make_report, enabled):
    make_report()
    second = make_report()  # the same text, place and day
    assert auto_dispose_if_confident(second, _suggestion(team.dinas_pu)) is None
    second.refresh_from_db()
    assert second.status == ReportStatus.SUBMITTED


def test_a_report_a_coordinator_already_verified_is_left_alone(team, make_report, enabled):
    report = make_report()
    verify_report(report, actor=team.coordinator)
    assert auto_dispose_if_confident(report, _suggestion(team.dinas_pu)) is None
    assert not Task.objects.filter(case__report=report).exists()


def test_the_sweep_disposes_sure_reports_when_enabled(team, make_report, enabled, monkeypatch):
    from layani.escalation import sweep

    report = make_report()
    monkeypatch.setattr(sweep, "suggest_for_report", lambda r: _suggestion(team.dinas_pu))
    assert sweep.sweep()["routed"] == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_PROGRESS
