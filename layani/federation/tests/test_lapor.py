"""Forwarding to the SP4N-LAPOR! simulator over real HTTP, and LAPOR!'s answers coming back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.audit.models import AuditEntry
from layani.cases import services as cs
from layani.federation import delivery
from layani.federation.models import Hop, InboundMessage, OutboxMessage, PeerKind
from layani.federation.services import add_peer, refer_to_peer
from layani.federation.simulator.app import State, serve_in_thread
from layani.federation.wire import lapor_xml
from layani.intake.models import PrivacyTier, ReportStatus

TOKEN = "lapor-test-token"


@pytest.fixture
def lapor(db):
    server, simulator = serve_in_thread(State(TOKEN, peer_id="sp4n-lapor"))
    peer = add_peer(
        deployment_id="sp4n-lapor",
        name="SP4N-LAPOR!",
        kind=PeerKind.LAPOR,
        base_url=f"http://127.0.0.1:{server.server_port}",
        secret=TOKEN,
    )
    yield peer, simulator, server
    server.shutdown()
    server.server_close()


def _lapor_post(client, peer, payload):
    body = lapor_xml.encode_update(TOKEN, payload)
    return client.post(
        f"/federation/v1/lapor/{peer.deployment_id}", body, content_type="application/xml"
    )


def test_forward_follow_up_closure_and_confirmation(cast, make_report, lapor, client):
    peer, simulator, _server = lapor
    report = make_report()
    refer_to_peer(
        report, actor=cast.coordinator, peer=peer, reason="Jalan nasional, bukan kabupaten"
    )
    # The forward was written with the disposition, before any delivery.
    hop = Hop.objects.get(report=report, peer=peer)
    assert OutboxMessage.objects.filter(hop=hop, kind="forward", delivered_at=None).count() == 1
    assert "identity.name" in hop.sent_fields
    assert delivery.run_pass().delivered == 1
    hop.refresh_from_db()
    assert hop.remote_tracking_id.startswith("LAPOR-")
    held = simulator.state.reports[hop.remote_tracking_id]
    assert held["referensi"] == report.tracking_id
    assert held["user"]["first_name"] == "Siti" and held["anonim"] == "0"
    entry = AuditEntry.objects.get(action="federation.forwarded", object_ref=report.tracking_id)
    assert entry.payload["peer_tracking_id"] == hop.remote_tracking_id
    # LAPOR! posts a follow-up, twice (a retry): one follow-up at the origin.
    update = {
        "key": "lapor:1:fu",
        "event": "follow_up",
        "origin": {"tracking_id": hop.remote_tracking_id},
        "your_tracking_id": report.tracking_id,
        "text": "Sudah dijadwalkan perbaikan oleh BBPJN.",
    }
    for _ in range(2):
        response = _lapor_post(client, peer, update)
        assert response.status_code == 200, response.content
    assert report.case.messages.filter(kind="follow_up").count() == 1
    assert InboundMessage.objects.filter(peer=peer).count() == 1
    closure = {**update, "key": "lapor:1:close", "event": "closure_proposed", "outcome": "resolved"}
    closure["text"] = "Jalan sudah ditambal."
    assert _lapor_post(client, peer, closure).status_code == 200
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSURE_PROPOSED
    # The citizen confirms at the origin; the confirmation flows to LAPOR!.
    cs.confirm_closure(report, rating=5)
    assert delivery.run_pass().delivered == 1
    kinds = [u["jenis"] for u in simulator.state.reports[hop.remote_tracking_id]["updates"]]
    assert kinds == ["confirmed"]


def test_anonymous_report_sends_no_identity(cast, make_report, lapor):
    peer, simulator, _server = lapor
    report = make_report(privacy=PrivacyTier.ANONIM)
    refer_to_peer(report, actor=cast.coordinator, peer=peer, reason="Kewenangan pusat")
    delivery.run_pass()
    hop = Hop.objects.get(report=report)
    assert not [f for f in hop.sent_fields if f.startswith("identity.")]
    held = simulator.state.reports[hop.remote_tracking_id]
    assert held["anonim"] == "1" and not any(held["user"].values())


def test_confidential_report_to_lapor_sends_flag_not_identity(cast, make_report, lapor):
    peer, simulator, _server = lapor
    report = make_report(privacy=PrivacyTier.RAHASIA)
    refer_to_peer(report, actor=cast.coordinator, peer=peer, reason="Kewenangan pusat")
    delivery.run_pass()
    held = simulator.state.reports[Hop.objects.get(report=report).remote_tracking_id]
    assert held["rahasia"] == "1" and not any(held["user"].values())


def test_receiver_down_then_back_delivers_once(cast, make_report, lapor):
    peer, simulator, server = lapor
    port = server.server_port
    server.shutdown()
    server.server_close()
    report = make_report()
    refer_to_peer(report, actor=cast.coordinator, peer=peer, reason="Kewenangan pusat")
    assert delivery.run_pass().failed == 1
    message = OutboxMessage.objects.get(kind="forward")
    assert message.attempts == 1 and message.delivered_at is None and not message.given_up
    assert message.next_attempt_at > timezone.now()
    assert delivery.run_pass().delivered == 0  # not due yet: backoff
    again, simulator2 = serve_in_thread(simulator.state, port)
    try:
        later = timezone.now() + timedelta(minutes=5)
        assert delivery.run_pass(now=later).delivered == 1
        assert delivery.run_pass(now=later + timedelta(hours=2)).delivered == 0
        assert len(simulator2.state.reports) == 1
    finally:
        again.shutdown()
        again.server_close()


def test_xml_with_a_dtd_is_refused(lapor, client):
    peer, _simulator, _server = lapor
    bomb = b'<?xml version="1.0"?><!DOCTYPE lapor [<!ENTITY a "aaaa">]><lapor><token>&a;</token></lapor>'
    response = client.post(
        f"/federation/v1/lapor/{peer.deployment_id}", bomb, content_type="application/xml"
    )
    assert response.status_code == 400
    assert b"xml_dtd_refused" in response.content
