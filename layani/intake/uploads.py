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
  inline: they are only served as downloads (``layani/security/downloads.py``:
  ``Content-Disposition: attachment``, ``nosniff``, CSP ``sandbox``; checklist item 8);
* photos are decoded and re-encoded by Pillow (`reencode_image`): only the pixels survive, so the
  metadata (GPS position, camera, owner) is gone — an "anonymous" reporter must not be found
  through the photo — and so is anything hidden behind the picture (a polyglot's HTML or zip);
  the EXIF orientation is applied first; GIFs keep their first frame;
* the original name is kept for display only, reduced to a plain file name whose extension is the
  real type's (``../../etc/passwd`` → ``passwd.png``, ``photo.jpg.php`` → ``photo.jpg``); files are
  stored under generated names.
"""

from __future__ import annotations

import io
import os
import re
import struct

from django.utils.translation import gettext as _
from PIL import Image, ImageOps

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
#: The extension each accepted type is stored and downloaded under.
EXTENSIONS = {
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
        content = reencode_image(content, content_type, shown)
    extension = EXTENSIONS[content_type]
    return _with_extension(shown, extension), content, content_type


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


def reencode_image(content: bytes, content_type: str, shown: str) -> bytes:
    """The picture decoded and written anew by Pillow in its own format, with nothing else.

    Only pixels survive: EXIF (GPS, camera, owner), XMP, IPTC, ICC profiles, comments, text chunks
    and anything appended after the image data (an HTML page, a script or a zip glued behind a valid
    JPEG) are gone, because the output is made from the decoded picture alone. The EXIF orientation
    is applied to the pixels first, so a photo taken upright stays upright without its tag. GIFs and
    animated WebPs keep their first frame only (a still is what a report needs, and decoding stays
    bounded). A file that Pillow cannot decode is refused: what cannot be re-encoded is not stored.
    """
    unreadable = AttachmentError(
        "unreadable_image",
        _("%(name)s could not be read as a picture; it may be damaged. Please send it again.")
        % {"name": shown},
    )
    try:
        with Image.open(io.BytesIO(content), formats=[_PILLOW_FORMATS[content_type]]) as source:
            if source.width * source.height > MAX_IMAGE_PIXELS:
                raise AttachmentError(
                    "too_many_pixels",
                    _("%(name)s is too large a picture (at most %(mp)d megapixels).")
                    % {"name": shown, "mp": MAX_IMAGE_PIXELS // 1_000_000},
                )
            source.seek(0)
            lossless = content_type == "image/webp" and _webp_is_lossless(content)
            transparency = source.info.get("transparency")
            picture = ImageOps.exif_transpose(source)  # a copy with the orientation applied
            picture.load()
            picture.info = {}  # encoders fall back to info (PNG takes its ICC profile from there)
        return _encode(picture, content_type, lossless=lossless, transparency=transparency)
    except AttachmentError:
        raise
    except Exception:  # hostile input: any parser failure is the sender's file, never a 500
        raise unreadable from None


_PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}


def _webp_is_lossless(data: bytes) -> bool:
    return b"VP8L" in data[12:4096] and b"VP8 " not in data[12:4096]


def _encode(
    picture: Image.Image, content_type: str, *, lossless: bool, transparency: object
) -> bytes:
    out = io.BytesIO()
    if content_type == "image/jpeg":
        if picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.save(out, "JPEG", quality=90)
    elif content_type == "image/png":
        extra = {"transparency": transparency} if transparency is not None else {}
        picture.save(out, "PNG", **extra)
    elif content_type == "image/gif":
        if picture.mode not in ("P", "L"):
            picture = picture.convert("P")
        extra = {"transparency": transparency} if isinstance(transparency, int) else {}
        picture.save(out, "GIF", **extra)
    else:
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.mode else "RGB")
        picture.save(out, "WEBP", lossless=lossless, quality=90, exact=lossless)
    return out.getvalue()


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """Photos re-encoded with no metadata (`reencode_image`); PDFs unchanged."""
    if content_type in _PILLOW_FORMATS:
        return reencode_image(content, content_type, "lampiran")
    return content
