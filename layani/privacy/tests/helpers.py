"""Shared set-up for the privacy tests: reports played through the workflow with canary values."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from django.test import TestCase
from django.utils import timezone
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.cases.models import MessageKind, Outcome
from layani.intake.models import Channel, PrivacyTier, Report
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report

NIK = "3404074107900077"
PHONE = "081298765431"
EMAIL = "canary.pelapor@example.org"
NAME = "Kanari Wulandari"
CANARIES = (NIK, PHONE, "0812-9876-5431", "81298765431", EMAIL, NAME)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def canary_report(
    team,
    *,
    privacy: str = PrivacyTier.BIASA,
    user=None,
    name: str = NAME,
    nik: str = NIK,
    phone: str = PHONE,
    email: str = EMAIL,
    attachment: bool = True,
) -> Report:
    """A report whose identity, text, messages and notifications all carry the canary values."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # notifications are sent after commit
        return _canary_report(team, privacy, user, name, nik, phone, email, attachment)


def _canary_report(team, privacy, user, name, nik, phone, email, attachment) -> Report:
    receipt = submit_report(
        ReportSubmission(
            title=f"Lampu jalan mati, hubungi {phone}",
            description=(
                f"Lampu mati sejak minggu lalu. Hubungi saya 0812-9876-5431 atau {email}, "
                f"NIK {nik}. Nama saya {name}."
            ),
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="lampu-jalan",
            privacy=privacy,
            identity=Identity(name=name, nik=nik, phone=phone, email=email, user=user),
            attachments=(UploadedAttachment("lampu.png", png(), "image/png"),)
            if attachment
            else (),
        )
    )
    report = receipt.report
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    services.post_message(
        report,
        actor=team.officer_pu,
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body=f"Terima kasih Bu {name}, sudah kami jadwalkan perbaikan.",
    )
    services.post_message(
        report,
        actor=team.officer_pu,
        kind=MessageKind.INTERNAL_NOTE,
        body=f"Pelapor bisa ditelepon di {phone}; catatan internal rahasia.",
    )
    return report


def close(team, report: Report, *, years_ago: float = 0, comment: str = "") -> Report:
    """Close the report through the workflow, then move its closure `years_ago` into the past."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        _close(team, report, comment)
    closed_at = timezone.now() - timedelta(days=round(365.25 * years_ago))
    Report.objects.filter(pk=report.pk).update(closed_at=closed_at)
    report.refresh_from_db()
    return report


def _close(team, report: Report, comment: str) -> None:
    services.propose_closure(
        report,
        actor=team.officer_pu,
        outcome=Outcome.RESOLVED,
        explanation="Lampu sudah diganti.",
    )
    services.confirm_closure(report, rating=5, comment=comment)


def long_ago(years: float) -> datetime:
    return timezone.now() - timedelta(days=round(365.25 * years))
