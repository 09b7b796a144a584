"""Staff download attachments through the permission check, as downloads only (checklist item 8).

Who may download what is the authorization matrix (layani/cases/tests/test_permissions.py, the
``download_*`` cells); here: the protective headers, never inline (HTML or PDF), the audit entry for
confidential reports, 404 for guessed IDs, and the link on the case page.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from layani.audit.models import AuditEntry
from layani.cases import services
from layani.intake.models import Attachment, Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><script>fetch('/konsol/').then(r => r.text())</script></html>"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"


def _disposed(make_report, cast, privacy=PrivacyTier.BIASA):
    report = make_report(privacy)
    services.verify_report(report, actor=cast.coordinator)
    services.dispose_report(report, actor=cast.coordinator, lead=cast.dinas_pu)
    return report


def _attach(report, content: bytes, content_type: str, name: str = "bukti.jpg") -> Attachment:
    attachment = Attachment(
        report=report,
        original_name=name,
        content_type=content_type,
        size=len(content),
        sha256="x",
        reviewed=True,
    )
    attachment.file.save("f", ContentFile(content), save=True)
    return attachment


def _url(attachment: Attachment) -> str:
    return reverse("console:attachment", args=[attachment.report.tracking_id, attachment.pk])


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_photo_is_served_as_a_download_with_every_protective_header(
    make_report, cast, staff_login
):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(out, "JPEG")
    report = submit_report(
        ReportSubmission(
            description="Jalan berlubang di depan balai padukuhan, sudah 3 minggu.",
            region_code="34.04.07.2001",
            channel=Channel.WEB,
            category_code="jalan-rusak",
            identity=Identity(name="Siti Rahayu", phone="081234567890"),
            attachments=(
                UploadedAttachment(name="lubang.jpg", content=out.getvalue(), content_type=""),
            ),
        )
    ).report
    services.verify_report(report, actor=cast.coordinator)
    services.dispose_report(report, actor=cast.coordinator, lead=cast.dinas_pu)
    attachment = report.attachments.get()
    response = staff_login(cast.officer_pu).get(_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="lubang.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache
    with attachment.file.open("rb") as fh:
        assert _body(response) == fh.read()


@pytest.mark.parametrize(
    ("content", "stored_type", "served_type"),
    [
        (HTML, "text/html", "application/octet-stream"),  # e.g. a row from before the checks
        (HTML, "image/png", "image/png"),  # HTML stored under an image type: nosniff + download
        (PDF, "application/pdf", "application/pdf"),
        (b"<svg onload=alert(1)>", "image/svg+xml", "application/octet-stream"),
    ],
)
def test_html_and_pdf_are_never_served_inline(
    make_report, cast, staff_login, content, stored_type, served_type
):
    report = _disposed(make_report, cast)
    attachment = _attach(report, content, stored_type, name="laporan.html")
    response = staff_login(cast.officer_pu).get(_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == served_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert "inline" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]  # default-src 'none' only
    assert _body(response) == content


@pytest.mark.parametrize("privacy", [PrivacyTier.RAHASIA, PrivacyTier.ANONIM_RAHASIA])
def test_every_staff_download_of_a_confidential_attachment_is_audited(
    make_report, cast, staff_login, privacy
):
    report = _disposed(make_report, cast, privacy)
    attachment = _attach(report, b"abc", "image/jpeg")
    client = staff_login(cast.coordinator)
    for _ in range(2):
        assert client.get(_url(attachment)).status_code == 200
    entries = AuditEntry.objects.filter(action="attachment.downloaded")
    assert entries.count() == 2
    entry = entries.first()
    assert (entry.actor_ref, entry.object_type, entry.object_ref, entry.payload) == (
        f"user:{cast.coordinator.pk}",
        "report",
        report.tracking_id,
        {"attachment": attachment.pk},
    )


def test_downloads_of_public_tier_attachments_and_refusals_are_not_audited(
    make_report, cast, staff_login
):
    public = _disposed(make_report, cast, PrivacyTier.BIASA)
    secret = _disposed(make_report, cast, PrivacyTier.RAHASIA)
    ok = _attach(public, b"abc", "image/jpeg")
    hidden = _attach(secret, b"abc", "image/jpeg")
    assert staff_login(cast.coordinator).get(_url(ok)).status_code == 200
    client = staff_login(cast.officer_dinkes)  # Dinkes has no task on either case
    assert client.get(_url(hidden)).status_code == 404
    assert not AuditEntry.objects.filter(action="attachment.downloaded").exists()


def test_guessing_ids_gives_404_never_403(make_report, cast, staff_login):
    mine = _disposed(make_report, cast)
    other = make_report()  # not disposed: DPUPKP may not open it
    attachment = _attach(mine, b"abc", "image/jpeg")
    foreign = _attach(other, b"abc", "image/jpeg")
    client = staff_login(cast.officer_pu)
    guesses = [
        # another report's attachment under a report the officer may open
        reverse("console:attachment", args=[mine.tracking_id, foreign.pk]),
        # the right pair, but a report the officer may not open
        _url(foreign),
        # an ID that does not exist
        reverse("console:attachment", args=[mine.tracking_id, foreign.pk + 1000]),
        # a tracking ID that does not exist
        reverse("console:attachment", args=["AAAAAAAAAA", attachment.pk]),
    ]
    assert [client.get(url).status_code for url in guesses] == [404, 404, 404, 404]
    assert client.get(_url(attachment)).status_code == 200


def test_a_file_missing_from_storage_is_a_404(make_report, cast, staff_login):
    attachment = _attach(_disposed(make_report, cast), b"abc", "image/jpeg")
    attachment.file.storage.delete(attachment.file.name)
    assert staff_login(cast.officer_pu).get(_url(attachment)).status_code == 404


def test_the_case_page_links_each_attachment_it_shows(make_report, cast, staff_login):
    report = _disposed(make_report, cast)
    attachment = _attach(report, b"abc", "image/jpeg", name="lubang.jpg")
    page = staff_login(cast.officer_pu).get(reverse("console:case", args=[report.tracking_id]))
    assert f'href="{_url(attachment)}"' in page.content.decode()


def _review_url(attachment: Attachment) -> str:
    return reverse("console:attachment-review", args=[attachment.report.tracking_id, attachment.pk])


def test_the_coordinator_checks_an_anonymous_reports_photo_before_the_agency_gets_it(
    make_report, cast, staff_login, client
):
    report = _disposed(make_report, cast, PrivacyTier.ANONIM)
    attachment = _attach(report, b"abc", "image/jpeg", name="foto_budi_santoso.jpg")
    Attachment.objects.filter(pk=attachment.pk).update(reviewed=False)
    officer = staff_login(cast.officer_pu)
    assert officer.get(_url(attachment)).status_code == 404
    # An officer cannot check it themselves.
    officer.post(_review_url(attachment), {"reviewed": "1"})
    attachment.refresh_from_db()
    assert attachment.reviewed is False

    coordinator_page = staff_login(cast.coordinator).get(
        reverse("console:case", args=[report.tracking_id])
    )
    assert _review_url(attachment) in coordinator_page.content.decode()
    assert "foto_budi_santoso.jpg" in coordinator_page.content.decode()
    response = client.post(_review_url(attachment), {"reviewed": "1"})
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.reviewed is True
    entry = AuditEntry.objects.get(action="attachment.reviewed")
    assert entry.payload == {"attachment": attachment.pk}

    officer = staff_login(cast.officer_pu)
    download = officer.get(_url(attachment))
    assert download.status_code == 200
    # The agency never learns the sender's own file name on an anonymous report.
    assert "lampiran-1.jpg" in download["Content-Disposition"]
    page = officer.get(reverse("console:case", args=[report.tracking_id])).content.decode()
    assert "foto_budi_santoso" not in page and "lampiran-1.jpg" in page
    assert _review_url(attachment) not in page

    staff_login(cast.coordinator).post(_review_url(attachment), {"reviewed": "0"})
    attachment.refresh_from_db()
    assert attachment.reviewed is False
    assert AuditEntry.objects.filter(action="attachment.review_withdrawn").count() == 1
    assert staff_login(cast.officer_pu).get(_url(attachment)).status_code == 404


def test_a_regular_reports_attachment_keeps_its_name_for_the_agency(make_report, cast, staff_login):
    attachment = _attach(_disposed(make_report, cast), b"abc", "image/jpeg", name="lubang.jpg")
    download = staff_login(cast.officer_pu).get(_url(attachment))
    assert "lubang.jpg" in download["Content-Disposition"]
