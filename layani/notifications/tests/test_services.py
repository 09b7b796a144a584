"""Recorded notifications: e-mail, the signed-HTTP gateway, retries, digests."""

import json
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from layani.cases.notify import notify_reporter
from layani.notifications import services
from layani.notifications.models import Channel, Delivery, Notification, Status
from layani.notifications.senders import SIGNATURE_HEADER, signature

pytestmark = pytest.mark.django_db

SECRET = "gateway-secret"
NOW = datetime(2026, 1, 5, 9, tzinfo=ZoneInfo("Asia/Jakarta"))


class Gateway:
    """A local SMS gateway that checks the signature and can fail its first requests."""

    def __init__(self, fail_first=0):
        self.received, self.rejected, self.fail_first = [], 0, fail_first
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers[SIGNATURE_HEADER] != signature(SECRET, body):
                    gateway.rejected += 1
                    self.send_response(401)
                elif gateway.fail_first > 0:
                    gateway.fail_first -= 1
                    self.send_response(503)
                else:
                    gateway.received.append(json.loads(body))
                    self.send_response(202)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def gateway(settings):
    gw = Gateway()
    settings.LAYANI_NOTIFICATION_GATEWAYS = {"sms": {"URL": gw.url, "SECRET": SECRET}}
    yield gw
    gw.server.shutdown()


def _sms(**kwargs):
    return services.notify(
        recipient_ref="reporter:K7R4XA96HW",
        channel=Channel.SMS,
        address="081234567890",
        event="report.update",
        subject="Laporan Anda",
        body="Sudah ditindaklanjuti.",
        now=NOW,
        **kwargs,
    )


def test_a_reporter_email_is_recorded_and_sent_and_the_address_forgotten(
    make_report, django_capture_on_commit_callbacks
):
    report = make_report()
    with django_capture_on_commit_callbacks(execute=True):
        notify_reporter(report, "Laporan Anda sedang diverifikasi.")
    sent = Notification.objects.get()
    assert (sent.status, sent.channel, sent.attempts) == (Status.SENT, Channel.EMAIL, 1)
    assert sent.recipient_ref == f"reporter:{report.tracking_id}"
    assert sent.address == ""
    assert mail.outbox[-1].to == ["siti@example.org"]


def test_the_gateway_receives_a_body_whose_hmac_it_can_verify(
    gateway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _sms()
    notification.refresh_from_db()
    assert notification.status == Status.SENT
    assert gateway.rejected == 0
    assert gateway.received == [
        {
            "id": notification.pk,
            "channel": "sms",
            "to": "081234567890",
            "event": "report.update",
            "subject": "Laporan Anda",
            "text": "Sudah ditindaklanjuti.",
        }
    ]


def test_a_wrong_secret_is_refused_by_the_gateway_and_retried_later(gateway, settings):
    settings.LAYANI_NOTIFICATION_GATEWAYS = {"sms": {"URL": gateway.url, "SECRET": "wrong"}}
    notification = _sms()
    assert services.deliver(notification.pk, now=NOW) == Status.PENDING
    notification.refresh_from_db()
    assert (notification.attempts, gateway.rejected) == (1, 1)
    assert "401" in notification.error
    assert notification.next_attempt_at == NOW + timedelta(minutes=1)


def test_failed_attempts_back_off_then_succeed_via_the_sweep_retry(gateway):
    gateway.fail_first = 2
    notification = _sms()
    services.deliver(notification.pk, now=NOW)
    services.deliver(notification.pk, now=NOW)  # a second failed attempt doubles the wait
    notification.refresh_from_db()
    assert notification.attempts == 2
    assert notification.next_attempt_at == NOW + timedelta(minutes=2)
    assert services.retry_due(now=NOW + timedelta(minutes=1)) == 0
    assert services.retry_due(now=NOW + timedelta(minutes=2)) == 1  # immediate backend sends
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.SENT, 3)
    assert len(gateway.received) == 1


def test_gives_up_after_the_last_attempt(settings):
    settings.LAYANI_NOTIFICATION_GATEWAYS = {
        "sms": {"URL": "http://127.0.0.1:9/none", "SECRET": SECRET, "TIMEOUT": 1}
    }
    notification = _sms()
    for _ in range(services.MAX_ATTEMPTS):
        Notification.objects.filter(pk=notification.pk).update(next_attempt_at=NOW)
        services.deliver(notification.pk, now=NOW)
    notification.refresh_from_db()
    assert (notification.status, notification.address) == (Status.FAILED, "")
    assert services.deliver(notification.pk, now=NOW) == Status.FAILED  # not claimed again


def test_a_dedupe_key_creates_a_notification_only_once():
    assert _sms(dedupe_key="escalation:1:user:2") is not None
    assert _sms(dedupe_key="escalation:1:user:2") is None
    assert Notification.objects.count() == 1


def test_digest_users_get_one_email_grouping_their_notifications(
    cast, django_capture_on_commit_callbacks
):
    supervisor = cast.supervisor
    supervisor.email = "kepala@example.go.id"
    supervisor.save()
    services.set_preference(supervisor, delivery=Delivery.DAILY_DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        for i, event in enumerate(["deadline.breached", "deadline.breached", "deadline.reminder"]):
            services.notify_user(supervisor, event=event, subject=f"Laporan {i}", body="…")
    assert set(Notification.objects.values_list("status", flat=True)) == {Status.HELD}
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(now=NOW) == 1
        assert services.send_digests(now=NOW) == 0
    digest = Notification.objects.get(event="digest.daily")
    assert digest.status == Status.SENT
    assert Notification.objects.filter(digest=digest, status=Status.DIGESTED).count() == 3
    body = mail.outbox[0].body
    assert "deadline.breached (2)" in body and "deadline.reminder (1)" in body
    assert mail.outbox[0].to == ["kepala@example.go.id"]


def test_email_off_records_nothing_to_send(cast):
    cast.supervisor.email = "kepala@example.go.id"
    services.set_preference(cast.supervisor, delivery=Delivery.IMMEDIATE, email_enabled=False)
    assert services.notify_user(cast.supervisor, event="x.y", subject="s", body="b") is None
