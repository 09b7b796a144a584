"""Layani to Layani: signed JSON messages posted to the peer's `/federation/v1/inbox`.

Every request carries `X-Layani-Peer` (the sender's deployment id), `X-Layani-Message-Id` (the
idempotency key), and the webhook signature scheme (HMAC-SHA256 over "<timestamp>.<body>" with the
peer's shared secret: `layani.webhooks.signing`). Two message kinds:

    {"version": 1, "kind": "forward", "key": ..., "origin": {"deployment": ..., "tracking_id": ...},
     "reason": ..., "report": {...}, "identity": {...} | null,
     "attachments": [{"name": ..., "content_type": ..., "sha256": ..., "content": <base64>}]}
    -> 200 {"tracking_id": <the receiver's tracking ID>}

    {"version": 1, "kind": "update", "key": ..., "event": <wire.EVENTS>,
     "origin": {"deployment": ..., "tracking_id": <the sender's>}, "your_tracking_id": ...,
     "text": ..., "outcome": ..., "rating": ...}
    -> 200 {"ok": true}
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from django.utils.translation import gettext as _

from layani.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature, verify

from . import EVENTS, Message, WireAttachment, WireError

VERSION = 1
INBOX_PATH = "/federation/v1/inbox"
PEER_HEADER = "X-Layani-Peer"
MESSAGE_ID_HEADER = "X-Layani-Message-Id"
#: The files one forward may carry, in all (before base64); more are withheld and counted.
MAX_FORWARD_ATTACHMENT_BYTES = 16 * 1024 * 1024
MAX_ATTACHMENTS = 10
#: The texts' share of a message, and the whole message with its files in base64.
MAX_TEXT_BYTES = 256 * 1024
MAX_BODY_BYTES = MAX_TEXT_BYTES + (MAX_FORWARD_ATTACHMENT_BYTES * 4) // 3 + 4 * 1024

REPORT_FIELDS = {
    "type": 20,
    "title": 200,
    "description": 10000,
    "region_code": 20,
    "category_code": 80,
    "address": 300,
    "privacy": 20,
    "latitude": 30,
    "longitude": 30,
}
IDENTITY_FIELDS = {"name": 200, "nik": 16, "phone": 30, "email": 254}


def encode(payload: dict[str, Any]) -> bytes:
    """The message as sent. A forward's attachment references (the outbox keeps only those) are
    replaced by the files themselves, read now (`federation.attachments.inline`)."""
    data = {"version": VERSION, **payload}
    if data.get("attachments"):
        from ..attachments import inline  # the storage side; the wire module stays importable

        data["attachments"] = inline(data["attachments"])
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode()


def read_body(request: Any) -> bytes:
    """A request's body up to one byte over `MAX_BODY_BYTES` (`decode` refuses it then). Read
    from the stream: Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is for forms, and a forward
    with its photos is larger."""
    return bytes(request.read(MAX_BODY_BYTES + 1))


def request_headers(sender: str, secret: str, key: str, body: bytes, now: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        PEER_HEADER: sender,
        MESSAGE_ID_HEADER: key,
        TIMESTAMP_HEADER: str(now),
        SIGNATURE_HEADER: signature(secret, now, body),
    }


def signed(secret: str, body: bytes, headers: dict[str, str], now: float) -> bool:
    return verify(
        secret,
        body=body,
        timestamp_header=headers.get(TIMESTAMP_HEADER),
        signature_header=headers.get(SIGNATURE_HEADER),
        now=now,
    )


def _text(data: dict[str, Any], name: str, limit: int, *, required: bool = False) -> str:
    value = data.get(name, "")
    if value is None:
        value = ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise WireError(
            "invalid_field", name, _("The field %(field)s must be text.") % {"field": name}
        )
    if len(value) > limit:
        raise WireError("too_long", name, _("The field %(field)s is too long.") % {"field": name})
    if required and not value.strip():
        raise WireError(
            "missing_field", name, _("The field %(field)s is required.") % {"field": name}
        )
    return value


def decode(body: bytes) -> Message:
    """Read a message strictly; WireError names the field at fault."""
    if len(body) > MAX_BODY_BYTES:
        raise WireError("too_large", "body", _("The message is too large."))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WireError("invalid_json", "body", _("The message is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise WireError("invalid_json", "body", _("The message must be a JSON object."))
    if data.get("version") != VERSION:
        raise WireError(
            "unsupported_version", "version", _("This message version is not supported.")
        )
    kind = data.get("kind")
    if kind not in ("forward", "update"):
        raise WireError(
            "invalid_field", "kind", _("The field %(field)s is not valid.") % {"field": "kind"}
        )
    origin = data.get("origin")
    if not isinstance(origin, dict):
        raise WireError(
            "missing_field", "origin", _("The field %(field)s is required.") % {"field": "origin"}
        )
    common = {
        "kind": kind,
        "key": _text(data, "key", 160, required=True),
        "origin_deployment": _text(origin, "deployment", 80, required=True),
        "origin_tracking_id": _text(origin, "tracking_id", 40, required=True),
    }
    if kind == "forward":
        report = data.get("report")
        if not isinstance(report, dict):
            raise WireError(
                "missing_field",
                "report",
                _("The field %(field)s is required.") % {"field": "report"},
            )
        fields = {name: _text(report, name, limit) for name, limit in REPORT_FIELDS.items()}
        for needed in ("description", "region_code"):
            _text(report, needed, REPORT_FIELDS[needed], required=True)
        identity = data.get("identity")
        if identity is not None and not isinstance(identity, dict):
            raise WireError(
                "invalid_field",
                "identity",
                _("The field %(field)s is not valid.") % {"field": "identity"},
            )
        return Message(
            **common,
            report=fields,
            attachments=_attachments(data.get("attachments")),
            identity=(
                {name: _text(identity, name, limit) for name, limit in IDENTITY_FIELDS.items()}
                if identity
                else None
            ),
            reason=_text(data, "reason", 2000),
        )
    event = data.get("event")
    if event not in EVENTS:
        raise WireError(
            "invalid_field", "event", _("The field %(field)s is not valid.") % {"field": "event"}
        )
    rating = data.get("rating")
    if rating is not None and (not isinstance(rating, int) or isinstance(rating, bool)):
        raise WireError(
            "invalid_field", "rating", _("The field %(field)s is not valid.") % {"field": "rating"}
        )
    return Message(
        **common,
        event=event,
        your_tracking_id=_text(data, "your_tracking_id", 40, required=True),
        text=_text(data, "text", 10000),
        outcome=_text(data, "outcome", 30),
        rating=rating,
    )


def _attachments(value: Any) -> tuple[WireAttachment, ...]:
    """The files of a forward, decoded and matched against their digests. Their content is checked
    again by intake (type by content, size, re-encoding) when the report is stored."""
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_ATTACHMENTS:
        raise WireError(
            "invalid_field",
            "attachments",
            _("The field %(field)s is not valid.") % {"field": "attachments"},
        )
    files, total = [], 0
    for item in value:
        if not isinstance(item, dict):
            raise WireError(
                "invalid_field",
                "attachments",
                _("The field %(field)s is not valid.") % {"field": "attachments"},
            )
        raw = item.get("content")
        try:
            if not isinstance(raw, str):
                raise ValueError(raw)
            content = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise WireError(
                "invalid_field",
                "attachments.content",
                _("The field %(field)s is not valid.") % {"field": "attachments.content"},
            ) from None
        total += len(content)
        if total > MAX_FORWARD_ATTACHMENT_BYTES:
            raise WireError("too_large", "attachments", _("The attachments are too large."))
        if hashlib.sha256(content).hexdigest() != _text(item, "sha256", 64):
            raise WireError(
                "digest_mismatch",
                "attachments.sha256",
                _("An attachment does not match its digest."),
            )
        files.append(
            WireAttachment(
                name=_text(item, "name", 255),
                content_type=_text(item, "content_type", 100),
                content=content,
            )
        )
    return tuple(files)


def forward_answer(body: bytes) -> str:
    """The receiver's tracking ID from its answer to a forward."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WireError("invalid_json", "body", _("The message is not valid JSON.")) from None
    tracking = data.get("tracking_id") if isinstance(data, dict) else None
    if not isinstance(tracking, str) or not tracking or len(tracking) > 40:
        raise WireError("missing_field", "tracking_id", _("The answer has no tracking ID."))
    return tracking
