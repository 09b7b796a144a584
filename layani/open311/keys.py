"""Issuing, revoking and checking Open311 API keys.

A key is shown once, at issue time; afterwards only its digest exists, so a lost key is replaced,
never recovered. Issue and revocation are written to the audit log (with the key's row number and
prefix, never the key).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.audit.services import record

from .formats import Open311Error
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
        _recent.pop(key.digest, None)
        record(
            "open311.key_revoked",
            actor_ref="system",
            object_type="open311_key",
            object_ref=str(key.pk),
            payload={"prefix": key.prefix},
            now=now,
        )
    return len(keys)


#: Keys that authenticated lately, by digest: (when, key). An integrator's burst of submissions
#: then costs one lookup, not one per submission. A revocation takes effect at once in the process
#: that revoked and within ``LAYANI_LOOKUP_CACHE_SECONDS`` (default 30) everywhere else.
_recent: dict[str, tuple[float, ApiKey]] = {}
_MAX_RECENT = 1_000


def authenticate(raw_key: str | None) -> ApiKey | None:
    """The active key matching `raw_key`, or None. Unknown keys are looked up every time."""
    if not raw_key or len(raw_key) > 200:
        return None
    digest = digest_of(raw_key)
    seconds, now = float(getattr(settings, "LAYANI_LOOKUP_CACHE_SECONDS", 30)), time.monotonic()
    seen = _recent.get(digest)
    if seen is not None and now - seen[0] < seconds:
        return seen[1]
    key = ApiKey.objects.active().filter(digest=digest).first()
    if key is not None and seconds > 0:
        if len(_recent) >= _MAX_RECENT:
            _recent.clear()
        _recent[digest] = (now, key)
    return key


def required_key(request: HttpRequest) -> ApiKey:
    """The integrator's active key, sent in the form body (the spec) or in the query string (some
    clients put it there on POST too); a 403 in the spec's errors document otherwise."""
    key = authenticate(request.POST.get("api_key") or request.GET.get("api_key"))
    if key is None:
        raise Open311Error(403, _("api_key is missing or invalid."))
    return key
