"""Issuing, revoking and checking Open311 API keys.

A key is shown once, at issue time; afterwards only its digest exists, so a lost key is replaced,
never recovered. Issue and revocation are written to the audit log (with the key's row number and
prefix, never the key).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from layani.audit.services import record

from .models import ApiKey

#: Marks the string as an Open311 key of ours when it turns up in a config file or a leak scanner.
KEY_PREFIX = "l311_"


def digest_of(raw_key: str) -> str:
    return hashlib.sha256(raw_key.strip().encode()).hexdigest()


@transaction.atomic
def issue_api_key(name: str, *, now: datetime | None = None) -> tuple[ApiKey, str]:
    """Create a key for integrator `name`; return the row and the key, which is never stored."""
    name = " ".join(name.split())
    if not name or len(name) > 80:
        raise ValueError("An integrator name of 1 to 80 characters is required.")
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        name=name,
        prefix=raw[len(KEY_PREFIX) : len(KEY_PREFIX) + 8],
        digest=digest_of(raw),
        created_at=now or timezone.now(),
    )
    record(
        "open311.key_issued",
        actor_ref="system",
        object_type="open311_key",
        object_ref=str(key.pk),
        payload={"prefix": key.prefix},
        now=key.created_at,
    )
    return key, raw


@transaction.atomic
def revoke_api_keys(name: str, *, now: datetime | None = None) -> int:
    """Revoke every active key of integrator `name`; return how many were revoked."""
    now = now or timezone.now()
    keys = list(ApiKey.objects.active().filter(name=" ".join(name.split())))
    for key in keys:
        key.revoked_at = now
        key.save(update_fields=["revoked_at"])
        record(
            "open311.key_revoked",
            actor_ref="system",
            object_type="open311_key",
            object_ref=str(key.pk),
            payload={"prefix": key.prefix},
            now=now,
        )
    return len(keys)


def authenticate(raw_key: str | None) -> ApiKey | None:
    """The active key matching `raw_key`, or None. One indexed lookup; nothing to time."""
    if not raw_key or len(raw_key) > 200:
        return None
    return ApiKey.objects.active().filter(digest=digest_of(raw_key)).first()
