"""Messages, task moves and closure through the API: the console's services, the same refusals."""

import pytest

from layani.audit.models import AuditEntry
from layani.cases.models import CaseMessage, Task
from layani.cases.reporter import reporter_view
from layani.intake.models import Report

from .conftest import task_of

pytestmark = pytest.mark.django_db


def test_follow_up_by_the_lead_reaches_the_reporter_and_is_audited_as_the_service_user(
    disposed, pu
):
    response = pu.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages",
        {"kind": "follow_up", "body": "Tim kami meninjau lokasi besok."},
    )
    assert response.status_code == 201
    assert response.json()["kind"] == "follow_up"
    view = reporter_view(Report.objects.get(pk=disposed.pk))
    assert [m.body for m in view.messages] == ["Tim kami meninjau lokasi besok."]
    entry = AuditEntry.objects.filter(action="message.follow_up").get()
    assert entry.actor_ref == f"user:{pu.token.service_user_id}"


def test_follow_up_by_a_co_handler_is_403_forbidden(disposed, dinkes):
    response = dinkes.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages", {"kind": "follow_up", "body": "x"}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_thread_and_internal_note(disposed, dinkes, team):
    for kind in ("thread", "internal"):
        response = dinkes.post(
            f"/api/v1/cases/{disposed.tracking_id}/messages", {"kind": kind, "body": kind}
        )
        assert response.status_code == 201
        assert response.json()["agency"]["slug"] == team.dinkes.slug


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "follow_up"}, "body"),
        ({"kind": "shout", "body": "x"}, "kind"),
        ({"kind": "thread", "body": ""}, "body"),
        ({"kind": "thread", "body": "a\x00b"}, "body"),
        ({"kind": "thread", "body": "x" * 5001}, "body"),
        ({"kind": "thread", "body": 5}, "body"),
    ],
)
def test_invalid_message_is_400_naming_the_field(disposed, pu, body, field):
    response = pu.post(f"/api/v1/cases/{disposed.tracking_id}/messages", body)
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == ("invalid", field)


def test_blank_message_is_refused_by_the_service_with_its_code(disposed, pu):
    response = pu.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages", {"kind": "thread", "body": "   "}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "text_required"


def test_malformed_json_is_400(disposed, pu):
    response = pu.client.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {pu.raw}",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_extra_fields_are_ignored(disposed, pu, team):
    response = pu.post(
        f"/api/v1/cases/{disposed.tracking_id}/messages",
        {
            "kind": "internal",
            "body": "catatan",
            "agency": team.dinkes.slug,
            "author": team.coordinator.pk,
            "status": "closed",
            "privacy": "biasa",
            "created_at": "2000-01-01T00:00:00Z",
        },
    )
    assert response.status_code == 201
    message = CaseMessage.objects.get(pk=response.json()["id"])
    assert message.agency == team.dinas_pu
    assert message.author_id == pu.token.service_user_id
    assert message.created_at.year > 2000
    disposed.refresh_from_db()
    assert disposed.status == "in_progress"


def test_accept_then_accept_again_is_409(disposed, pu, team):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(f"/api/v1/tasks/{task.pk}/accept", {"status": "done"})
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    again = pu.post(f"/api/v1/tasks/{task.pk}/accept")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"


def test_delegate_to_unit_and_officer(disposed, pu, team):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(
        f"/api/v1/tasks/{task.pk}/delegate",
        {"unit_id": team.unit_pu.pk, "officer_id": team.officer_pu.pk},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["assigned_unit"]["id"] == team.unit_pu.pk
    assert body["assigned_officer"]["id"] == team.officer_pu.pk


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({}, 400, "nobody_to_delegate_to"),
        ({"officer_id": "who"}, 400, "invalid"),
        ({"unit_id": 0}, 400, "invalid"),
    ],
)
def test_delegate_refusals(disposed, pu, team, payload, status, code):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(f"/api/v1/tasks/{task.pk}/delegate", payload)
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_delegate_to_another_agencys_officer_or_unit_is_400_naming_the_field(disposed, pu, team):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(f"/api/v1/tasks/{task.pk}/delegate", {"officer_id": team.officer_dinkes.pk})
    assert (response.status_code, response.json()["field"]) == (400, "officer_id")
    unit = team.dinkes.units.create(name="Bidang P2P")
    response = pu.post(f"/api/v1/tasks/{task.pk}/delegate", {"unit_id": unit.pk})
    assert (response.status_code, response.json()["field"]) == (400, "unit_id")


