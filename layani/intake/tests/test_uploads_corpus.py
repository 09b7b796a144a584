"""Malicious and risky uploads, through `submit_report` on every channel (checklist item 8).

Each file is refused with the field named (`attachments`) and the file named in the message, or
stored neutralised: under a generated name, with a plain display name whose extension is the real
type's, and — for photos — with no GPS or device metadata left, as a real metadata reader (Pillow,
and exiftool when installed) sees the stored file.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import time
import zipfile
import zlib

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Attachment, Channel, Report
from layani.intake.services import (
    ReportSubmission,
    SubmissionError,
    UploadedAttachment,
    submit_report,
)
from layani.intake.uploads import MAX_ATTACHMENT_BYTES, MAX_IMAGE_PIXELS

Image = pytest.importorskip("PIL.Image", reason="Pillow (a dev dependency) makes the test photos")
from PIL import PngImagePlugin  # noqa: E402

pytestmark = pytest.mark.django_db

CHANNELS = list(Channel.values)
GPS_IFD = 0x8825
MAKE, MODEL, ARTIST = 0x010F, 0x0110, 0x013B


def _submit(name: str, content: bytes, channel: str = Channel.WEB):
    return submit_report(
        ReportSubmission(
            description="Jalan di depan balai desa berlubang besar.",
            region_code=A_SLEMAN_VILLAGE,
            channel=channel,
            category_code="jalan-rusak",
            attachments=(UploadedAttachment(name=name, content=content, content_type="x/y"),),
        )
    )


def _refused(name: str, content: bytes, code: str, channel: str = Channel.WEB) -> SubmissionError:
    with pytest.raises(SubmissionError) as err:
        _submit(name, content, channel)
    assert (err.value.field, err.value.code) == ("attachments", code)
    assert os.path.basename(name.replace("\\", "/")).lstrip(".")[:20] in err.value.message
    assert Report.objects.count() == 0 and Attachment.objects.count() == 0
    return err.value


def _exif_photo(fmt: str = "JPEG") -> bytes:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ARTIST] = "Xiaomi", "Redmi 9A", "Siti Rahayu"
    exif[GPS_IFD] = {1: "S", 2: (7.0, 42.0, 57.6), 3: "E", 4: (110.0, 21.0, 19.8)}
    out = io.BytesIO()
    picture = Image.new("RGB", (64, 48), (180, 40, 40))
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", "GPS -7.7160 110.3555, Siti Rahayu")
        picture.save(out, "PNG", exif=exif, pnginfo=text)
    else:
        picture.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def _exiftool(path: str) -> dict[str, object]:
    exiftool = shutil.which("exiftool")
    assert exiftool is not None
    done = subprocess.run(  # noqa: S603 - fixed argv, a file the test wrote
        [exiftool, "-j", "-a", "-G1", path], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout)[0])


TRACES = ("GPS", "Make", "Model", "Artist", "Xiaomi", "Redmi", "Siti", "110.3555")


# --- refused: not an image or a PDF, whatever the name says -------------------------------------

NOT_IMAGES = {
    "html disguised as png": (
        "lubang.png",
        b"<!DOCTYPE html><script>alert(document.cookie)</script>",
    ),
    "svg with script": (
        "peta.svg",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b"<script>alert(1)</script></svg>",
    ),
    "svg named jpg": ("foto.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    "double extension": ("photo.jpg.php", b"<?php system($_GET['c']); ?>"),
    "path traversal": ("../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n"),
    "windows traversal": ("..\\..\\windows\\win.ini", b"[fonts]\r\n"),
    "executable": ("bukti.pdf.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
}


@pytest.mark.parametrize("case", list(NOT_IMAGES))
def test_files_that_are_not_images_or_pdfs_are_refused(categories, regions, case):
    name, content = NOT_IMAGES[case]
    _refused(name, content, "invalid_type")


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel_refuses_html_disguised_as_a_photo(categories, regions, channel):
    _refused("lubang.png", b"<html><script>alert(1)</script></html>", "invalid_type", channel)


def test_a_zip_bomb_is_refused_without_being_expanded(categories, regions, monkeypatch):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("foto.jpg", "w") as member,
    ):
        chunk = b"\0" * (1024 * 1024)
        for _ in range(200):  # 200 MB of zeros
            member.write(chunk)
    bomb = buffer.getvalue()
    declared = zipfile.ZipFile(io.BytesIO(bomb)).infolist()[0].file_size
    assert declared >= 1000 * len(bomb)  # really a bomb: > 1000× its size when expanded

    def no_expanding(*args, **kwargs):
        raise AssertionError("the upload check must not open archives")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_expanding)
    monkeypatch.setattr(zlib, "decompressobj", no_expanding)
    started = time.monotonic()
    _refused("foto.zip", bomb, "invalid_type")
    _refused("foto.jpg", bomb, "invalid_type")
    assert time.monotonic() - started < 2


# --- refused: pixel floods (header declares a huge picture; it is never decoded) ----------------


def _png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    return (
        b"\x89PNG\r\n\x1a\n"
        + header
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _jpeg_declaring(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _gif_declaring(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b"\x3b"


def _webp_declaring(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00"
    vp8x += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


FLOODS = {
    "png": ("banjir.png", _png_declaring),
    "jpeg": ("banjir.jpg", _jpeg_declaring),
    "gif": ("banjir.gif", _gif_declaring),
    "webp": ("banjir.webp", _webp_declaring),
}


@pytest.mark.parametrize("kind", list(FLOODS))
def test_pixel_floods_are_refused(categories, regions, kind):
    name, make = FLOODS[kind]
    side = 50_000 if kind != "gif" else 65_535
    assert side * side > MAX_IMAGE_PIXELS
    _refused(name, make(side, side), "too_many_pixels")


def test_a_large_but_sane_photo_size_passes_the_pixel_check(categories, regions):
    # 48 megapixels, a phone camera; a real picture, since every image is decoded and re-encoded.
    # It is stored halved (at most MAX_STORED_PIXELS, layani/intake/tests/test_image_work.py).
    out = io.BytesIO()
    Image.new("L", (8000, 6000)).save(out, "PNG")
    receipt = _submit("besar.png", out.getvalue())
    attachment = receipt.report.attachments.get()
    assert attachment.content_type == "image/png"
    with Image.open(attachment.file.path) as stored:
        assert stored.size == (4000, 3000)


# --- refused: size; active PDFs ------------------------------------------------------------------


def test_an_oversized_file_is_refused(categories, regions):
    _refused("laporan.pdf", b"%PDF-1.4\n" + b"0" * MAX_ATTACHMENT_BYTES, "too_large")


ACTIVE_PDFS = {
    "javascript action": b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
    "hex-escaped name": b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
    "launch action": b"/AA << /O << /S /Launch /F (cmd.exe) >> >>",
}


@pytest.mark.parametrize("case", list(ACTIVE_PDFS))
def test_pdfs_with_scripts_or_launch_actions_are_refused(categories, regions, case):
    pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog " + ACTIVE_PDFS[case] + b" >>\nendobj\n%%EOF\n"
    _refused("surat.pdf", pdf, "active_content")


def test_a_plain_pdf_is_kept_byte_for_byte(categories, regions):
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /JSTOR (not a script) >>\nendobj\n%%EOF\n"
    attachment = _submit("surat.pdf", pdf).report.attachments.get()
    with attachment.file.open("rb") as fh:
        assert fh.read() == pdf


# --- neutralised: names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("photo.jpg.php", "photo.jpg"),
        ("../../etc/passwd", "passwd.jpg"),
        ("..\\..\\boot.ini", "boot.jpg"),
        (".htaccess", "htaccess.jpg"),
        ("foto\x00.php", "foto.jpg"),
        ("lubang.PNG", "lubang.jpg"),  # the name lied: it is a JPEG
    ],
)
def test_names_are_reduced_to_a_plain_name_with_the_real_extension(
    categories, regions, settings, tmp_path, name, shown
):
    settings.MEDIA_ROOT = tmp_path
    attachment = _submit(name, _exif_photo()).report.attachments.get()
    assert (attachment.original_name, attachment.content_type) == (shown, "image/jpeg")
    stored = os.path.realpath(attachment.file.path)
    assert stored.startswith(str(tmp_path) + os.sep)
    assert not any(part in attachment.file.name for part in ("php", "passwd", "..", "boot"))


# --- neutralised: metadata, checked with real readers --------------------------------------------


@pytest.mark.parametrize("channel", CHANNELS)
def test_gps_and_device_metadata_are_gone_from_stored_jpegs(categories, regions, channel):
    original = _exif_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the reader sees GPS
    attachment = _submit("lubang.jpg", original, channel).report.attachments.get()
    with Image.open(attachment.file.path) as stored:
        assert stored.size == (64, 48)
        stored.load()  # the picture still decodes
        assert dict(stored.getexif()) == {}
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert "exif" not in stored.info and "xmp" not in stored.info


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exiftool_finds_no_gps_or_device_in_stored_photos(categories, regions, fmt):
    if shutil.which("exiftool") is None:
        pytest.skip(
            "exiftool is not installed (apt install libimage-exiftool-perl; CI installs it)"
        )
    original = _exif_photo(fmt)
    attachment = _submit(f"lubang.{fmt.lower()}", original).report.attachments.get()
    source = attachment.file.path + ".original"
    with open(source, "wb") as fh:
        fh.write(original)
    before = json.dumps(_exiftool(source))
    assert "GPS" in before and "Redmi" in before  # the reader does see them in the original
    after = json.dumps(_exiftool(attachment.file.path))
    assert [trace for trace in TRACES if trace in after] == []
    with Image.open(attachment.file.path) as stored:
        stored.load()
        assert stored.size == (64, 48)


def test_gif_comments_and_application_blocks_are_removed(categories, regions):
    out = io.BytesIO()
    Image.new("P", (16, 16), 3).save(out, "GIF", comment=b"GPS -7.7160 110.3555 Siti Rahayu")
    original = out.getvalue()
    assert b"Siti" in original
    attachment = _submit("lubang.gif", original).report.attachments.get()
    with open(attachment.file.path, "rb") as fh:
        cleaned = fh.read()
    assert b"Siti" not in cleaned and b"GPS" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as stored:
        stored.load()
        assert stored.size == (16, 16) and "comment" not in stored.info
