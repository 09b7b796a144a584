"""Photos lose their metadata: EXIF (GPS, camera), XMP, IPTC and comments in JPEG; text and EXIF
chunks in PNG. The picture itself is kept (re-encoded, see layani/intake/tests/test_reencode.py)."""

import struct
import zlib

from layani.portal.uploads import strip_metadata

GPS = b"GPS 7.7501S 110.3902E; Camera: Redmi 9A; Owner: Siti"


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def test_jpeg_metadata_segments_are_removed_and_the_image_kept():
    # Since issue #10 photos are re-encoded: the picture is kept, its metadata segments are not.
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 8), (10, 200, 10)).save(out, "JPEG")
    real = out.getvalue()
    jpeg = (
        real[:2]
        + _segment(0xE1, b"Exif\x00\x00" + GPS)
        + _segment(0xED, b"Photoshop 3.0\x00" + GPS)
        + _segment(0xFE, GPS)
        + real[2:]
    )
    cleaned = strip_metadata(jpeg, "image/jpeg")
    assert GPS not in cleaned and b"Exif" not in cleaned and b"Photoshop" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as picture:
        assert (picture.format, picture.size) == ("JPEG", (16, 8))
        red, green, blue = picture.convert("RGB").getpixel((8, 4))
        assert green > 180 and red < 40 and blue < 40


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_png_text_and_exif_chunks_are_removed_and_the_image_kept():
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    pixels = _chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + header
        + _chunk(b"tEXt", b"Comment\x00" + GPS)
        + _chunk(b"eXIf", b"MM\x00*" + GPS)
        + pixels
        + _chunk(b"IEND", b"")
    )
    cleaned = strip_metadata(png, "image/png")
    assert GPS not in cleaned
    # Only the header, the pixels (compressed anew, so compared decompressed) and the end remain.
    chunks, at = [], 8
    while at < len(cleaned):
        (length,) = struct.unpack(">I", cleaned[at : at + 4])
        chunks.append((cleaned[at + 4 : at + 8], cleaned[at + 8 : at + 8 + length]))
        at += 12 + length
    assert cleaned[:8] == b"\x89PNG\r\n\x1a\n" and [kind for kind, _ in chunks] == [
        b"IHDR",
        b"IDAT",
        b"IEND",
    ]
    assert _chunk(b"IHDR", chunks[0][1]) == header
    assert zlib.decompress(chunks[1][1]) == b"\x00\xff\x00\x00"


def test_documents_are_left_unchanged():
    pdf = b"%PDF-1.4\n" + GPS
    assert strip_metadata(pdf, "application/pdf") == pdf
