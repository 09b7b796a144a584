"""Periodic slots are claimed once; the public checkpoint page lists what anyone needs to verify."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from layani.audit.models import AuditCheckpoint
from layani.audit.services import record
from layani.escalation import scheduler
from layani.escalation.models import JobRun

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def signing_key(settings, tmp_path):
    settings.LAYANI_AUDIT_SIGNING_KEY_FILE = ""
    settings.DATA_DIR = tmp_path


def test_each_slot_is_enqueued_once_even_with_several_schedulers(signing_key):
    morning = datetime(2026, 1, 5, 7, 1, tzinfo=WIB)
    assert scheduler.tick(now=morning) == [
        "sweep",
        "checkpoint",
        "digest",
        "retention",
        "rollup",
        "opendata",
        "counts",
        "journal",
        "federation",
        "retrain",
    ]
    assert scheduler.tick(now=morning) == []
    assert scheduler.tick(now=datetime(2026, 1, 5, 7, 2, tzinfo=WIB)) == ["journal", "federation"]
    assert scheduler.tick(now=datetime(2026, 1, 5, 7, 6, tzinfo=WIB)) == [
        "sweep",
        "rollup",
        "counts",
        "journal",
        "federation",
    ]
    assert JobRun.objects.filter(job="digest").count() == 1


def test_no_digest_before_its_hour(signing_key):
    assert "digest" not in scheduler.tick(now=datetime(2026, 1, 5, 6, 59, tzinfo=WIB))


def test_the_public_page_lists_signed_checkpoints_and_the_public_key(client, signing_key):
    record("report.submitted", actor_ref="citizen", object_type="report", object_ref="K7R4XA96HW")
    scheduler.tick(now=datetime(2026, 1, 5, 8, tzinfo=WIB))  # the checkpoint job runs inline
    checkpoint = AuditCheckpoint.objects.get()
    response = client.get(reverse("transparency:audit-checkpoints"))
    assert response.status_code == 200
    page = response.content.decode()
    assert checkpoint.signature in page and checkpoint.public_key_id in page
    assert "BEGIN PUBLIC KEY" in page
