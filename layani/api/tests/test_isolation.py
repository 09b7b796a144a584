"""An agency's token never lists, counts or opens another agency's cases (security items 1–3)."""

import pytest

from layani.cases import services
from layani.intake.models import PrivacyTier, ReporterIdentity

from .conftest import task_of

pytestmark = pytest.mark.django_db


def test_uninvolved_agency_lists_and_counts_nothing(disposed, satpol):
    body = satpol.get("/api/v1/tasks").json()
    assert body["count"] == 0 and body["items"] == []


def test_each_agency_lists_only_its_own_tasks(disposed, pu, dinkes, team):
    for caller, agency in ((pu, team.dinas_pu), (dinkes, team.dinkes)):
        body = caller.get("/api/v1/tasks").json()
        assert body["count"] == 1
        assert [i["task"]["agency"]["slug"] for i in body["items"]] == [agency.slug]


def test_another_agencys_case_reads_as_404_like_a_missing_one(disposed, satpol):
    other = satpol.get(f"/api/v1/cases/{disposed.tracking_id}")
    missing = satpol.get("/api/v1/cases/000-000-0000")
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json()


def test_another_agencys_task_cannot_be_moved_or_written_on(disposed, satpol, team):
    task = task_of(disposed, team.dinas_pu)
    assert satpol.post(f"/api/v1/tasks/{task.pk}/accept").status_code == 404
    response = satpol.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages", {"kind": "thread", "body": "halo"}
    )
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == "pending"


def test_agency_keeps_seeing_a_case_it_referred_away(disposed, pu, team):
    services.refer_task(
        task_of(disposed, team.dinas_pu), actor=team.admin_pu, to=team.satpol, reason="Satpol"
    )
    assert pu.get(f"/api/v1/cases/{disposed.tracking_id}").status_code == 200
    assert pu.get("/api/v1/tasks", status="referred").json()["count"] == 1
    assert pu.get("/api/v1/tasks", status="active").json()["count"] == 0


def test_case_never_contains_the_reporters_identity(team, make_report, pu):
    report = make_report(privacy=PrivacyTier.BIASA)
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    identity = ReporterIdentity.objects.get(report=report)
    text = pu.get(f"/api/v1/cases/{report.tracking_id}").content.decode()
    for value in (identity.name, identity.nik, identity.phone, identity.email):
        assert value and value not in text


def test_other_agencies_internal_notes_stay_hidden(disposed, pu, dinkes, team):
    services.post_message(
        disposed, actor=team.officer_dinkes, kind="internal", body="catatan dinkes"
    )
    assert "catatan dinkes" not in pu.get(f"/api/v1/cases/{disposed.tracking_id}").content.decode()
    assert "catatan dinkes" in dinkes.get(f"/api/v1/cases/{disposed.tracking_id}").content.decode()


def test_other_agencies_task_details_are_not_shown(disposed, pu, team):
    services.delegate_task(
        task_of(disposed, team.dinkes), actor=team.admin_dinkes, officer=team.officer_dinkes
    )
    tasks = pu.get(f"/api/v1/cases/{disposed.tracking_id}").json()["tasks"]
    dinkes_task = next(t for t in tasks if t["agency"]["slug"] == team.dinkes.slug)
    assert dinkes_task["assigned_officer"] is None and dinkes_task["instructions"] == ""
