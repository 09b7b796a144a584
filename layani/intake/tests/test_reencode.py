"""Photos are decoded and re-encoded, not only stripped (checklist item 8).

A polyglot — a valid picture with an HTML page, a script or a zip archive glued behind it — comes
out as a fresh picture without the payload; the EXIF orientation is baked into the pixels; a
picture Pillow cannot decode is refused with the file named.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Attachment, Channel, Report
from layani.intake.services import (
    ReportSubmission,
    SubmissionError,
    UploadedAttachment,
    submit_report,
)
from layani.intake.uploads import AttachmentError, check_attachment

pytestmark = pytest.mark.django_db

ORIENTATION, MAKE = 0x0112, 0x010F
HTML = b"<html><body><script>fetch('/konsol/').then(r=>r.text()).then(alert)</script></body></html>"


def _picture(fmt: str, size=(40, 30), color=(200, 30, 30), **save) -> bytes:
    mode = "P" if fmt == "GIF" else "RGB"
    out = io.BytesIO()
    Image.new(mode, size, color if mode == "RGB" else 5).save(out, fmt, **save)
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("index.html", HTML)
    return out.getvalue()


def _stored_bytes(name: str, content: bytes) -> bytes:
    receipt = submit_report(
        ReportSubmission(
            description="Lampu jalan di depan pasar mati sejak seminggu.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            attachments=(UploadedAttachment(name=name, content=content, content_type="x/y"),),
        )
    )
    attachment = receipt.report.attachments.get()
    with attachment.file.open("rb") as fh:
        return fh.read()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP"])
@pytest.mark.parametrize("payload", ["html", "zip"])
def test_a_polyglot_is_stored_re_encoded_without_its_payload(categories, regions, fmt, payload):
    picture = _picture(fmt)
    appended = HTML if payload == "html" else _zip()
    polyglot = picture + appended
    # The polyglot really is one: an image reader opens it, and so does a zip reader.
    with Image.open(io.BytesIO(polyglot)) as opened:
        assert opened.size == (40, 30)
    if payload == "zip":
        assert zipfile.ZipFile(io.BytesIO(polyglot)).namelist() == ["index.html"]
    stored = _stored_bytes(f"bukti.{fmt.lower()}", polyglot)
    assert b"<script>" not in stored and b"index.html" not in stored and b"PK\x03\x04" not in stored
    assert not zipfile.is_zipfile(io.BytesIO(stored))
    with Image.open(io.BytesIO(stored)) as result:
        result.load()
        assert (result.format, result.size) == (fmt, (40, 30))


def test_exif_orientation_is_baked_into_the_pixels_before_the_tag_goes(categories, regions):
    # A phone held upright writes a landscape sensor image with "rotate 90° clockwise" (6).
    out = io.BytesIO()
    sensor = Image.new("RGB", (60, 20), (0, 0, 255))
    sensor.paste((255, 0, 0), (0, 0, 10, 20))  # the left edge is red
    exif = Image.Exif()
    exif[ORIENTATION], exif[MAKE] = 6, "Xiaomi"
    sensor.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    stored = _stored_bytes("tegak.jpg", out.getvalue())
    with Image.open(io.BytesIO(stored)) as result:
        assert result.size == (20, 60)  # upright
        assert dict(result.getexif()) == {}  # the orientation tag (and the camera) are gone
        red, _, blue = result.convert("RGB").getpixel((10, 2))  # the sensor's left is the top
        assert red > 200 and blue < 60
    assert b"Xiaomi" not in stored


def test_only_the_first_frame_of_an_animated_gif_is_kept(categories, regions):
    frames = [Image.new("P", (12, 12), index) for index in (1, 2, 3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    stored = _stored_bytes("animasi.gif", out.getvalue())
    with Image.open(io.BytesIO(stored)) as result:
        assert result.size == (12, 12)
        assert getattr(result, "n_frames", 1) == 1


def test_icc_profiles_and_comments_do_not_survive(categories, regions):
    jpeg = _picture("JPEG", icc_profile=b"Samsung Galaxy A03 profile" * 4, comment=b"Siti Rahayu")
    assert b"Samsung" in jpeg and b"Siti" in jpeg
    stored = _stored_bytes("foto.jpg", jpeg)
    assert b"Samsung" not in stored and b"Siti" not in stored


def test_a_picture_that_cannot_be_decoded_is_refused_with_its_name(categories, regions):
    broken = _picture("JPEG")[:200]  # the header is there, the image data is cut off
    with pytest.raises(SubmissionError) as err:
        submit_report(
            ReportSubmission(
                description="Lampu jalan di depan pasar mati sejak seminggu.",
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="jalan-rusak",
                attachments=(
                    UploadedAttachment(name="rusak.jpg", content=broken, content_type=""),
                ),
            )
        )
    assert (err.value.field, err.value.code) == ("attachments", "unreadable_image")
    assert "rusak.jpg" in err.value.message
    assert Report.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_pdf_is_not_touched_by_the_image_path():
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
    assert check_attachment("surat.pdf", pdf) == ("surat.pdf", pdf, "application/pdf")


def test_a_header_that_lies_about_its_size_after_decoding_is_still_bounded(monkeypatch):
    # The header reader finds no size in this JPEG (monkeypatched away); Pillow's own size check
    # still applies the same limit before any pixel is decoded.
    import layani.intake.uploads as uploads

    monkeypatch.setattr(uploads, "image_size", lambda content, content_type: None)
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 40 * 30 - 1)
    with pytest.raises(AttachmentError) as err:
        check_attachment("besar.jpg", _picture("JPEG"))
    assert err.value.code == "too_many_pixels"
