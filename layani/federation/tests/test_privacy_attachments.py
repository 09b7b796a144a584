"""Attachments across the hop: what the receiving agency may see crosses to a Layani peer (checked
again by intake there), nothing to SP4N-LAPOR!, and the hop records what crossed."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import time

import pytest
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.cases.services.attachments import review_attachment
from layani.directory.models import GovernmentLevel
from layani.federation import attachments as crossing
from layani.federation.models import Hop, OutboxMessage, PeerKind
from layani.federation.services import add_peer, refer_to_peer
from layani.federation.transport import build_request
from layani.federation.wire import WireError, lapor_xml, layani_json
from layani.intake.models import Channel, PrivacyTier, Report
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report

SECRET = "fed_test_secret"


def _png(colour: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _pdf(size: int = 2000) -> bytes:
    # Hex filler: no "/" (so never "/JS", active content), distinct per file.
    return b"%PDF-1.4\n" + os.urandom(size // 2 + 1).hex().encode()[:size] + b"\n%%EOF\n"


@pytest.fixture
def report_with_files(categories, regions):
    def make(privacy=PrivacyTier.BIASA, files=None):
        files = files or [("foto-budi-di-rumah.png", _png()), ("surat.pdf", _pdf())]
        return submit_report(
            ReportSubmission(
                description="Jalan provinsi berlubang di dekat jembatan, sudah sebulan.",
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="jalan-rusak",
                privacy=privacy,
                identity=Identity(name="Budi Santoso", phone="081311112222"),
                attachments=tuple(UploadedAttachment(n, c, "") for n, c in files),
            )
        ).report

    return make


@pytest.fixture
def province(cast):
    return add_peer(
        deployment_id="layani-provinsi",
        name="Layani Provinsi DIY",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret=SECRET,
        level=GovernmentLevel.PROVINCE,
        region_id="34",
    )


def _sent_forward(report, peer):
    message = OutboxMessage.objects.get(hop__report=report, hop__peer=peer, kind="forward")
    _url, body, _headers = build_request(peer, message.payload)
    return message, body


@pytest.mark.parametrize("privacy", [PrivacyTier.BIASA, PrivacyTier.RAHASIA])
def test_a_named_report_sends_its_files_as_references_and_inlines_them_when_sent(
    cast, province, report_with_files, privacy
):
    report = report_with_files(privacy=privacy)
    refer_to_peer(report, actor=cast.coordinator, peer=province, reason="Jalan provinsi")
    hop = Hop.objects.get(report=report, peer=province)
    assert "attachments: 2" in hop.sent_fields
    assert not [f for f in hop.sent_fields if "withheld" in f]
    message, body = _sent_forward(report, province)
    # The outbox keeps references only; the files go on the wire.
    assert all(
        set(ref) == {"id", "name", "content_type", "sha256"}
        for ref in message.payload["attachments"]
    )
    decoded = layani_json.decode(body)
    stored = {a.sha256: a for a in report.attachments.all()}
    assert len(decoded.attachments) == 2
    for file in decoded.attachments:
        original = stored[hashlib.sha256(file.content).hexdigest()]
        assert file.content_type == original.content_type
        assert file.name == original.original_name  # a named report keeps its file names


@pytest.mark.parametrize("privacy", [PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA])
def test_an_anonymous_report_sends_only_reviewed_files_under_neutral_names(
    cast, province, report_with_files, privacy
):
    report = report_with_files(privacy=privacy)
    photo, _letter = report.attachments.order_by("created_at", "pk")
    review_attachment(photo, actor=cast.coordinator, approved=True)
    refer_to_peer(report, actor=cast.coordinator, peer=province, reason="Jalan provinsi")
    hop = Hop.objects.get(report=report, peer=province)
    assert "attachments: 1" in hop.sent_fields
    assert "attachments withheld (not reviewed, anonymous report): 1" in hop.sent_fields
    _message, body = _sent_forward(report, province)
    [file] = layani_json.decode(body).attachments
    assert file.name == "lampiran-1.png" and "budi" not in body.decode().lower()
    assert hashlib.sha256(file.content).hexdigest() == photo.sha256
    # Review withdrawn before the worker sends it: the file no longer crosses.
    review_attachment(photo, actor=cast.coordinator, approved=False)
    _message, body = _sent_forward(report, province)
    assert layani_json.decode(body).attachments == ()


def test_nothing_crosses_to_lapor_and_the_count_is_recorded(cast, report_with_files):
    lapor = add_peer(
        deployment_id="sp4n-lapor",
        name="SP4N-LAPOR!",
        kind=PeerKind.LAPOR,
        base_url="http://127.0.0.1:9",
        secret="token",
    )
    report = report_with_files()
    refer_to_peer(report, actor=cast.coordinator, peer=lapor, reason="Kewenangan pusat")
    hop = Hop.objects.get(report=report, peer=lapor)
    assert "attachments withheld (no attachment field for this peer): 2" in hop.sent_fields
    _message, body = _sent_forward(report, lapor)
    assert b"%PDF" not in body and b"base64" not in body
    assert lapor_xml.parse(body).find("laporan") is not None


def test_files_over_the_budget_are_withheld_and_counted(
    cast, province, report_with_files, monkeypatch
):
    monkeypatch.setattr(crossing, "MAX_FORWARD_ATTACHMENT_BYTES", 3000)
    report = report_with_files(files=[("a.pdf", _pdf(2000)), ("b.pdf", _pdf(2000))])
    refer_to_peer(report, actor=cast.coordinator, peer=province, reason="Jalan provinsi")
    hop = Hop.objects.get(report=report, peer=province)
    assert "attachments: 1" in hop.sent_fields
    assert "attachments withheld (over the size limit): 1" in hop.sent_fields


# The receiving side: the files pass intake's ordinary checks again.


@pytest.fixture
def origin(cast):
    return add_peer(
        deployment_id="layani-kabupaten",
        name="Layani Kabupaten",
        kind=PeerKind.LAYANI,
        base_url="http://127.0.0.1:9",
        secret=SECRET,
        level=GovernmentLevel.REGENCY,
        region=cast.pemda.region,
    )


def _forward(files, key="layani-kabupaten:ABC123:forward:1"):
    return {
        "kind": "forward",
        "key": key,
        "origin": {"deployment": "layani-kabupaten", "tracking_id": "ABC123"},
        "report": {
            "description": "Jalan provinsi berlubang di dekat jembatan, membahayakan pengendara.",
            "region_code": A_SLEMAN_VILLAGE,
            "category_code": "jalan-rusak",
            "privacy": "biasa",
        },
        "identity": None,
        "attachments": [
            {
                "name": name,
                "content_type": "image/png",
                "sha256": hashlib.sha256(content).hexdigest(),
                "content": base64.b64encode(content).decode(),
            }
            for name, content in files
        ],
    }


def _post(client, payload):
    # Files inline already: encode as the wire would after `inline`.
    body = json.dumps({"version": 1, **payload}).encode()
    headers = layani_json.request_headers(
        "layani-kabupaten", SECRET, payload["key"], body, int(time.time())
    )
    extra = {
        "HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items() if k != "Content-Type"
    }
    return client.post(
        "/federation/v1/inbox",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )


def test_received_files_are_checked_and_stored_like_any_upload(client, origin):
    picture = io.BytesIO()
    Image.new("RGB", (20, 10), "blue").save(picture, "PNG", pnginfo=_text_chunk("Author", "Budi"))
    large = _pdf(3 * 1024 * 1024)  # over Django's 2.5 MB form limit once in base64
    response = _post(client, _forward([("foto.png", picture.getvalue()), ("surat.pdf", large)]))
    assert response.status_code == 200, response.content
    report = Report.objects.get(tracking_id=response.json()["tracking_id"])
    files = {a.content_type: a for a in report.attachments.all()}
    assert set(files) == {"image/png", "application/pdf"}  # sniffed, not as claimed
    with files["image/png"].file.open("rb") as handle:
        assert b"Budi" not in handle.read()  # re-encoded: the text chunk is gone
    assert not any(a.reviewed for a in files.values())  # the receiver reviews under its rules
    assert "attachments: 2" in Hop.objects.get(report=report).sent_fields


def test_a_file_intake_refuses_refuses_the_forward_with_its_code(client, origin):
    response = _post(client, _forward([("foto.png", b"<html><script>alert(1)</script></html>")]))
    assert response.status_code == 409
    assert response.json()["field"] == "attachments"
    assert not Report.objects.exists()


def test_a_file_that_does_not_match_its_digest_is_unreadable(client, origin):
    payload = _forward([("foto.png", _png())])
    payload["attachments"][0]["sha256"] = "0" * 64
    response = _post(client, payload)
    assert response.status_code == 400
    assert response.json()["error"] == "digest_mismatch"
    with pytest.raises(WireError):
        layani_json.decode(json.dumps({"version": 1, **_forward([]), "attachments": "x"}).encode())


def _text_chunk(key, value):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text(key, value)
    return info
