"""The webhook: signatures, validation, redelivery, e-mail, and where the sender's number ends up."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from layani.intake.models import Channel, Report, ReporterIdentity
from layani.messaging.gateways import sign

from .conftest import PHONE, PHONE_FORMS

pytestmark = pytest.mark.django_db


def test_a_bad_or_missing_signature_is_403_and_changes_nothing(sms):
    body = {"from": PHONE, "text": "Jalan rusak", "message_id": "SM1"}
    assert sms.post(body, secret="not-the-secret").status_code == 403
    assert sms.post(body, signature="").status_code == 403
    assert sms.post(body, signature="sha256=" + "0" * 64).status_code == 403
    assert not apps.get_model("messaging", "Conversation").objects.exists()


def test_unknown_or_inactive_gateways_are_404(sms, client):
    assert (
        client.post("/messaging/nope/inbound", b"{}", content_type="application/json").status_code
        == 404
    )
    apps.get_model("messaging", "Gateway").objects.update(is_active=False)
    assert sms.post({"from": PHONE, "text": "x", "message_id": "1"}).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        json.dumps({"text": "tanpa pengirim", "message_id": "1"}).encode(),
        json.dumps({"from": PHONE, "text": "tanpa id"}).encode(),
        json.dumps({"from": PHONE, "text": ["list"], "message_id": "1"}).encode(),
        json.dumps({"from": PHONE, "text": "x" * 10_001, "message_id": "1"}).encode(),
    ],
)
def test_malformed_bodies_are_400(sms, body):
    response = sms.post(body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] in ("invalid_json", "invalid_message")


def test_a_redelivered_webhook_gets_the_same_reply_and_makes_no_second_report(sms):
    first = sms.say("Jalan berlubang dekat SD", message_id="wamid.A1")
    assert sms.say("Jalan berlubang dekat SD", message_id="wamid.A1") == first
    done = sms.say("Caturtunggal", message_id="wamid.A2")
    again = sms.say("Caturtunggal", message_id="wamid.A2")
    assert again == done and "Nomor tiket" in done
    assert Report.objects.count() == 1
    # A later redelivery, after the sender started a new report, still changes nothing.
    sms.say("Lampu jalan mati", message_id="wamid.A3")
    assert sms.say("Caturtunggal", message_id="wamid.A2") == done
    assert Report.objects.count() == 1


def test_the_phone_number_is_stored_in_reporter_identity_and_nowhere_else(sms):
    sms.say("Jalan berlubang dekat SD")
    sms.say("Caturtunggal")
    sms.say("Lampu jalan mati")  # an open conversation too
    hits = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                if any(form in text for form in PHONE_FORMS):
                    hits.add(table)
    assert hits == {ReporterIdentity._meta.db_table}


def test_the_phone_number_never_reaches_the_logs(sms, caplog):
    with caplog.at_level("DEBUG"):
        sms.say("Jalan berlubang dekat SD")
        sms.say("Caturtunggal")
    assert not any(form in caplog.text for form in PHONE_FORMS)


def test_email_goes_through_the_same_conversation(gateway_factory):
    mail = gateway_factory("Mailgun", "email")

    def send(subject: str, text: str, message_id: str) -> str:
        body = {
            "from": ["Warga ", "warga@example.id>"][1].rstrip(">"),
            "subject": subject,
            "text": text,
            "message_id": message_id,
        }
        response = mail.post(body)
        assert response.status_code == 200, response.content
        return response.json()["reply"]

    assert "Di mana" in send("Jalan berlubang", "Di depan pasar, bahaya untuk motor.", "<m1@mail>")
    quoted = "Caturtunggal\n\nOn Sat, Layani wrote:\n> Terima kasih. Di mana lokasinya?"
    assert "Nomor tiket" in send("Re: Jalan berlubang", quoted, "<m2@mail>")
    report = Report.objects.get()
    assert report.channel == Channel.EMAIL
    assert report.description.startswith("Jalan berlubang\nDi depan pasar")
    assert ReporterIdentity.objects.get(report=report).email == "warga@example.id"


def test_a_telegram_chat_id_is_not_taken_for_a_phone_number(gateway_factory):
    telegram = gateway_factory("Bot Telegram", "telegram")
    body = {"from": 123456789, "text": "Jalan berlubang", "message_id": 1}
    assert telegram.post(body).status_code == 200
    body = {"from": 123456789, "text": "Caturtunggal", "message_id": 2}
    assert "Nomor tiket" in telegram.post(body).json()["reply"]
    identity = ReporterIdentity.objects.get()
    assert (identity.phone, identity.email) == ("", "")


def test_add_gateway_prints_a_secret_that_signs_webhooks(client, db):
    out = StringIO()
    call_command(
        "messaging", "add-gateway", "Fonnte WA", "--kind", "whatsapp", stdout=out, stderr=StringIO()
    )
    secret = out.getvalue().strip()
    raw = json.dumps({"from": PHONE, "text": "", "message_id": "x1"}).encode()
    response = client.post(
        "/messaging/fonnte-wa/inbound",
        raw,
        content_type="application/json",
        HTTP_X_LAYANI_SIGNATURE=sign(secret, raw),
    )
    assert response.status_code == 200
    assert "Silakan tulis laporan" in response.json()["reply"]
    assert secret not in str(list(apps.get_model("messaging", "Gateway").objects.values()))


def test_nul_characters_in_a_message_are_dropped(sms):
    assert "Di mana" in sms.say("Jalan berlubang \x00 parah")
    assert "Nomor tiket" in sms.say("Catur\x00tunggal")
    assert Report.objects.get().description == "Jalan berlubang  parah"
