"""Issuing, revoking and checking agencies' API tokens.

Issuing a token also creates its service user (see models.py): an account that cannot sign in,
with one `agency_admin` membership, so that the case services' own permission checks apply to the
API unchanged. Revoking a token deactivates that membership too, so a revoked token has no power
even through a path that forgot to check `revoked_at`. Issue and revocation are audited (row number
and prefix, never the token).
"""

from __future__ import annotations

import hashlib
import secrets
import string
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import Membership, Role, User
from layani.audit.services import record
from layani.directory.models import Agency

from .models import ApiScope, ApiToken

#: Marks the string as a Layani API token in a config file or a leak scanner (a public marker,
#: not a secret).
TOKEN_PREFIX = "lyn_"  # noqa: S105  # nosec B105
#: `last_used_at` is refreshed at most this often, so that reads do not each cost a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)
#: The token's body: letters and digits only, so that a double click selects the whole token and
#: its prefix never starts with '-' (which a shell command would read as an option). 43 symbols
#: from 62 carry 256 bits.
_BODY_ALPHABET = string.ascii_letters + string.digits
_BODY_LENGTH = 43


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.strip().encode()).hexdigest()


@transaction.atomic
def issue_token(
    agency: Agency,
    name: str,
    *,
    scopes: tuple[str, ...] = (ApiScope.READ, ApiScope.WRITE),
    created_by: User | None = None,
    now: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a token for `agency`'s system `name`; return the row and the token (never stored)."""
    name = " ".join(name.split())
    if not name or len(name) > 80:
        raise ValueError("A name of 1 to 80 characters is required.")
    if not scopes or any(s not in ApiScope.values for s in scopes):
        raise ValueError(f"Scopes must be taken from {ApiScope.values}.")
    now = now or timezone.now()
    raw = TOKEN_PREFIX + "".join(secrets.choice(_BODY_ALPHABET) for _ in range(_BODY_LENGTH))
    prefix = raw[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + 8]
    user = User(username=f"api-{agency.slug}-{secrets.token_hex(4)}"[:150], is_active=False)
    user.set_unusable_password()
    user.save()
    Membership.objects.create(user=user, agency=agency, role=Role.AGENCY_ADMIN, created_at=now)
    token = ApiToken.objects.create(
        agency=agency,
        name=name,
        prefix=prefix,
        token_hash=hash_token(raw),
        scopes=sorted(set(scopes)),
        service_user=user,
        created_by=created_by,
        created_at=now,
    )
    _audit("api.token_issued", token, created_by, now)
    return token, raw


@transaction.atomic
def revoke_token(
    token: ApiToken, *, revoked_by: User | None = None, now: datetime | None = None
) -> ApiToken:
    """Revoke `token` and take its service user's membership away; revoking twice changes nothing."""
    if token.revoked_at is not None:
        return token
    now = now or timezone.now()
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    Membership.objects.filter(user=token.service_user_id).update(is_active=False)
    _audit("api.token_revoked", token, revoked_by, now)
    return token


def authenticate(raw: str | None, *, now: datetime | None = None) -> ApiToken | None:
    """The active token matching `raw`, or None. One indexed lookup; nothing to time."""
    if not raw or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.active()
        .select_related("agency", "service_user")
        .filter(token_hash=hash_token(raw), agency__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _audit(action: str, token: ApiToken, actor: User | None, now: datetime) -> None:
    record(
        action,
        actor_ref=f"user:{actor.pk}" if actor else "system",
        object_type="api_token",
        object_ref=str(token.pk),
        payload={"agency": token.agency.slug, "prefix": token.prefix, "scopes": token.scopes},
        now=now,
    )
