"""Bearer-token authentication: the request acts as the token's service user, for its agency."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from layani.security.ratelimit import hit, limit_for

from .errors import ApiError
from .models import ApiScope, ApiToken
from .tokens import authenticate


class AgencyToken(HttpBearer):
    """`Authorization: Bearer lyn_…`; missing, unknown and revoked tokens all get the same 401."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = authenticate(token)
        if found is not None:
            # Each agency's system gets its own budget, so one busy integrator cannot starve others.
            limit, window = limit_for("api")
            allowed, retry_after = hit("api", found.token_hash, limit, window)
            if not allowed:
                raise ApiError(
                    429, "rate_limited", f"Too many requests; try again in {retry_after} seconds."
                )
        return found


def token_of(request: HttpRequest) -> ApiToken:
    """The authenticated token (Ninja has already refused the request if there is none)."""
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):  # pragma: no cover (the router's auth runs first)
        raise ApiError(401, "unauthorized", "A valid API token is required.")
    return token


def writing_token(request: HttpRequest) -> ApiToken:
    """The token, if it may act (post, move tasks); 403 `scope_required` for read-only tokens."""
    token = token_of(request)
    if not token.allows(ApiScope.WRITE):
        raise ApiError(403, "scope_required", "This token may only read.")
    return token
