"""The inbound webhooks: one for SMS, WhatsApp and Telegram gateways, one for parsed e-mail.

Each checks the gateway's HMAC-SHA256 signature over the raw body (header ``X-Layani-Signature:
sha256=<hex>``) before reading anything, validates the JSON, and answers ``{"reply": "..."}`` —
the text the gateway sends back to the citizen (an outbound sender interface comes later).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .gateways import SIGNATURE_HEADER, signature_ok
from .models import Gateway, GatewayKind
from .services import InboundMessage, receive_message

MAX_TEXT = 10_000


@csrf_exempt
@require_POST
def inbound(request: HttpRequest, slug: str) -> JsonResponse:
    """``{from, text, message_id, timestamp, media?}`` from an SMS/WhatsApp/Telegram gateway."""
    return _receive(request, slug, email=False)


@csrf_exempt
@require_POST
def inbound_email(request: HttpRequest, slug: str) -> JsonResponse:
    """``{from, subject, text, message_id}``: an e-mail already parsed by the mail provider."""
    return _receive(request, slug, email=True)


def _receive(request: HttpRequest, slug: str, *, email: bool) -> JsonResponse:
    gateway = Gateway.objects.filter(slug=slug, is_active=True).first()
    if gateway is None or (gateway.kind == GatewayKind.EMAIL) != email:
        return _error(404, "unknown_gateway", "No active gateway of this kind at this address.")
    if not signature_ok(gateway, request.body, request.headers.get(SIGNATURE_HEADER)):
        return _error(403, "bad_signature", "The body's signature does not match.")
    try:
        payload = json.loads(request.body.decode("utf-8"))
        message = _message(payload, email=email)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _error(400, "invalid_json", "The body is not JSON in UTF-8.")
    except ValueError as error:
        return _error(400, "invalid_message", str(error))
    reply = receive_message(gateway, message)
    return JsonResponse({"reply": reply}, json_dumps_params={"ensure_ascii": False})


def _message(payload: Any, *, email: bool) -> InboundMessage:
    if not isinstance(payload, dict):
        raise ValueError("The body must be a JSON object.")
    fields = {}
    for name, limit, required in (
        ("from", 320, True),
        ("message_id", 200, not email),
        ("text", MAX_TEXT, False),
        ("subject", 300, False),
    ):
        value = payload.get(name, "")
        if isinstance(value, int) and not isinstance(value, bool) and name != "text":
            value = str(value)  # Telegram chat IDs and some message IDs come as numbers
        if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
            raise ValueError(f"'{name}' must be a string of at most {limit} characters.")
        fields[name] = value.replace("\x00", "")  # PostgreSQL cannot store NUL in text
    message_id = fields["message_id"].strip() or _email_fallback_id(fields)
    return InboundMessage(
        sender=fields["from"],
        text=fields["text"],
        message_id=message_id,
        subject=fields["subject"] if email else "",
    )


def _email_fallback_id(fields: dict[str, str]) -> str:
    # Parsed e-mail without a Message-ID: the same mail delivered twice is still the same message.
    raw = "\n".join((fields["from"], fields["subject"], fields["text"]))
    return "sha256:" + hashlib.sha256(raw.encode()).hexdigest()


def _error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)
