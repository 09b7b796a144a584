"""Checking photos and documents from the form before they reach intake.

Intake limits count and size (the same limits are imported here, so the two never disagree). The
portal adds what only a browser upload needs: the file must really be an image or a PDF (judged by
its first bytes, not by its name), and photos lose their metadata (GPS position, camera, owner)
before they are stored — an "anonymous" reporter must not be found through the photo.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from layani.intake.services import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, UploadedAttachment

#: First bytes → the content type the file really has.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
ACCEPT = "image/jpeg,image/png,image/gif,image/webp,application/pdf"


class UploadError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedUpload:
    attachment: UploadedAttachment


def sniff(content: bytes) -> str | None:
    """The real type of a file from its first bytes; None for anything not an image or a PDF."""
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_uploads(files: list[UploadedFile]) -> list[UploadedAttachment]:
    """The uploads as intake attachments, or UploadError with a message for the citizen."""
    files = [f for f in files if f.name]
    if len(files) > MAX_ATTACHMENTS:
        raise UploadError(_("At most %(max)d files per report.") % {"max": MAX_ATTACHMENTS})
    checked = []
    for upload in files:
        if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
            raise UploadError(
                _("%(name)s is too large: each file may be at most %(mb)d MB.")
                % {"name": upload.name, "mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        content = upload.read()
        content_type = sniff(content)
        if content_type is None:
            raise UploadError(
                _("%(name)s is not a photo (JPEG, PNG, GIF, WebP) or a PDF document.")
                % {"name": upload.name}
            )
        checked.append(
            UploadedAttachment(
                name=str(upload.name),
                content=strip_metadata(content, content_type),
                content_type=content_type,
            )
        )
    return checked


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """Photos without EXIF/XMP/IPTC (JPEG) or text/EXIF chunks (PNG); other files unchanged."""
    if content_type == "image/jpeg":
        return _strip_jpeg(content)
    if content_type == "image/png":
        return _strip_png(content)
    return content


# JPEG APPn segments that carry metadata: APP1 (EXIF, XMP), APP12, APP13 (IPTC/Photoshop), COM.
_JPEG_DROP = {0xE1, 0xEC, 0xED, 0xFE}


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(data[:2])
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the image data follows unchanged
            break
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker not in _JPEG_DROP:
            out += data[i : i + 2 + length]
        i += 2 + length
    out += data[i:]
    return bytes(out)


_PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}


def _strip_png(data: bytes) -> bytes:
    out = bytearray(data[:8])
    i = 8
    while i + 8 <= len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if kind not in _PNG_DROP:
            out += data[i:end]
        i = end
    return bytes(out)
