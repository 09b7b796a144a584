"""Sign-in with throttling: repeated failures lock the username (and the address) for a while.

Failures are logged with a hash of the username, never the password or the raw name.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .ratelimit import client_ip, too_many_requests

logger = logging.getLogger("layani.security")

USER_FAILURES = 5  # per username per window
ADDRESS_FAILURES = 20  # per client address per window
WINDOW = 15 * 60


def _key(kind: str, value: str) -> str:
    return f"login-fail:{kind}:{hashlib.sha256(value.lower().encode()).hexdigest()[:32]}"


def _failures(kind: str, value: str) -> int:
    return int(cache.get(_key(kind, value), 0))


def _record_failure(kind: str, value: str) -> None:
    key = _key(kind, value)
    if not cache.add(key, 1, timeout=WINDOW):
        cache.incr(key)


class ThrottledLoginView(auth_views.LoginView):
    """Django's login view, refusing further attempts once a username or address failed too often."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))[:150]
        address = client_ip(request)
        if (
            _failures("user", username) >= USER_FAILURES
            or _failures("ip", address) >= ADDRESS_FAILURES
        ):
            logger.warning("login throttled user_hash=%s", _key("user", username)[-12:])
            response = too_many_requests(WINDOW)
            response.content = _(
                "Too many failed sign-in attempts. Try again in 15 minutes."
            ).encode()
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        username = str(self.request.POST.get("username", ""))[:150]
        _record_failure("user", username)
        _record_failure("ip", client_ip(self.request))
        logger.warning("login failed user_hash=%s", _key("user", username)[-12:])
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        cache.delete(_key("user", str(self.request.POST.get("username", ""))[:150]))
        return super().form_valid(form)
