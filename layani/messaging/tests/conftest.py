"""Messaging test fixtures: gateways with their secrets, and a helper that posts signed webhooks."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any

import pytest

from layani.messaging.gateways import SIGNATURE_HEADER, add_gateway, sign

#: The citizen's number as the SMS gateway sends it; it must end up in ReporterIdentity only.
PHONE = "+62 812-7777-3131"
PHONE_FORMS = ("081277773131", "6281277773131", "+6281277773131", "81277773131")


@dataclass
class Sender:
    slug: str
    secret: str
    path: str
    client: Any
    ids: count

    def post(self, body: dict | bytes, *, secret: str | None = None, signature: str | None = None):
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        header = signature if signature is not None else sign(secret or self.secret, raw)
        return self.client.post(
            self.path, raw, content_type="application/json", **{_meta(SIGNATURE_HEADER): header}
        )

    def say(self, text: str, *, sender: str = PHONE, message_id: str | None = None) -> str:
        message_id = message_id or f"SM{next(self.ids):06d}"
        body = {
            "from": sender,
            "text": text,
            "message_id": message_id,
            "timestamp": "2026-01-31T09:15:00+07:00",
        }
        response = self.post(body)
        assert response.status_code == 200, response.content
        return response.json()["reply"]


def _meta(header: str) -> str:
    return "HTTP_" + header.upper().replace("-", "_")


@pytest.fixture
def gateway_factory(client, regions, categories, settings) -> Callable[[str, str], Sender]:
    settings.LAYANI_DEPLOYMENT_PROVINCE = "34"

    def make(name: str, kind: str) -> Sender:
        gateway, secret = add_gateway(name, kind)
        suffix = "email" if kind == "email" else "inbound"
        return Sender(gateway.slug, secret, f"/messaging/{gateway.slug}/{suffix}", client, count(1))

    return make


@pytest.fixture
def sms(gateway_factory) -> Sender:
    return gateway_factory("Zenziva SMS", "sms")
