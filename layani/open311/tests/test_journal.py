"""Open311 POSTs go through the intake journal: the ID answered is final at once."""

from __future__ import annotations

import pytest
from django.test import override_settings

from conftest import A_SLEMAN_VILLAGE
from layani.intake import journal
from layani.intake.models import JournalEntry, Report
from layani.open311 import keys

from .conftest import CANARY

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"


def _post(client, api_key, **extra):
    fields = {
        "api_key": api_key,
        "service_code": "jalan-rusak",
        "address_id": A_SLEMAN_VILLAGE,
        "description": f"Jalan berlubang, hubungi {CANARY.phone}",
        "email": CANARY.email,
        **extra,
    }
    return client.post(f"{BASE}/requests.json", fields)


def test_a_waiting_request_is_shown_as_sent_and_masked_then_as_a_report(
    client, regions, categories, api_key, monkeypatch
):
    monkeypatch.setattr(journal, "kick", lambda: None)  # the worker has not come round yet
    answered = _post(client, api_key)
    assert answered.status_code == 200
    request_id = answered.json()[0]["service_request_id"]
    assert not Report.objects.exists() and JournalEntry.objects.count() == 1

    waiting = client.get(f"{BASE}/requests/{request_id}.json")
    assert waiting.status_code == 200
    [item] = waiting.json()
    assert item["service_request_id"] == request_id
    assert (item["status"], item["service_code"], item["service_name"]) == (
        "open",
        "jalan-rusak",
        "Jalan Rusak",
    )
    # What the client sent, masked exactly as the recorded report will be (checked below).
    assert item["description"] == "Jalan berlubang, hubungi [phone]"
    assert item["address"] == "Desa Caturtunggal, Kec. Depok, Kab. Sleman, DI Yogyakarta"
    assert (
        CANARY.phone not in waiting.content.decode()
        and CANARY.email not in waiting.content.decode()
    )
    token = client.get(f"{BASE}/tokens/{request_id}.json").json()
    assert token == [{"service_request_id": request_id, "token": request_id}]

    journal.record_pending()
    recorded = client.get(f"{BASE}/requests/{request_id}.json").json()[0]
    assert recorded["service_request_id"] == request_id
    for key in ("description", "address", "address_id", "service_name", "lat", "long", "zipcode"):
        assert recorded[key] == item[key], key
    assert CANARY.phone not in recorded["description"]  # redacted like every public text


def test_a_retry_with_the_same_key_gets_the_same_id_while_waiting(
    client, regions, categories, api_key, monkeypatch
):
    monkeypatch.setattr(journal, "kick", lambda: None)
    first = _post(client, api_key, idempotency_key="kirim-1").json()[0]["service_request_id"]
    again = _post(client, api_key, idempotency_key="kirim-1").json()[0]["service_request_id"]
    assert first == again and JournalEntry.objects.count() == 1


def test_unknown_ids_are_still_404(client, regions, categories):
    assert client.get(f"{BASE}/requests/K7R-4XA-96HW.json").status_code == 404
    assert client.get(f"{BASE}/tokens/K7R-4XA-96HW.json").status_code == 404


@override_settings(LAYANI_LOOKUP_CACHE_SECONDS=30)
def test_keys_are_remembered_but_a_revocation_counts_at_once(
    client, regions, categories, api_key, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(keys, "_recent", {})
    assert keys.authenticate(api_key) is not None
    with django_assert_num_queries(0):
        assert keys.authenticate(api_key) is not None
    keys.revoke_api_keys("Aplikasi Jogja Smart")
    assert keys.authenticate(api_key) is None
    assert _post(client, api_key).status_code == 403


def test_the_portal_page_of_a_waiting_request_says_it_is_being_recorded(
    client, regions, categories, api_key, monkeypatch
):
    monkeypatch.setattr(journal, "kick", lambda: None)
    request_id = _post(client, api_key).json()[0]["service_request_id"]
    page = client.get(f"/laporan/{request_id}/")
    assert page.status_code == 202
    text = page.content.decode()
    assert request_id in text and "Jalan berlubang" not in text
    assert CANARY.phone not in text and CANARY.email not in text
    journal.record_pending()
    page = client.get(f"/laporan/{request_id.replace('-', '')}/")
    assert page.status_code == 200 and "Jalan berlubang" in page.content.decode()
    assert client.get("/laporan/K7R4XA96HW/").status_code == 404
