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
* image work is bounded, since it happens inside the request: a picture is stored with at most
  `MAX_STORED_PIXELS` (larger ones are scaled down; a JPEG is decoded at a reduced scale directly,
  which costs a fraction of a full decode), the encoders use fast settings, and the pixels decoded
  for one request may not exceed `MAX_REPORT_PIXELS` (`layani.intake.pixel_budget`): the picture
  that would go over it is refused, named, before it is decoded;
* the original name is kept for display only, reduced to a plain file name whose extension is the
  real type's (``../../etc/passwd`` → ``passwd.png``, ``photo.jpg.php`` → ``photo.jpg``); files are
  stored under generated names.
"""

from __future__ import annotations

import io
import math
import os
import re
import struct
import zlib

from django.utils.translation import gettext as _
from PIL import Image

from . import pixel_budget

#: Largest single attachment.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: Most attachments per report.
MAX_ATTACHMENTS = 10
#: Largest picture a header may declare (a 50-megapixel phone photo passes; a flood does not).
MAX_IMAGE_PIXELS = 64_000_000
#: Largest picture stored (4096 × 4096, about 16.8 megapixels): a complaint photo needs no more, and
#: any JPEG up to `MAX_IMAGE_PIXELS` fits at half scale, which its decoder produces cheaply.
MAX_STORED_PIXELS = 4096 * 4096
#: Most pixels decoded for one request (one report's files): ten pictures of the stored size, so
#: ten JPEGs of any accepted size always fit; the pictures that cannot be decoded at a reduced scale
#: (PNG, GIF, WebP) count in full, about two and a half of the largest.
MAX_REPORT_PIXELS = MAX_ATTACHMENTS * MAX_STORED_PIXELS

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

    The work is bounded: a JPEG is decoded at the reduced scale (½, ¼, ⅛) that fits
    `MAX_STORED_PIXELS`, other pictures are decoded whole and scaled down to fit it, and the
    decoded pixels are charged to the request's budget (`pixel_budget`) before any is decoded.
    """
    budget = pixel_budget.current()
    if budget is not None and budget.written_here(content):
        return content  # this request's own output, checked again (portal form, then intake)
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
            if content_type == "image/jpeg":
                _decode_reduced(source)
            if budget is not None and not budget.charge(
                source.width * source.height, MAX_REPORT_PIXELS
            ):
                raise AttachmentError(
                    "too_many_pixels_in_report",
                    _(
                        "%(name)s does not fit: the pictures of one report may have at most "
                        "%(mp)d megapixels together. Please send fewer or smaller pictures."
                    )
                    % {"name": shown, "mp": MAX_REPORT_PIXELS // 1_000_000},
                )
            lossless = content_type == "image/webp" and _webp_is_lossless(content)
            transparency = source.info.get("transparency")
            source.load()
            orientation = source.getexif().get(_ORIENTATION, 1)
            picture = _upright(_fitted(source, keep_colours=transparency is not None), orientation)
            picture.info = {}  # encoders fall back to info (PNG takes its ICC profile from there)
            cleaned = _encode(picture, content_type, lossless=lossless, transparency=transparency)
    except AttachmentError:
        raise
    except Exception:  # hostile input: any parser failure is the sender's file, never a 500
        raise unreadable from None
    if budget is not None:
        budget.wrote(cleaned)
    return cleaned


def _reduction(width: int, height: int) -> int:
    """The smallest whole factor that brings the picture within `MAX_STORED_PIXELS`."""
    factor = 1
    while math.ceil(width / factor) * math.ceil(height / factor) > MAX_STORED_PIXELS:
        factor += 1
    return factor


def _decode_reduced(source: Image.Image) -> None:
    """Let the JPEG decoder scale down while decoding (by ½, ¼ or ⅛), to fit `MAX_STORED_PIXELS`.

    Any JPEG up to `MAX_IMAGE_PIXELS` fits at ½; decoding it so costs about a fifth of a full decode.
    """
    width, height = source.size
    factor = _reduction(width, height)
    scale = next((s for s in (1, 2, 4, 8) if s >= factor), 8)
    if scale > 1 and width >= scale and height >= scale:
        source.draft(None, (width // scale, height // scale))


#: Modes whose pixels may be averaged (not palette indices or single bits; `reduce` takes these).
_AVERAGED = frozenset({"L", "LA", "RGB", "RGBA", "I", "F", "CMYK"})


def _fitted(picture: Image.Image, *, keep_colours: bool) -> Image.Image:
    """The picture reduced by the smallest whole factor that fits `MAX_STORED_PIXELS`, or itself.

    A whole factor, like the JPEG decoder's: averaging blocks of pixels costs a quarter of a
    bilinear resize of a 64-megapixel picture. Palette pictures and a transparent colour key must
    keep their exact values, so those pick every n-th pixel instead of averaging.
    """
    width, height = picture.size
    factor = _reduction(width, height)
    if factor == 1:
        return picture
    if picture.mode in _AVERAGED and not keep_colours:
        return picture.reduce(factor)
    size = (math.ceil(width / factor), math.ceil(height / factor))
    return picture.resize(size, Image.Resampling.NEAREST)


_ORIENTATION = 0x0112
#: EXIF orientation → the transposition that makes the picture upright (2–8; 1 is upright).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _upright(picture: Image.Image, orientation: object) -> Image.Image:
    method = _UPRIGHT.get(orientation) if isinstance(orientation, int) else None
    return picture if method is None else picture.transpose(method)


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
        # Run-length strategy: as small as the default for screenshots and scans, and 3-4 times
        # faster on photo-like pictures (measured in bench/uploads.py).
        picture.save(out, "PNG", compress_type=zlib.Z_RLE, **extra)
    elif content_type == "image/gif":
        if picture.mode not in ("P", "L"):
            picture = picture.convert("P")
        extra = {"transparency": transparency} if isinstance(transparency, int) else {}
        picture.save(out, "GIF", **extra)
    else:
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.mode else "RGB")
        # Low encoder effort: the default (method 4; for lossless, effort 90) takes seconds per
        # megapixel on a photo-like lossless picture (bench/uploads.py).
        if lossless:
            picture.save(out, "WEBP", lossless=True, quality=10, method=1, exact=True)
        else:
            picture.save(out, "WEBP", quality=90, method=1)
    return out.getvalue()


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """Photos re-encoded with no metadata (`reencode_image`); PDFs unchanged."""
    if content_type in _PILLOW_FORMATS:
        return reencode_image(content, content_type, "lampiran")
    return content
