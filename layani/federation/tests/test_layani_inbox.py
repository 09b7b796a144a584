"""The receiving side of a Layani-to-Layani forward: signed, idempotent, audited, kept in step."""

from __future__ import annotations

import time

import pytest
from django.utils.translation import override

from layani.audit.models import AuditEntry
from layani.cases import services as cs
from layani.directory.models import GovernmentLevel
from layani.federation.models import Direction, Hop, OutboxMessage, PeerKind
from layani.federation.services import add_peer
from layani.federation.wire import layani_json
from layani.intake.models import Report

SECRET = "fed_test_secret"


@pytest.fixture
def origin_peer(cast):
    return add_peer(
        deployment_id="layani-kulonprogo",
        name="Layani Kulon Progo",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret=SECRET,
        level=GovernmentLevel.REGENCY,
        region=cast.pemda.region,
    )


def _forward(privacy="rahasia", identity=None):
    return {
        "kind": "forward",
        "key": "layani-kulonprogo:ABC123:forward:1",
        "origin": {"deployment": "layani-kulonprogo", "tracking_id": "ABC123"},
        "reason": "Jalan provinsi",
        "report": {
            "type": "pengaduan",
            "title": "Jalan provinsi berlubang",
            "description": "Jalan provinsi berlubang di dekat jembatan, membahayakan pengendara.",
            "region_code": "34.04.07.2001",
            "category_code": "jalan-rusak",
            "privacy": privacy,
        },
        "identity": identity,
    }


def _post(client, payload, secret=SECRET, sender="layani-kulonprogo"):
    body = layani_json.encode(payload)
    headers = layani_json.request_headers(sender, secret, payload["key"], body, int(time.time()))
    extra = {
        "HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items() if k != "Content-Type"
    }
    return client.post(
        "/federation/v1/inbox",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )


def test_forward_twice_makes_one_report_with_identity_kept(client, origin_peer):
    identity = {"name": "Siti Rahayu", "phone": "081234567890", "email": "", "nik": ""}
    first = _post(client, _forward(identity=identity))
    second = _post(client, _forward(identity=identity))
    assert first.status_code == 200, first.content
    assert second.status_code == 200
    assert first.json()["tracking_id"] == second.json()["tracking_id"]
    assert second.json()["repeated"] is True
    report = Report.objects.get(tracking_id=first.json()["tracking_id"])
    assert Report.objects.count() == 1
    assert report.identity.name == "Siti Rahayu"  # kept in the receiver's identity store
    hop = Hop.objects.get(report=report)
    assert hop.direction == Direction.IN and hop.remote_tracking_id == "ABC123"
    assert (
        AuditEntry.objects.filter(
            action="federation.received", object_ref=report.tracking_id
        ).count()
        == 1
    )


def test_bad_signature_and_bad_json_are_clear_errors(client, origin_peer):
    wrong = _post(client, _forward(), secret="nope")
    assert wrong.status_code == 401
    with override("en"):
        assert "signature" in wrong.json()["message"]
    body = b"{not json"
    headers = layani_json.request_headers("layani-kulonprogo", SECRET, "k", body, int(time.time()))
    extra = {
        "HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items() if k != "Content-Type"
    }
    bad = client.post("/federation/v1/inbox", body, content_type="application/json", **extra)
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_json"


def test_receiver_follow_up_and_closure_go_back_to_the_origin(client, cast, origin_peer):
    tracking = _post(client, _forward(privacy="biasa")).json()["tracking_id"]
    report = Report.objects.get(tracking_id=tracking)
    cs.verify_report(report, actor=cast.coordinator)
    cs.dispose_report(report, actor=cast.coordinator, lead=cast.dinas_pu)
    cs.accept_task(report.case.tasks.get(), actor=cast.officer_pu)
    cs.post_message(report, actor=cast.officer_pu, kind="follow_up", body="Tim sudah meninjau.")
    cs.propose_closure(
        report, actor=cast.officer_pu, outcome="resolved", explanation="Sudah ditambal."
    )
    events = list(OutboxMessage.objects.order_by("pk").values_list("kind", flat=True))
    assert events == ["accepted", "follow_up", "closure_proposed"]
    closure = OutboxMessage.objects.get(kind="closure_proposed").payload
    assert closure["outcome"] == "resolved" and closure["text"] == "Sudah ditambal."
    # The origin's citizen confirms: applied once here, even when it arrives twice.
    confirm = {
        "kind": "update",
        "key": "layani-kulonprogo:ABC123:confirmed:77",
        "event": "confirmed",
        "origin": {"deployment": "layani-kulonprogo", "tracking_id": "ABC123"},
        "your_tracking_id": tracking,
        "rating": 4,
    }
    assert _post(client, confirm).status_code == 200
    assert _post(client, confirm).status_code == 200
    report.refresh_from_db()
    assert report.status == "closed" and report.case.rating == 4


def test_command_lists_peers_and_shows_and_retries_the_outbox(origin_peer, client):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("federation", "list", stdout=out)
    assert "layani-kulonprogo" in out.getvalue()
    _post(client, _forward(privacy="biasa"))
    report = Report.objects.get()
    hop = Hop.objects.get(report=report)
    OutboxMessage.objects.create(hop=hop, kind="follow_up", key="k1", payload={}, given_up=True)
    out = StringIO()
    call_command("federation", "outbox", stdout=out)
    assert "given up" in out.getvalue()
    out = StringIO()
    call_command("federation", "retry", stdout=out)
    assert out.getvalue().startswith("1 message")
    assert not OutboxMessage.objects.get(key="k1").given_up
