"""Gateway secrets, signatures and the pseudonyms that stand in for senders.

Everything is an HMAC under one server-side key (``LAYANI_MESSAGING_KEY``, else ``SECRET_KEY``):
a gateway's signing secret is derived from its stored salt, a sender's conversation key from their
normalised number, a message's key from its ID. Rotating the server key therefore means issuing new
gateway secrets, and open conversations start afresh.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from .models import Gateway, GatewayKind

SIGNATURE_HEADER = "X-Layani-Signature"


def _key() -> bytes:
    return str(getattr(settings, "LAYANI_MESSAGING_KEY", "") or settings.SECRET_KEY).encode()


def _mac(purpose: str, value: str) -> str:
    return hmac.new(_key(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def secret_for(gateway: Gateway) -> str:
    """The secret the gateway signs with; shown once by `layani messaging add-gateway`."""
    return _mac("gateway-secret", f"{gateway.slug}:{gateway.secret_salt}")


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for `body`: ``sha256=<hex HMAC-SHA256(secret, body)>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_ok(gateway: Gateway, body: bytes, header: str | None) -> bool:
    return bool(header) and hmac.compare_digest(sign(secret_for(gateway), body), header or "")


@transaction.atomic
def add_gateway(name: str, kind: str) -> tuple[Gateway, str]:
    """Register a gateway; returns it and its signing secret (derived, never stored)."""
    if kind not in GatewayKind.values:
        raise ValueError(f"kind must be one of {', '.join(GatewayKind.values)}.")
    slug = slugify(name)[:40]
    if not slug:
        raise ValueError("A gateway name needs letters or digits.")
    gateway = Gateway.objects.create(
        name=name, slug=slug, kind=kind, secret_salt=secrets.token_hex(16)
    )
    return gateway, secret_for(gateway)


def rotate_secret(gateway: Gateway) -> str:
    gateway.secret_salt = secrets.token_hex(16)
    gateway.save(update_fields=["secret_salt"])
    return secret_for(gateway)


def normalize_phone(raw: str) -> str:
    """``0812-3456-7890``, ``62 812 3456 7890``, ``+6281234567890`` → ``+6281234567890``.

    Returns "" for anything that is not a plausible phone number (a Telegram chat ID, say).
    """
    digits = re.sub(r"[\s\-.()]", "", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        return ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return "+" + digits if 9 <= len(digits) <= 15 else ""


def sender_key(kind: str, sender: str) -> str:
    """The pseudonym of a sender: the same person on the same kind of channel, the same key."""
    return _mac("sender", f"{kind}:{sender.strip().lower()}")


def message_key(gateway: Gateway, message_id: str) -> str:
    return _mac("message", f"{gateway.pk}:{message_id}")
