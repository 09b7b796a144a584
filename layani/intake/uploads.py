"""Checking attachments before any channel stores them: the one place every upload passes.

`submit_report` runs `check_attachment` on every attachment, whatever the channel (portal, Open311,
REST API, messaging, assisted intake), so no channel can store what another would refuse:

* size: at most `MAX_ATTACHMENT_BYTES` per file (count is limited by `submit_report`);
* type by content, never by name: JPEG, PNG, GIF, WebP or PDF judged by the first bytes, so HTML
  named ``.png``, SVG, archives (a zip bomb is refused without being opened) and scripts are refused;
* pixel floods: images whose header declares more than `MAX_IMAGE_PIXELS` pixels are refused (the
  header is read, the picture is never decoded);
* PDFs with active content (``/JavaScript``, ``/JS``, ``/Launch``, also hex-escaped in names) are
  refused. The scan cannot see inside compressed object streams, so PDFs must never be rendered
  inline: no view serves attachments yet, and the one that will must send them as downloads
  (``Content-Disposition: attachment`` and ``nosniff``, checklist item 8);
* photos lose their metadata (GPS position, camera, owner) before they are stored — an "anonymous"
  reporter must not be found through the photo;
* the original name is kept for display only, reduced to a plain file name whose extension is the
  real type's (``../../etc/passwd`` → ``passwd.png``, ``photo.jpg.php`` → ``photo.jpg``); files are
  stored under generated names.
"""

from __future__ import annotations

import os
import re
import struct

from django.utils.translation import gettext as _

#: Largest single attachment.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: Most attachments per report.
MAX_ATTACHMENTS = 10
#: Largest picture a header may declare (a 50-megapixel phone photo passes; a flood does not).
MAX_IMAGE_PIXELS = 64_000_000

#: First bytes → the content type the file really has.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
ACCEPT = "image/jpeg,image/png,image/gif,image/webp,application/pdf"
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}


class AttachmentError(Exception):
    """An attachment that cannot be stored; `code` is stable, `message` is for the sender."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def sniff(content: bytes) -> str | None:
    """The real type of a file from its first bytes; None for anything not an image or a PDF."""
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_attachment(name: str, content: bytes) -> tuple[str, bytes, str]:
    """(display name, cleaned content, real content type), or AttachmentError."""
    shown = safe_name(name)
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            "too_large",
            _("%(name)s is too large: each file may be at most %(mb)d MB.")
            % {"name": shown, "mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
        )
    content_type = sniff(content)
    if content_type is None:
        raise AttachmentError(
            "invalid_type",
            _("%(name)s is not a photo (JPEG, PNG, GIF, WebP) or a PDF document.")
            % {"name": shown},
        )
    if content_type == "application/pdf":
        if _pdf_is_active(content):
            raise AttachmentError(
                "active_content",
                _("%(name)s contains scripts or actions; please send a plain PDF or a photo.")
                % {"name": shown},
            )
    else:
        size = image_size(content, content_type)
        if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
            raise AttachmentError(
                "too_many_pixels",
                _("%(name)s is too large a picture (at most %(mp)d megapixels).")
                % {"name": shown, "mp": MAX_IMAGE_PIXELS // 1_000_000},
            )
    extension = _EXTENSIONS[content_type]
    return _with_extension(shown, extension), strip_metadata(content, content_type), content_type


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def safe_name(name: str) -> str:
    """A plain file name for display: no folders, no control or shell-special characters."""
    base = os.path.basename(str(name).replace("\\", "/"))
    base = _UNSAFE_NAME.sub("", base).strip().lstrip(".")
    return base[:200] or "lampiran"


def _with_extension(name: str, extension: str) -> str:
    """The name with every extension replaced by the real type's: no double extension survives."""
    stem = name.split(".", 1)[0].strip() or "lampiran"
    return stem + extension


_PDF_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch)(?![A-Za-z0-9])")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _pdf_is_active(content: bytes) -> bool:
    unescaped = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), content)
    return _PDF_ACTIVE.search(unescaped) is not None


def image_size(content: bytes, content_type: str) -> tuple[int, int] | None:
    """(width, height) as the header declares it, without decoding; None when not found."""
    try:
        if content_type == "image/png" and content[12:16] == b"IHDR":
            width, height = struct.unpack(">II", content[16:24])
            return width, height
        if content_type == "image/gif":
            width, height = struct.unpack("<HH", content[6:10])
            return width, height
        if content_type == "image/jpeg":
            return _jpeg_size(content)
        if content_type == "image/webp":
            return _webp_size(content)
    except struct.error:
        return None
    return None


# Start-of-frame markers (baseline, progressive, lossless …); C4, C8 and CC are not frames.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:
            return None
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if kind == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """Photos without EXIF/XMP/IPTC (JPEG), text/EXIF chunks (PNG), EXIF/XMP chunks (WebP) or
    comment/application blocks (GIF); PDFs unchanged."""
    if content_type == "image/jpeg":
        return _strip_jpeg(content)
    if content_type == "image/png":
        return _strip_png(content)
    if content_type == "image/webp":
        return _strip_webp(content)
    if content_type == "image/gif":
        return _strip_gif(content)
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


def _strip_webp(data: bytes) -> bytes:
    """Drop EXIF and XMP chunks and clear their flags in VP8X; fix the RIFF size."""
    out = bytearray()
    i = 12
    while i + 8 <= len(data):
        kind = data[i : i + 4]
        (length,) = struct.unpack("<I", data[i + 4 : i + 8])
        end = i + 8 + length + (length & 1)
        chunk = bytearray(data[i:end])
        if kind == b"VP8X" and len(chunk) > 8:
            chunk[8] &= ~0x0C & 0xFF  # EXIF (0x08) and XMP (0x04) flags
        if kind not in (b"EXIF", b"XMP "):
            out += chunk
        i = end
    return b"RIFF" + struct.pack("<I", len(out) + 4) + b"WEBP" + bytes(out)


def _strip_gif(data: bytes) -> bytes:
    """Drop comment and application extension blocks (XMP lives there); keep the picture."""
    try:
        return _gif_without_blocks(data)
    except IndexError:
        return data  # a truncated GIF: leave it as it is, nothing past the break can be parsed


def _gif_without_blocks(data: bytes) -> bytes:
    flags = data[10]
    i = 13 + (3 * (2 ** ((flags & 7) + 1)) if flags & 0x80 else 0)
    out = bytearray(data[:i])
    while i < len(data):
        introducer = data[i]
        if introducer == 0x3B:  # trailer
            out += data[i : i + 1]
            break
        if introducer == 0x21:  # extension: label, then sub-blocks
            label = data[i + 1]
            j = i + 2
            while data[j] != 0:
                j += data[j] + 1
            j += 1
            if label not in (0xFE, 0xFF):
                out += data[i:j]
            i = j
        elif introducer == 0x2C:  # image descriptor, optional local table, LZW data
            local = data[i + 9]
            j = i + 10 + (3 * (2 ** ((local & 7) + 1)) if local & 0x80 else 0)
            j += 1  # LZW minimum code size
            while data[j] != 0:
                j += data[j] + 1
            j += 1
            out += data[i:j]
            i = j
        else:
            return data
    return bytes(out)
