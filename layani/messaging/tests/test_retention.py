"""Messaging answers the privacy app: conversations of an erased report and old receipts go."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.intake.models import Report
from layani.messaging.models import Conversation, ProcessedMessage
from layani.privacy.erasure import erase_expired, erase_report
from layani.privacy.models import ErasureBasis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_erasing_a_report_deletes_the_conversation_that_made_it(sms):
    sms.say("Jalan berlubang besar di depan pasar, sudah dua minggu")
    sms.say("Caturtunggal")
    report = Report.objects.get()
    assert Conversation.objects.filter(last_report=report).count() == 1
    erased = erase_report(report, basis=ErasureBasis.REQUEST)
    assert erased is not None and erased.conversations == 1
    assert not Conversation.objects.exists()


def test_the_retention_job_drops_receipts_older_than_the_period(sms, settings):
    settings.LAYANI_RETENTION_PROCESSED_MESSAGE_DAYS = 30
    sms.say("Jalan berlubang besar di depan pasar, sudah dua minggu")
    sms.say("Caturtunggal")
    assert ProcessedMessage.objects.count() == 2
    ProcessedMessage.objects.filter(pk=ProcessedMessage.objects.order_by("pk").first().pk).update(
        received_at=timezone.now() - timedelta(days=31)
    )
    result = erase_expired()
    assert result.processed_messages == 1
    assert ProcessedMessage.objects.count() == 1
