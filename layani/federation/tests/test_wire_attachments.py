"""The Layani JSON forward's attachments on the wire: strictly read, bounded, digests checked."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from layani.federation.wire import WireError, layani_json


def _forward(files):
    return json.dumps(
        {
            "version": 1,
            "kind": "forward",
            "key": "k",
            "origin": {"deployment": "layani", "tracking_id": "ABC"},
            "report": {"description": "Upah di bawah UMP.", "region_code": "34.04.06.2001"},
            "attachments": files,
        }
    ).encode()


def _file(content=b"%PDF-1.4 surat", **overrides):
    item = {
        "name": "surat.pdf",
        "content_type": "application/pdf",
        "sha256": hashlib.sha256(content).hexdigest(),
        "content": base64.b64encode(content).decode(),
    }
    return {**item, **overrides}


def _refused(files) -> WireError:
    with pytest.raises(WireError) as refused:
        layani_json.decode(_forward(files))
    return refused.value


def test_files_are_decoded_with_their_names_and_types():
    message = layani_json.decode(_forward([_file(), _file(b"%PDF-1.4 dua", name="dua.pdf")]))
    assert [(a.name, a.content) for a in message.attachments] == [
        ("surat.pdf", b"%PDF-1.4 surat"),
        ("dua.pdf", b"%PDF-1.4 dua"),
    ]
    assert layani_json.decode(_forward(None)).attachments == ()


@pytest.mark.parametrize(
    ("files", "code", "field"),
    [
        ("not a list", "invalid_field", "attachments"),
        (["not an object"], "invalid_field", "attachments"),
        ([_file()] * (layani_json.MAX_ATTACHMENTS + 1), "invalid_field", "attachments"),
        ([{**_file(), "content": "!!not base64!!"}], "invalid_field", "attachments.content"),
        ([{**_file(), "content": None}], "invalid_field", "attachments.content"),
        ([_file(sha256="0" * 64)], "digest_mismatch", "attachments.sha256"),
        ([_file(name="x" * 256)], "too_long", "name"),
    ],
)
def test_malformed_files_are_refused_naming_the_field(files, code, field):
    refused = _refused(files)
    assert (refused.code, refused.field) == (code, field)


def test_files_over_the_limit_in_all_are_refused(monkeypatch):
    monkeypatch.setattr(layani_json, "MAX_FORWARD_ATTACHMENT_BYTES", 20)
    refused = _refused([_file(b"%PDF-1.4 0123456789"), _file(b"%PDF-1.4 abcdefghij")])
    assert refused.code == "too_large"


def test_a_message_larger_than_the_body_limit_is_refused_before_parsing():
    with pytest.raises(WireError) as refused:
        layani_json.decode(b" " * (layani_json.MAX_BODY_BYTES + 1))
    assert refused.value.code == "too_large"
    # The limit leaves room for the largest allowed files in base64 plus the texts.
    assert layani_json.MAX_BODY_BYTES > layani_json.MAX_FORWARD_ATTACHMENT_BYTES * 4 // 3


def test_the_inbox_reads_at_most_one_byte_over_the_limit():
    class Stream:
        asked = None

        def read(self, size):
            Stream.asked = size
            return b"{}"

    assert layani_json.read_body(Stream()) == b"{}"
    assert Stream.asked == layani_json.MAX_BODY_BYTES + 1
