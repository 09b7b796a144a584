"""mySociety's POST servicerequestupdates: an update from the client's side becomes a reporter
message on the case, idempotent on update_id, audited, answered in the extension's format, and
listed by GET servicerequestupdates under the ID it was answered with."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.audit.models import AuditEntry, Visibility
from layani.audit.verify import verify_chain
from layani.cases.models import CaseMessage, MessageKind
from layani.intake.models import Report
from layani.open311.keys import issue_api_key

from .test_inputs import errors

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"


@pytest.fixture
def submitted(client, regions, categories, api_key) -> Report:
    answer = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": api_key,
            "service_code": "jalan-rusak",
            "address_id": A_SLEMAN_VILLAGE,
            "description": "Jalan berlubang di depan pasar",
        },
    )
    assert answer.status_code == 200, answer.content
    return Report.objects.get()


def _update(client, api_key, report: Report, fmt: str = "xml", **fields):
    """The fields FixMyStreet's Open311 client sends with an update (perllib/Open311.pm)."""
    data = {
        "api_key": api_key,
        "jurisdiction_id": "sleman.go.id",
        "service_request_id": report.display_tracking_id,
        "update_id": "4711",
        "updated_datetime": "2026-12-01T10:00:00+07:00",
        "status": "OPEN",
        "description": "Lubangnya makin besar setelah hujan semalam.",
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@example.id",
        "phone": "081234567890",
        **fields,
    }
    return client.post(f"{BASE}/servicerequestupdates.{fmt}", data)


def test_an_update_becomes_a_reporter_message_answered_as_the_extension_says(
    client, submitted, api_key
):
    response = _update(client, api_key, submitted)
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert root.tag == "service_request_updates"
    update_id = root.findtext("request_update/update_id")
    assert update_id and update_id.isdigit()

    [message] = CaseMessage.objects.filter(case__report=submitted)
    assert message.kind == MessageKind.REPORTER_MESSAGE
    assert message.body == "Lubangnya makin besar setelah hujan semalam."
    # The event the message made is public and listed by GET under the ID the POST answered.
    event = AuditEntry.objects.get(sequence=int(update_id))
    assert (event.action, event.visibility) == ("message.reporter", Visibility.PUBLIC)
    listed = client.get(f"{BASE}/servicerequestupdates.json", HTTP_ACCEPT_LANGUAGE="en").json()
    mine = [u for u in listed if u["update_id"] == update_id]
    assert mine and mine[0]["service_request_id"] == submitted.display_tracking_id
    assert mine[0]["description"] == "The reporter sent a message"
    # Audited by this adapter beside the domain's entry, with references only.
    [received] = AuditEntry.objects.filter(action="open311.update_received")
    assert received.object_ref == submitted.tracking_id
    assert received.actor_ref.startswith("open311_key:")
    assert received.payload["update"] == update_id and received.payload["status"] == "open"
    stored = str(received.payload) + str(event.payload)
    assert "4711" not in stored and "Budi" not in stored and "budi@example.id" not in stored
    assert verify_chain().ok


def test_the_same_update_id_twice_makes_one_message(client, submitted, api_key):
    first = _update(client, api_key, submitted, fmt="json")
    again = _update(client, api_key, submitted, fmt="json")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert list(first.json()[0]) == ["update_id"]
    assert CaseMessage.objects.filter(case__report=submitted).count() == 1
    other = _update(client, api_key, submitted, fmt="json", update_id="4712")
    assert other.json() != first.json()
    assert CaseMessage.objects.filter(case__report=submitted).count() == 2


def test_older_clients_update_id_ext_and_a_status_only_update(client, submitted, api_key):
    response = _update(
        client, api_key, submitted, update_id="", update_id_ext="99", description="", status="FIXED"
    )
    assert response.status_code == 200, response.content
    [message] = CaseMessage.objects.filter(case__report=submitted)
    assert "fixed" in message.body
    assert _update(client, api_key, submitted, update_id="", update_id_ext="99").status_code == 200
    assert CaseMessage.objects.filter(case__report=submitted).count() == 1


def test_a_photo_link_reaches_the_agencies_with_the_message(client, submitted, api_key):
    response = _update(client, api_key, submitted, media_url="https://fms.example/p/1.jpeg")
    assert response.status_code == 200
    assert "https://fms.example/p/1.jpeg" in CaseMessage.objects.get().body


@pytest.mark.parametrize(
    ("fields", "status", "named"),
    [
        ({"service_request_id": ""}, 400, "service_request_id"),
        ({"service_request_id": "K7R-4XA-96HW"}, 404, "service_request_id"),
        ({"status": "exploded"}, 400, "status"),
        ({"updated_datetime": "0001-01-01T00:00:00+14:00"}, 400, "updated_datetime"),
        ({"description": "", "status": ""}, 400, "description"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"description": "x" * 4001}, 400, "description"),
        ({"update_id": "9" * 101}, 400, "update_id"),
    ],
)
def test_refused_updates_are_errors_documents(client, submitted, api_key, fields, status, named):
    response = _update(client, api_key, submitted, fmt="json", **fields)
    assert response.status_code == status
    [error] = errors(response)
    assert error["code"] == str(status) and error["description"].startswith(f"{named}")
    assert not CaseMessage.objects.exists()


def test_only_the_integrator_that_sent_the_request_may_update_it(client, submitted, api_key):
    other_key = issue_api_key("Aplikasi Lain")[1]
    assert _update(client, "l311_wrong", submitted).status_code == 403
    response = _update(client, other_key, submitted, fmt="json")
    assert response.status_code == 403
    assert errors(response)[0]["description"].startswith("service_request_id")
    assert not CaseMessage.objects.exists()


def test_an_update_on_a_closed_case_is_a_400(client, submitted, api_key):
    from layani.intake.models import ReportStatus

    Report.objects.filter(pk=submitted.pk).update(status=ReportStatus.CLOSED)
    response = _update(client, api_key, submitted, fmt="json")
    assert response.status_code == 400
    assert errors(response)[0]["description"].startswith("service_request_id: ")
    assert not AuditEntry.objects.filter(action="open311.update_received").exists()


def test_an_update_on_a_held_report_answers_the_hold(client, submitted, api_key, cast):
    from layani.cases import services
    from layani.intake.models import ReportStatus

    services.hold_report(submitted, actor=cast.coordinator, question="Di nomor berapa?")
    response = _update(client, api_key, submitted, description="Depan rumah nomor 12.")
    assert response.status_code == 200, response.content
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.SUBMITTED
    update_id = ET.fromstring(response.content).findtext("request_update/update_id")  # noqa: S314
    assert AuditEntry.objects.get(sequence=int(update_id)).action == "report.information_provided"
    assert CaseMessage.objects.filter(case__report=submitted, body="Depan rumah nomor 12.").exists()
