"""Subject access: the citizen's own download from /akun/, and a coordinator's export by contact."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from layani.audit.models import AuditEntry
from layani.portal.models import NotificationPreference
from layani.privacy.erasure import erase_subject
from layani.privacy.models import SubjectRequest

from .helpers import EMAIL, NAME, NIK, PHONE, canary_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def mine(team):
    """The citizen's report (sent signed in) and someone else's."""
    own = canary_report(team, user=team.citizen)
    other = canary_report(
        team,
        name="Orang Lain",
        nik="3404074107900099",
        phone="085611112222",
        email="lain@example.org",
        attachment=False,
    )
    NotificationPreference.objects.create(user=team.citizen, phone="081311112222", by_sms=True)
    return own, other


def _download(client, fmt):
    response = client.post(reverse("portal:my-data-download"), {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    return response.content


def test_a_citizen_downloads_everything_held_about_them_and_nothing_else(client, team, mine):
    own, _other = mine
    client.force_login(team.citizen)
    data = json.loads(_download(client, "json"))

    assert data["account"]["username"] == "warga"
    assert data["notification_preferences"]["phone"] == "081311112222"
    assert [r["tracking_id"] for r in data["reports"]] == [own.display_tracking_id]
    report = data["reports"][0]
    assert report["identity"] == {
        "name": NAME,
        "nik": NIK,
        "phone": PHONE,
        "email": EMAIL,
        "show_name_publicly": False,
        "linked_to_account": True,
    }
    assert report["description"] == own.description
    assert [a["name"] for a in report["attachments"]] == ["lampu.png"]
    # What the tracking page shows: the public follow-up with the agency's name, never the officer,
    # never the internal note.
    assert [(m["kind"], m["agency"]) for m in report["messages"]] == [
        ("follow_up", "DPUPKP Sleman")
    ]
    text = json.dumps(data, ensure_ascii=False)
    assert "catatan internal rahasia" not in text
    assert "petugas_pu" not in text
    assert "Orang Lain" not in text and "lain@example.org" not in text
    assert report["timeline"][0]["event"] == "report.submitted"
    assert any(n["text"] for n in report["notifications"])

    entry = AuditEntry.objects.get(action="privacy.exported")
    assert entry.actor_ref == "citizen" and entry.payload == {"reports": 1, "format": "json"}
    assert SubjectRequest.objects.get(pk=int(entry.object_ref)).handled_by is None


def test_the_csv_download_is_readable_and_formula_safe(client, team, mine):
    client.force_login(team.citizen)
    raw = _download(client, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert rows[0] == ["section", "report", "item", "field", "value"]
    assert ["identity", mine[0].display_tracking_id, "", "email", EMAIL] in rows
    assert all(not r[4].startswith(("=", "+", "@")) for r in rows[1:])


def test_downloads_need_a_signed_in_post_and_a_known_format(client, team, mine):
    assert client.post(reverse("portal:my-data-download"), {"format": "json"}).status_code == 302
    client.force_login(team.citizen)
    assert client.get(reverse("portal:my-data-download")).status_code == 405
    response = client.post(reverse("portal:my-data-download"), {"format": "xml"}, follow=True)
    assert "flash-error" in response.content.decode()
    assert not AuditEntry.objects.filter(action="privacy.exported").exists()


def test_the_account_page_restricts_and_lifts(client, team, mine):
    own, other = mine
    client.force_login(team.citizen)
    page = client.get(reverse("portal:my-data"))
    assert page.status_code == 200 and own.display_tracking_id in page.content.decode()
    client.post(reverse("portal:my-data-restrict"), {"action": "restrict"})
    assert own.privacy_state.restricted
    assert not hasattr(other, "privacy_state") or not other.privacy_state.restricted
    client.post(reverse("portal:my-data-restrict"), {"action": "lift"})
    own.privacy_state.refresh_from_db()
    assert not own.privacy_state.restricted
    response = client.post(reverse("portal:my-data-restrict"), {"action": "delete-everything"})
    assert response.status_code == 302


def test_an_erased_account_keeps_no_preferences_and_cannot_sign_in(client, team, mine):
    own, _ = mine
    erase_subject(
        [own], handled_by=team.coordinator, reason="Permintaan pelapor", account=team.citizen
    )
    team.citizen.refresh_from_db()
    assert not team.citizen.is_active and team.citizen.email == ""
    assert not NotificationPreference.objects.filter(user=team.citizen).exists()
    assert not client.login(username="warga", password="test-pass-123")


def _console_post(client, **data):
    form = {
        "form": "subject",
        "s-action": "export_json",
        "s-reason": "Diverifikasi lewat kode",
        "s-verified": "on",
    }
    form.update({f"s-{k}": v for k, v in data.items()})
    return client.post(reverse("console:subject-requests"), form)


def test_a_coordinator_exports_by_verified_contact_within_their_region(team, mine, staff_login):
    own, _other = mine
    response = _console_post(staff_login(team.coordinator), email=EMAIL.upper())
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [r["tracking_id"] for r in data["reports"]] == [own.display_tracking_id]
    assert "account" not in data  # an export by contact does not open the account
    entry = AuditEntry.objects.get(action="privacy.exported")
    assert entry.actor_ref == f"user:{team.coordinator.pk}"
    # Out of region: a Bantul coordinator finds nothing.
    response = _console_post(staff_login(team.coordinator_bantul), phone="+62 812 9876 5431")
    assert json.loads(response.content)["reports"] == []


def test_the_console_page_needs_coordinator_or_oversight_a_second_factor_and_a_contact(
    client, team, mine, staff_login
):
    url = reverse("console:subject-requests")
    assert staff_login(team.officer_pu).get(url).status_code == 404
    client.force_login(team.coordinator)  # signed in, but no TOTP code entered
    response = client.get(url)
    assert response.status_code == 302 and "verifikasi" in response["Location"]
    staff = staff_login(team.auditor)
    assert staff.get(url).status_code == 200
    response = _console_post(staff, email="")
    assert response.status_code == 400
    assert 'class="flash flash-error" role="alert"' in response.content.decode()
    response = _console_post(staff, email=EMAIL, verified="")
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action="privacy.exported").exists()


def test_the_console_restricts_erases_and_holds(team, mine, staff_login):
    own, _other = mine
    client = staff_login(team.coordinator)
    response = _console_post(client, action="restrict", nik=NIK)
    assert response.status_code == 200 and own.privacy_state.restricted
    response = client.post(
        reverse("console:subject-requests"),
        {
            "form": "hold",
            "h-tracking_id": own.display_tracking_id,
            "h-hold": "hold",
            "h-reason": "Sengketa",
        },
    )
    assert response.status_code == 200
    own.privacy_state.refresh_from_db()
    assert own.privacy_state.legal_hold
    response = _console_post(client, action="erase", nik=NIK)
    assert own.display_tracking_id in response.content.decode()
    own.refresh_from_db()
    assert own.identity.email == EMAIL  # held: kept
