"""Outbound channels: e-mail through Django's backends, SMS/WhatsApp through signed HTTP.

A messaging gateway is configured per channel in settings::

    LAYANI_NOTIFICATION_GATEWAYS = {
        "sms": {"URL": "https://gateway.example/sms", "SECRET": "…", "TIMEOUT": 10},
        "whatsapp": {"URL": "https://gateway.example/wa", "SECRET": "…"},
    }

The gateway receives a JSON POST and checks ``X-Layani-Signature: sha256=<hex>``, the
HMAC-SHA256 of the exact request body under the shared secret (:func:`signature`), before acting
on it. ``X-Layani-Delivery`` carries the notification id so that a gateway can drop a retried
request it has already handled.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import send_mail

from .models import Channel, Notification

SIGNATURE_HEADER = "X-Layani-Signature"
DELIVERY_HEADER = "X-Layani-Delivery"


class DeliveryError(Exception):
    """A channel could not take the message; the caller retries later or gives up."""


class Sender(Protocol):
    def send(self, notification: Notification) -> None: ...


class EmailSender:
    """E-mail through whichever backend Django is configured with."""

    def send(self, notification: Notification) -> None:
        try:
            send_mail(
                notification.subject,
                notification.body,
                None,
                [notification.address],
                fail_silently=False,
            )
        except Exception as exc:  # any backend error is a failed attempt, retried later
            raise DeliveryError(type(exc).__name__) from exc


def signature(secret: str, body: bytes) -> str:
    """The value of the signature header for ``body``: ``sha256=`` and the hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class SignedHttpSender:
    """POSTs the message as JSON to a gateway URL, signed with a shared secret."""

    def __init__(self, url: str, secret: str, timeout: float = 10) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError("the gateway URL must be http or https")
        if not secret:
            raise ValueError("a gateway needs a shared secret")
        self.url, self.secret, self.timeout = url, secret, timeout

    def body(self, notification: Notification) -> bytes:
        payload = {
            "id": notification.pk,
            "channel": notification.channel,
            "to": notification.address,
            "event": notification.event,
            "subject": notification.subject,
            "text": notification.body,
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    def send(self, notification: Notification) -> None:
        body = self.body(notification)
        request = urllib.request.Request(  # noqa: S310 (scheme checked in __init__)
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                SIGNATURE_HEADER: signature(self.secret, body),
                DELIVERY_HEADER: str(notification.pk),
            },
        )
        # The scheme was checked in __init__ (http or https only).
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                status = response.status
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"gateway answered HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise DeliveryError(f"gateway unreachable: {type(exc).__name__}") from exc
        if not 200 <= status < 300:
            raise DeliveryError(f"gateway answered HTTP {status}")


def _gateways() -> dict[str, dict[str, object]]:
    return getattr(settings, "LAYANI_NOTIFICATION_GATEWAYS", {}) or {}


def channel_available(channel: str) -> bool:
    """Whether messages can go out on ``channel`` in this deployment."""
    return channel == Channel.EMAIL or channel in _gateways()


def sender_for(channel: str) -> Sender:
    """The sender for a channel; DeliveryError when the deployment has no gateway for it."""
    if channel == Channel.EMAIL:
        return EmailSender()
    config = _gateways().get(channel)
    if not config:
        raise DeliveryError(f"no gateway configured for {channel}")
    return SignedHttpSender(
        str(config["URL"]), str(config["SECRET"]), float(str(config.get("TIMEOUT", 10)))
    )
