"""From the first message to the tracking ID: questions for what is missing, nothing asked twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.intake.models import Channel, Report, ReporterIdentity
from layani.intake.tracking import access_code_matches
from layani.messaging.models import Conversation, ConversationState

pytestmark = pytest.mark.django_db


def confirmation_parts(reply: str) -> tuple[str, str]:
    # "… Nomor tiket: K7R-4XA-96HW. Kode akses: ABCDE12345. …"
    tracking = reply.split("Nomor tiket: ")[1].split(".")[0]
    code = reply.split("Kode akses: ")[1].split(".")[0]
    return tracking, code


def test_a_conversation_asks_for_the_location_then_confirms_with_the_tracking_id(sms):
    first = sms.say("Jalan berlubang besar di depan pasar, sudah dua minggu 😠")
    assert "Di mana lokasinya?" in first
    assert Report.objects.count() == 0

    last = sms.say("Caturtunggal")
    tracking, code = confirmation_parts(last)
    report = Report.objects.get()
    assert tracking == report.display_tracking_id
    assert access_code_matches(code, report.access_code_hash)
    assert (report.channel, report.channel_ref) == (Channel.SMS, "Zenziva SMS")
    assert (report.region_id, report.category.code) == ("34.04.07.2001", "jalan-rusak")
    assert report.description.endswith("😠")
    # Stored in the one national form that every channel shares (intake/contacts.py).
    assert ReporterIdentity.objects.get(report=report).phone == "081277773131"
    conversation = Conversation.objects.get()
    assert (conversation.state, conversation.draft) == (ConversationState.IDLE, {})
    assert conversation.last_report == report


def test_an_ambiguous_place_is_settled_by_a_numbered_choice(sms):
    sms.say("Jalan ambles dekat jembatan")
    choices = sms.say("Jetis")
    assert "Balas dengan nomornya" in choices
    lines = [ln for ln in choices.splitlines() if ln[:1].isdigit()]
    assert len(lines) >= 3 and any("Bantul" in ln for ln in lines)
    pick = next(i for i, ln in enumerate(lines, start=1) if "Bantul" in ln)
    assert "Mohon balas dengan angka" in sms.say("99")
    done = sms.say(str(pick))
    assert "Nomor tiket" in done
    assert Report.objects.get().region_id.startswith("34.02.")  # Kabupaten Bantul


def test_a_qualified_name_needs_no_choice(sms):
    sms.say("Jalan rusak parah")
    assert "Nomor tiket" in sms.say("Jetis, Bantul")


def test_an_unknown_place_gets_a_helpful_question_and_the_conversation_waits(sms):
    sms.say("Jalan berlubang di kampung")
    reply = sms.say("Atlantis")
    assert "belum menemukan wilayah “Atlantis”" in reply
    assert "Caturtunggal" in reply  # an example of what to type
    assert Conversation.objects.get().state == ConversationState.AWAIT_LOCATION
    assert "Nomor tiket" in sms.say("34.04.07.2001")


def test_the_category_is_asked_when_it_cannot_be_guessed(sms):
    sms.say("Ada masalah yang mengganggu warga di sini")
    question = sms.say("Caturtunggal")
    assert "Laporan Anda tentang apa?" in question
    options = [ln for ln in question.splitlines() if ln[:1].isdigit()]
    pick = next(i for i, ln in enumerate(options, start=1) if "Lingkungan" in ln)
    assert "Nomor tiket" in sms.say(str(pick))
    assert Report.objects.get().category.code == "lingkungan"


def test_batal_starts_over(sms):
    sms.say("Jalan berlubang")
    assert "dibatalkan" in sms.say("BATAL")
    assert Conversation.objects.get().state == ConversationState.IDLE
    assert "Di mana" in sms.say("Sampah menumpuk di selokan")


def test_a_conversation_left_for_days_starts_over(sms):
    sms.say("Jalan berlubang")
    Conversation.objects.update(updated_at=timezone.now() - timedelta(days=4))
    assert "Di mana" in sms.say("Lampu jalan mati")
    assert Conversation.objects.get().draft["description"] == "Lampu jalan mati"


def test_two_senders_keep_separate_conversations(sms):
    sms.say("Jalan berlubang", sender="081200000001")
    sms.say("Lampu jalan mati", sender="081200000002")
    assert "Nomor tiket" in sms.say("Caturtunggal", sender="0812 0000 0001")
    assert Report.objects.get().description == "Jalan berlubang"
    assert Conversation.objects.count() == 2
