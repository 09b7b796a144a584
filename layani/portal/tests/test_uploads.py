"""Photos lose their metadata: EXIF (GPS, camera), XMP, IPTC and comments in JPEG; text and EXIF
chunks in PNG. The picture data itself is kept byte for byte."""

import struct
import zlib

from layani.portal.uploads import strip_metadata

GPS = b"GPS 7.7501S 110.3902E; Camera: Redmi 9A; Owner: Siti"


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def test_jpeg_metadata_segments_are_removed_and_the_image_kept():
    quant = _segment(0xDB, b"\x00" + bytes(range(64)))
    scan = _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34\x56image-data\xff\xd9"
    jpeg = (
        b"\xff\xd8"
        + _segment(0xE0, b"JFIF\x00\x01\x01")
        + _segment(0xE1, b"Exif\x00\x00" + GPS)
        + _segment(0xED, b"Photoshop 3.0\x00" + GPS)
        + _segment(0xFE, GPS)
        + quant
        + scan
    )
    cleaned = strip_metadata(jpeg, "image/jpeg")
    assert GPS not in cleaned and b"Exif" not in cleaned
    assert cleaned.startswith(b"\xff\xd8" + _segment(0xE0, b"JFIF\x00\x01\x01"))
    assert cleaned.endswith(quant + scan)


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
    assert cleaned == b"\x89PNG\r\n\x1a\n" + header + pixels + _chunk(b"IEND", b"")


def test_documents_are_left_unchanged():
    pdf = b"%PDF-1.4\n" + GPS
    assert strip_metadata(pdf, "application/pdf") == pdf
