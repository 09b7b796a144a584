"""Signing webhook requests, and the check a receiver makes (used by our tests and shown in docs).

The signature is HMAC-SHA256 over ``"<timestamp>.<body>"`` with the subscription's secret, sent as
``X-Layani-Signature: sha256=<hex>`` with the timestamp in ``X-Layani-Timestamp`` (Unix seconds).
Signing the timestamp with the body lets a receiver refuse a captured request replayed later: it
checks the signature, then that the timestamp is recent, then that it has not yet processed the
event id (``X-Layani-Event-Id``, the audit sequence) — retries of one event share that id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "X-Layani-Signature"
TIMESTAMP_HEADER = "X-Layani-Timestamp"
EVENT_ID_HEADER = "X-Layani-Event-Id"
EVENT_HEADER = "X-Layani-Event"
#: How far a receiver should let a timestamp be from its own clock.
DEFAULT_TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The header value for `body` sent at `timestamp`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(
    secret: str,
    *,
    body: bytes,
    timestamp_header: str | None,
    signature_header: str | None,
    now: float,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
) -> bool:
    """What a receiver does: a valid signature over a timestamp within `tolerance` of `now`."""
    if not timestamp_header or not signature_header or not timestamp_header.isdigit():
        return False
    timestamp = int(timestamp_header)
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), signature_header)
