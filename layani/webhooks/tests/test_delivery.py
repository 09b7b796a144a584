"""Webhook deliveries: signed, only the agency's events, retried with backoff, never duplicated."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from layani.cases import services
from layani.webhooks import delivery
from layani.webhooks.delivery import MAX_ATTEMPTS, backoff, run_pass
from layani.webhooks.models import Delivery
from layani.webhooks.services import subscribe
from layani.webhooks.signing import signature, verify
from layani.webhooks.tasks import deliver_webhooks

pytestmark = pytest.mark.django_db


def _subscribe(agency, receiver, events=()):
    subscription = subscribe(agency, receiver.url, events)
    receiver.secret = subscription.secret
    return subscription


def test_signed_events_of_the_agencys_cases_arrive(team, case_for, receiver):
    _subscribe(team.dinas_pu, receiver)
    report = case_for(team.dinas_pu)
    result = run_pass()
    assert result.delivered == 1 and receiver.bad_signatures == 0
    [event] = receiver.events
    assert event["action"] == "report.disposed"
    assert event["tracking_id"] == report.tracking_id
    assert event["agency"] == team.dinas_pu.slug
    assert event["payload"]["lead"] == team.dinas_pu.slug
    assert set(event) == {"id", "action", "tracking_id", "occurred_at", "agency", "payload"}


def test_events_before_the_agency_was_involved_and_of_other_agencies_cases_are_not_sent(
    team, case_for, receiver
):
    _subscribe(team.satpol, receiver)
    other = case_for(team.dinkes)  # Satpol never involved
    mine = case_for(team.dinas_pu)
    task = mine.case.tasks.get(agency=team.dinas_pu)
    services.refer_task(task, actor=team.admin_pu, to=team.satpol, reason="Bangunan liar")
    run_pass()
    actions = [(e["tracking_id"], e["action"]) for e in receiver.events]
    assert actions == [(mine.tracking_id, "task.referred")]
    assert other.tracking_id not in {e["tracking_id"] for e in receiver.events}


def test_other_agencies_internal_notes_and_identity_events_are_not_sent(team, case_for, receiver):
    _subscribe(team.dinas_pu, receiver)
    report = case_for(team.dinas_pu, co_handlers=[team.dinkes])
    services.post_message(report, actor=team.officer_dinkes, kind="internal", body="rahasia")
    services.post_message(report, actor=team.officer_pu, kind="internal", body="catatan")
    services.reveal_identity(report, actor=team.coordinator, reason="Verifikasi lapangan")
    run_pass()
    actions = [e["action"] for e in receiver.events]
    assert actions == ["report.disposed", "message.internal"]
    assert receiver.events[1]["payload"]["agency"] == team.dinas_pu.slug
    assert "catatan" not in str(receiver.events)


def test_subscription_events_filter_by_prefix(team, case_for, receiver):
    _subscribe(team.dinas_pu, receiver, events=["task."])
    report = case_for(team.dinas_pu)
    services.accept_task(report.case.tasks.get(agency=team.dinas_pu), actor=team.officer_pu)
    run_pass()
    assert [e["action"] for e in receiver.events] == ["task.accepted"]


def test_failed_delivery_is_retried_with_backoff_until_it_succeeds(team, case_for, flaky_receiver):
    subscription = _subscribe(team.dinas_pu, flaky_receiver)
    case_for(team.dinas_pu)
    start = timezone.now()
    run_pass(now=start)
    row = Delivery.objects.get(subscription=subscription)
    assert (row.attempt, row.status_code, row.delivered_at) == (1, 503, None)
    assert row.next_attempt_at == start + backoff(1)
    assert run_pass(now=start + timedelta(seconds=10)).failed == 0  # not yet due
    run_pass(now=start + backoff(1))
    row.refresh_from_db()
    assert row.attempt == 2 and row.next_attempt_at == start + backoff(1) + backoff(2)
    run_pass(now=start + backoff(1) + backoff(2))
    row.refresh_from_db()
    assert row.attempt == 3 and row.status_code == 204 and row.delivered_at is not None
    assert [e["id"] for e in flaky_receiver.events] == [row.sequence]
    assert flaky_receiver.requests == 3


def test_backoff_doubles_and_is_capped():
    assert [backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert backoff(20) == delivery.LONGEST_WAIT


def test_unreachable_endpoint_gives_up_after_max_attempts(team, case_for):
    subscription = subscribe(team.dinas_pu, "http://127.0.0.1:9/closed")
    case_for(team.dinas_pu)
    now = timezone.now()
    for _ in range(MAX_ATTEMPTS + 2):
        run_pass(now=now)
        now += delivery.LONGEST_WAIT
    row = Delivery.objects.get(subscription=subscription)
    assert row.attempt == MAX_ATTEMPTS and row.given_up
    assert row.status_code is None and row.error


def test_each_event_gets_exactly_one_delivery_row(team, case_for, receiver):
    subscription = _subscribe(team.dinas_pu, receiver)
    case_for(team.dinas_pu)
    run_pass()
    subscription.cursor = 0  # as if the cursor were lost: the scan runs over the same events
    subscription.save()
    run_pass()
    deliver_webhooks.enqueue()
    assert Delivery.objects.filter(subscription=subscription).count() == 1
    assert len(receiver.events) == 1


def test_new_subscription_does_not_replay_history(team, case_for, receiver):
    case_for(team.dinas_pu)
    _subscribe(team.dinas_pu, receiver)
    assert run_pass().queued == 0


def test_redirects_are_not_followed(team, case_for, receiver):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Redirect(BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(307)
            self.send_header("Location", receiver.url)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sub = subscribe(team.dinas_pu, f"http://127.0.0.1:{server.server_port}/")
        receiver.secret = sub.secret
        case_for(team.dinas_pu)
        run_pass()
    finally:
        server.shutdown()
        server.server_close()
    assert receiver.requests == 0
    assert Delivery.objects.get(subscription=sub).status_code == 307


def test_signature_verification_rejects_tampering_and_replay():
    body = b'{"id": 1}'
    header = signature("s3cret", 1_700_000_000, body)
    assert verify(
        "s3cret",
        body=body,
        timestamp_header="1700000000",
        signature_header=header,
        now=1_700_000_010,
    )
    assert not verify(
        "s3cret",
        body=body + b" ",
        timestamp_header="1700000000",
        signature_header=header,
        now=1_700_000_010,
    )
    assert not verify(
        "other",
        body=body,
        timestamp_header="1700000000",
        signature_header=header,
        now=1_700_000_010,
    )
    assert not verify(
        "s3cret",
        body=body,
        timestamp_header="1700000000",
        signature_header=header,
        now=1_700_000_000 + 3600,
    )


@pytest.mark.parametrize("url", ["ftp://example.org/x", "/relative", "http://u:p@example.org/"])
def test_subscription_urls_must_be_plain_http_or_https(team, url):
    with pytest.raises(ValueError):
        subscribe(team.dinas_pu, url)


def test_subscription_events_must_be_webhook_families(team):
    with pytest.raises(ValueError):
        subscribe(team.dinas_pu, "https://example.org/hook", ["identity."])


def test_deliver_command_runs_a_pass(team, case_for, receiver, capsys):
    _subscribe(team.dinas_pu, receiver)
    case_for(team.dinas_pu)
    call_command("webhooks", "deliver")
    assert "'delivered': 1" in capsys.readouterr().out
    assert len(receiver.events) == 1