def test_refer_with_reason_creates_the_other_agencys_task(disposed, pu, team):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(
        f"/api/v1/tasks/{task.pk}/refer",
        {"to_agency": team.satpol.slug, "reason": "Penertiban bangunan, bukan jalan."},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["referred_task"]["status"] == "referred" and body["bounced"] is False
    assert body["new_task"]["agency"]["slug"] == team.satpol.slug
    assert body["new_task"]["instructions"] == ""  # not the token agency's task


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"to_agency": "satpol-sleman", "reason": "  "}, 400, "reason_required"),
        ({"to_agency": "dpupkp-sleman", "reason": "x"}, 400, "refer_to_self"),
        ({"to_agency": "dinkes-sleman", "reason": "x"}, 409, "already_on_case"),
        ({"to_agency": "no-such-agency", "reason": "x"}, 400, "invalid"),
        ({"reason": "x"}, 400, "invalid"),
    ],
)
def test_refer_refusals(disposed, pu, team, payload, status, code):
    task = task_of(disposed, team.dinas_pu)
    response = pu.post(f"/api/v1/tasks/{task.pk}/refer", payload)
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_second_referral_bounces_the_case(disposed, pu, team):
    from layani.cases import services

    services.refer_task(
        task_of(disposed, team.dinkes), actor=team.admin_dinkes, to=team.satpol, reason="x"
    )
    task = task_of(disposed, team.dinas_pu)
    body = pu.post(
        f"/api/v1/tasks/{task.pk}/refer", {"to_agency": team.pemda.slug, "reason": "x"}
    ).json()
    assert body["bounced"] is True and body["new_task"] is None


def test_complete_co_handling_task_and_lead_cannot_complete(disposed, pu, dinkes, team):
    co = task_of(disposed, team.dinkes)
    dinkes.post(f"/api/v1/tasks/{co.pk}/accept")
    response = dinkes.post(f"/api/v1/tasks/{co.pk}/complete", {"summary": "Fogging selesai."})
    assert (response.status_code, response.json()["status"]) == (200, "done")
    lead = task_of(disposed, team.dinas_pu)
    pu.post(f"/api/v1/tasks/{lead.pk}/accept")
    response = pu.post(f"/api/v1/tasks/{lead.pk}/complete", {"summary": "x"})
    assert (response.status_code, response.json()["code"]) == (409, "lead_completes_by_closure")


def test_complete_a_pending_task_is_409(disposed, dinkes, team):
    co = task_of(disposed, team.dinkes)
    response = dinkes.post(f"/api/v1/tasks/{co.pk}/complete", {"summary": "x"})
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_propose_closure_after_co_handlers_finish(disposed, pu, dinkes, team):
    url = f"/api/v1/cases/{disposed.tracking_id}/closure-proposal"
    payload = {"outcome": "resolved", "explanation": "Jalan sudah ditambal."}
    blocked = pu.post(url, payload)
    assert (blocked.status_code, blocked.json()["code"]) == (409, "co_handlers_still_working")
    co = task_of(disposed, team.dinkes)
    dinkes.post(f"/api/v1/tasks/{co.pk}/accept")
    dinkes.post(f"/api/v1/tasks/{co.pk}/complete", {"summary": "Selesai."})
    assert dinkes.post(url, payload).status_code == 403
    response = pu.post(url, payload)
    assert response.status_code == 200
    assert response.json() == {
        "tracking_id": disposed.tracking_id,
        "status": "closure_proposed",
        "outcome": "resolved",
    }
    view = reporter_view(Report.objects.get(pk=disposed.pk))
    assert view.messages[-1].body == "Jalan sudah ditambal."
    assert not Task.objects.filter(case_id=disposed.pk, status__in=["pending", "accepted"]).exists()


def test_propose_closure_with_unknown_outcome_is_400(disposed, pu):
    response = pu.post(
        f"/api/v1/cases/{disposed.tracking_id}/closure-proposal",
        {"outcome": "vanished", "explanation": "x"},
    )
    assert (response.status_code, response.json()["field"]) == (400, "outcome")


def test_moves_on_a_closed_case_are_refused(disposed, pu, team):
    lead = task_of(disposed, team.dinas_pu)
    from layani.cases import services

    services.withdraw_task(task_of(disposed, team.dinkes), actor=team.coordinator, reason="x")
    pu.post(
        f"/api/v1/cases/{disposed.tracking_id}/closure-proposal",
        {"outcome": "resolved", "explanation": "x"},
    )
    response = pu.post(f"/api/v1/tasks/{lead.pk}/accept")
    assert (response.status_code, response.json()["code"]) == (409, "case_not_in_handling")


@pytest.mark.parametrize("task_id", ["0", "abc", str(2**70)])
def test_bad_task_ids_are_4xx_not_500(pu, task_id):
    assert pu.post(f"/api/v1/tasks/{task_id}/accept").status_code in (400, 404)
