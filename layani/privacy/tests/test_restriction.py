"""Restriction of processing (UU PDP): the report stays, its identity is not revealed, notified or
exported to anyone but the reporter. And reveal reasons enter the audit chain masked."""

from __future__ import annotations

import json

import pytest
from django.test import TestCase
from django.urls import reverse

from layani.audit.models import AuditEntry
from layani.cases import services
from layani.cases.models import MessageKind
from layani.cases.permissions import IdentityAccess, identity_access
from layani.cases.workflow import WorkflowError
from layani.notifications.models import Notification
from layani.privacy.export import build_export
from layani.privacy.models import ReportPrivacy
from layani.privacy.requests import set_restriction

from .helpers import EMAIL, NAME, canary_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(team, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return canary_report(team, attachment=False)


def _follow_up(team, report) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.post_message(
            report, actor=team.officer_pu, kind=MessageKind.PUBLIC_FOLLOW_UP, body="Sudah dicek."
        )


def test_a_restricted_identity_cannot_be_revealed_and_the_refusal_says_why(team, report):
    assert identity_access(team.coordinator, report) == IdentityAccess.REVEAL
    set_restriction([report], restricted=True, handled_by=None)

    assert identity_access(team.coordinator, report) == IdentityAccess.NONE
    assert identity_access(team.admin_pu, report) == IdentityAccess.NONE
    with pytest.raises(WorkflowError) as refused:
        services.reveal_identity(
            report, actor=team.coordinator, reason="Perlu klarifikasi lapangan"
        )
    assert refused.value.code == "restricted"
    assert "UU PDP" in str(refused.value.message)  # the same words in Indonesian and English
    assert not AuditEntry.objects.filter(action="identity.revealed").exists()

    set_restriction([report], restricted=False, handled_by=team.coordinator, reason="Dicabut")
    assert identity_access(team.coordinator, report) == IdentityAccess.REVEAL
    services.reveal_identity(report, actor=team.coordinator, reason="Perlu klarifikasi lapangan")


def test_the_console_shows_the_refusal_and_no_identity(team, report, staff_login):
    set_restriction([report], restricted=True, handled_by=None)
    client = staff_login(team.coordinator)
    page = client.get(reverse("console:case", args=[report.tracking_id])).content.decode()
    # The reporter panel shows no identity, not even masked (the text is the report's own content).
    assert "data-identity=" not in page
    response = client.post(
        reverse("console:reveal", args=[report.tracking_id]), {"reason": "Perlu klarifikasi"}
    )
    body = response.content.decode()
    assert "UU PDP" in body
    assert "data-identity=" not in body


def test_a_restricted_reporter_is_not_notified(team, report):
    mine = Notification.objects.filter(recipient_ref=f"reporter:{report.tracking_id}")
    before = mine.count()
    _follow_up(team, report)
    assert mine.count() == before + 1  # without restriction, a follow-up reaches the reporter

    set_restriction([report], restricted=True, handled_by=None)
    _follow_up(team, report)
    assert mine.count() == before + 1


def test_restriction_is_audited_by_reference_and_idempotent(team, report):
    set_restriction([report], restricted=True, handled_by=None)
    set_restriction([report], restricted=True, handled_by=None)
    entries = AuditEntry.objects.filter(action="privacy.restricted")
    assert entries.count() == 1
    assert entries.get().actor_ref == "citizen" and entries.get().object_ref == report.tracking_id
    assert ReportPrivacy.objects.get(report=report).restricted


def test_the_subjects_own_export_still_holds_their_identity(team, report):
    set_restriction([report], restricted=True, handled_by=None)
    data = build_export([report])
    identity = data["reports"][0]["identity"]
    assert identity["email"] == EMAIL and identity["name"] == NAME
    assert data["reports"][0]["processing_restricted"] is True


def test_the_other_exports_never_carry_the_identity(team, report, client):
    # The open-data downloads are the only other exports of reports; they hold no identity at all.
    set_restriction([report], restricted=True, handled_by=None)
    for fmt in ("json", "csv"):
        response = client.get(reverse("statistics:reports-download", args=[fmt]))
        assert response.status_code == 200
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        assert report.tracking_id in text.replace("-", "") or report.display_tracking_id in text
        assert EMAIL not in text and NAME not in text and "3404074107900077" not in text


def test_a_phone_number_typed_into_a_reveal_reason_is_masked_in_the_chain(team, report):
    services.reveal_identity(
        report, actor=team.coordinator, reason="Telepon pelapor di 081298765431 untuk survei"
    )
    entry = AuditEntry.objects.get(action="identity.revealed")
    stored = json.dumps(entry.payload)
    assert "081298765431" not in stored
    assert entry.payload["reason"].startswith("Telepon pelapor di ")
