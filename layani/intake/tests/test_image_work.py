"""Image work per request is bounded, and the metadata still goes (issue 16).

* A picture is stored with at most `MAX_STORED_PIXELS`: a 64-megapixel JPEG is decoded at half
  scale (the decoder's own reduction), other formats are reduced after decoding; the stored file
  has no metadata.
* The pixels decoded in one request never exceed `MAX_REPORT_PIXELS`: the picture that would go
  over is refused, named, before it is decoded. Decoding is counted where Pillow does it
  (`ImageFile.load`), so nothing the code under test reports about itself is trusted.
* The portal checks uploads before `submit_report` checks them again; the second check recognises
  the request's own output and neither decodes nor counts it again.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.urls import reverse
from PIL import Image, ImageFile

from conftest import A_SLEMAN_VILLAGE
from layani.intake import uploads
from layani.intake.models import Attachment, Channel, Report
from layani.intake.pixel_budget import pixel_budget
from layani.intake.services import (
    ReportSubmission,
    SubmissionError,
    UploadedAttachment,
    submit_report,
)
from layani.portal.tests.test_submit import _form

pytestmark = pytest.mark.django_db

ORIENTATION, MAKE, GPS_IFD = 0x0112, 0x010F, 0x8825


@pytest.fixture
def decoded(monkeypatch):
    """(width, height) of every picture Pillow decodes while the test runs."""
    seen: list[tuple[int, int]] = []
    real_load = ImageFile.ImageFile.load

    def counting_load(self):
        if self.tile:  # pixels still to decode (a loaded picture has no tiles left)
            seen.append(self.size)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return seen


def _png(size=(40, 30), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def _submission(*files: tuple[str, bytes]) -> ReportSubmission:
    return ReportSubmission(
        description="Jalan berlubang besar di depan balai desa, sudah dua minggu.",
        region_code=A_SLEMAN_VILLAGE,
        channel=Channel.WEB,
        category_code="jalan-rusak",
        attachments=tuple(
            UploadedAttachment(name=name, content=content, content_type="")
            for name, content in files
        ),
    )


def test_a_64_megapixel_jpeg_is_stored_at_half_scale_upright_and_without_metadata(
    categories, regions, decoded
):
    exif = Image.Exif()
    exif[ORIENTATION], exif[MAKE] = 6, "Xiaomi"  # held upright: the sensor image is landscape
    exif[GPS_IFD] = {1: "S", 2: (7.0, 42.0, 57.6), 3: "E", 4: (110.0, 21.0, 19.8)}
    out = io.BytesIO()
    Image.new("RGB", (9216, 6912), (90, 90, 200)).save(out, "JPEG", quality=50, exif=exif.tobytes())
    assert 9216 * 6912 > 4 * 15_000_000  # a real 64 MP photo, within MAX_IMAGE_PIXELS
    receipt = submit_report(_submission(("besar.jpg", out.getvalue())))
    assert decoded == [(4608, 3456)]  # the decoder produced half scale; never the full picture
    with receipt.report.attachments.get().file.open("rb") as fh:
        stored = fh.read()
    with Image.open(io.BytesIO(stored)) as result:
        assert (result.format, result.size) == ("JPEG", (3456, 4608))  # halved and upright
        assert result.width * result.height <= uploads.MAX_STORED_PIXELS
        assert dict(result.getexif()) == {} and "exif" not in result.info
    assert b"Xiaomi" not in stored


@pytest.mark.parametrize(
    ("fmt", "mode", "save"),
    [
        ("PNG", "RGB", {}),
        ("PNG", "RGBA", {}),
        ("PNG", "P", {"transparency": 3}),
        ("PNG", "RGB", {"transparency": (200, 30, 30)}),
        ("GIF", "P", {}),
        ("WEBP", "RGB", {"lossless": True}),
        ("WEBP", "RGBA", {"quality": 80}),
        ("JPEG", "L", {}),
        ("JPEG", "CMYK", {}),
    ],
)
def test_every_format_and_mode_is_reduced_to_the_stored_size_in_its_own_format(
    monkeypatch, fmt, mode, save
):
    monkeypatch.setattr(uploads, "MAX_STORED_PIXELS", 20 * 15)  # 80 x 60 must be reduced by 4
    out = io.BytesIO()
    picture = Image.new(mode, (80, 60), 3 if mode == "P" else 0)
    picture.save(out, fmt, **save)
    _name, stored, _type = uploads.check_attachment(f"foto.{fmt.lower()}", out.getvalue())
    with Image.open(io.BytesIO(stored)) as result:
        assert result.format == fmt
        assert result.width * result.height <= 20 * 15
        assert result.size == (20, 15)


def test_pictures_beyond_the_report_budget_are_refused_naming_the_file(
    categories, regions, monkeypatch, decoded
):
    monkeypatch.setattr(uploads, "MAX_REPORT_PIXELS", 2 * 40 * 30 + 100)  # two of them fit
    files = [(f"foto-{n}.png", _png(color=(n, 30, 30))) for n in range(1, 5)]
    with pixel_budget(), pytest.raises(SubmissionError) as err:
        submit_report(_submission(*files))
    assert (err.value.field, err.value.code) == ("attachments", "too_many_pixels_in_report")
    assert "foto-3.png" in err.value.message and "megapi" in err.value.message
    assert decoded == [(40, 30), (40, 30)]  # the third was refused before it was decoded
    assert Report.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_request_never_decodes_more_than_the_budget(
    client, categories, regions, monkeypatch, decoded
):
    # Through the portal form: the request is the scope, no code of the test opens one.
    monkeypatch.setattr(uploads, "MAX_REPORT_PIXELS", 3 * 40 * 30)
    files = []
    for n in range(1, 6):
        upload = io.BytesIO(_png(color=(n, 30, 30)))
        upload.name = f"lubang-{n}.png"
        files.append(upload)
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": files})
    assert response.status_code == 400
    assert "lubang-4.png" in response.content.decode()
    assert sum(w * h for w, h in decoded) <= uploads.MAX_REPORT_PIXELS
    assert len(decoded) == 3
    assert Report.objects.count() == 0


def test_files_checked_twice_in_a_request_are_decoded_and_counted_once(
    client, categories, regions, monkeypatch, decoded
):
    # The portal checks the uploads, then submit_report checks them again: a report that fits the
    # budget must not be refused because of that, nor be decoded (and re-compressed) twice.
    monkeypatch.setattr(uploads, "MAX_REPORT_PIXELS", 3 * 40 * 30)
    files = []
    for n in range(1, 4):
        upload = io.BytesIO(_png(color=(n, 30, 30)))
        upload.name = f"lubang-{n}.png"
        files.append(upload)
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": files})
    assert response.status_code == 302
    assert Report.objects.get().attachments.count() == 3
    assert decoded == [(40, 30)] * 3
    # The next request has a budget of its own.
    decoded.clear()
    again = [io.BytesIO(_png(color=(9, 9, n))) for n in range(1, 4)]
    for n, upload in enumerate(again, start=1):
        upload.name = f"lagi-{n}.png"
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": again})
    assert response.status_code == 302 and len(decoded) == 3


def test_only_the_scopes_own_output_skips_re_encoding(monkeypatch, decoded):
    # Bytes written in one scope are decoded again in another: nothing sent from outside (not even
    # a file Layani once produced) can skip the re-encoding.
    with pixel_budget():
        _name, cleaned, _type = uploads.check_attachment("a.png", _png())
        assert uploads.check_attachment("a.png", cleaned)[1] == cleaned
    assert len(decoded) == 1
    with pixel_budget():
        uploads.check_attachment("a.png", cleaned)
    assert len(decoded) == 2


def test_the_request_scope_is_connected_once_django_is_set_up():
    # The budget follows requests only if its receivers are connected before the first request:
    # a fresh process that imports nothing but Django's setup must already have them.
    probe = (
        "import django; django.setup();"
        "from django.core.signals import request_started, request_finished;"
        "ids = [k[0][0] for s in (request_started, request_finished) for k in s.receivers];"
        "print(sorted(i for i in ids if str(i).startswith('layani.intake.pixel_budget')))"
    )
    done = subprocess.run(  # noqa: S603 - fixed argv: this interpreter and a literal program
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "layani.config.settings.test"},
        timeout=120,
    )
    assert done.stdout.strip() == (
        "['layani.intake.pixel_budget.close', 'layani.intake.pixel_budget.open']"
    )
