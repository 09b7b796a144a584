"""Fixed-window rate limits kept in the cache (Redis at scale, shared by every web process).

Used for anonymous submission, the public API and sign-in attempts. A limit that trips answers
with HTTP 429 and a Retry-After header, never with an error page that hides the reason.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from redis import Redis
from redis.commands.core import Script


def client_ip(request: HttpRequest) -> str:
    """The client address. Behind a trusted proxy set LAYANI_TRUSTED_PROXY_HEADER (e.g.
    HTTP_X_REAL_IP); without one the socket address is used, never a spoofable header."""
    from django.conf import settings

    header = getattr(settings, "LAYANI_TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return str(request.META[header]).split(",")[0].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def hit(scope: str, key: str, limit: int, window: int) -> tuple[bool, int]:
    """Count one hit for (scope, key); returns (allowed, seconds until the window resets)."""
    now = int(time.time())
    start = now - now % window
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]  # no raw IPs or usernames in the cache
    count = _count(f"rl:{scope}:{digest}:{start}", timeout=window + 5)
    return count <= limit, start + window - now


#: INCR, and set the expiry on the window's first hit: one round trip, atomic.
_COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def _count(key: str, timeout: int) -> int:
    client = _redis()
    if client is not None:
        # One round trip where the cache's add-then-incr takes three. Same key and value format
        # as the cache's, so `cache.get` reads the count.
        return int(client(keys=[cache.make_key(key)], args=[timeout]))
    added = cache.add(key, 1, timeout=timeout)
    return 1 if added else int(cache.incr(key))


@functools.cache
def _redis() -> Script | None:
    """The counting script on the cache's Redis, when the default cache is Redis (scale-out)."""
    from django.conf import settings

    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith(".RedisCache"):
        return None
    location = config["LOCATION"]
    client = Redis.from_url(location[0] if isinstance(location, list) else location)
    return client.register_script(_COUNT_SCRIPT)


#: (requests, seconds) per client address; override any of them in settings.LAYANI_RATE_LIMITS.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "submit": (10, 600),  # anonymous report submissions
    "open311-write": (60, 60),
    "open311-read": (600, 60),
    "api": (600, 60),
    "messaging": (120, 60),
    "track": (20, 600),  # tracking ID + access code guesses
    "totp": (10, 300),  # second-factor code guesses
    "point": (120, 60),  # the report form's "where is this pin?" lookups
}


def limit_for(scope: str) -> tuple[int, int]:
    from django.conf import settings

    return {**DEFAULT_LIMITS, **getattr(settings, "LAYANI_RATE_LIMITS", {})}[scope]


def rate_limited(scope: str, methods: tuple[str, ...] = ("POST",)) -> Callable[..., Any]:
    """View decorator: at most the scope's limit of `methods` requests per client address."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                limit, window = limit_for(scope)
                allowed, retry_after = hit(scope, client_ip(request), limit, window)
                if not allowed:
                    return too_many_requests(retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def too_many_requests(retry_after: int) -> HttpResponse:
    response = HttpResponse(
        _("Too many requests. Please wait %(s)d seconds and try again.") % {"s": retry_after},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(retry_after)
    return response
