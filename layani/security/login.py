"""One sign-in policy for every door that checks a password: the console (`/konsol/masuk/`), the
citizens' sign-in (`/akun/masuk/`) and the Django admin (`/admin/login/`).

- Failures are counted per account (the normalised username) and per client address, in the same
  cache keys whichever door they were made at: 5 failures for an account, or 20 from an address,
  within `WINDOW` lock every door for that account or address, and the next attempt, even with the
  right password, is answered 429 before the password is checked.
- Counting happens where Django checks the password: `django.contrib.auth.authenticate()` sends
  `user_login_failed` for every wrong password or unknown name (with the request), and the
  receivers below count it. A door cannot forget to count; it only has to refuse locked attempts,
  which `ThrottledLoginMixin` (class-based login views) and `throttled_login` (function views, the
  admin's) do. A signed-in account's own failures are cleared; an address's are not.
- Failures are logged with a hash of the username, never the password or the raw name.

The REST API (layani/api) and Open311 take tokens and keys issued by management commands, never a
password, so they have no door here.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.accounts.selectors import is_staff_member

from .ratelimit import client_ip, too_many_requests

logger = logging.getLogger("layani.security")

USER_FAILURES = 5  # per account per window
ADDRESS_FAILURES = 20  # per client address per window
WINDOW = 15 * 60


def normalize_username(raw: object) -> str:
    """The account a typed name points at, as the sign-in form reads it (NFKC, stripped), folded
    to lower case so that 'Petugas ' and 'petugas' share one counter."""
    return unicodedata.normalize("NFKC", str(raw or "")).strip().lower()[:150]


def _key(kind: str, value: str) -> str:
    return f"login-fail:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def _user_key(username: object) -> str:
    return _key("user", normalize_username(username))


def _address_key(request: HttpRequest) -> str:
    return _key("ip", client_ip(request))


def _count(key: str) -> None:
    if not cache.add(key, 1, timeout=WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr: this failure opens a new window
            cache.set(key, 1, timeout=WINDOW)


class LoginPolicy:
    """The numbers and the cache keys every sign-in door shares."""

    def is_locked(self, request: HttpRequest, username: object) -> bool:
        return (
            int(cache.get(_user_key(username), 0)) >= USER_FAILURES
            or int(cache.get(_address_key(request), 0)) >= ADDRESS_FAILURES
        )

    def record_failure(self, request: HttpRequest, username: object) -> None:
        _count(_user_key(username))
        _count(_address_key(request))
        logger.warning("login failed user_hash=%s path=%s", _user_key(username)[-12:], request.path)

    def clear(self, username: object) -> None:
        cache.delete(_user_key(username))

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        """The 429 for a sign-in attempt (POST) while its account or address is locked, else None."""
        if request.method != "POST":
            return None
        username = request.POST.get("username", "")
        if not self.is_locked(request, username):
            return None
        logger.warning(
            "login throttled user_hash=%s path=%s", _user_key(username)[-12:], request.path
        )
        response = too_many_requests(WINDOW)
        response.content = _("Too many failed sign-in attempts. Try again in 15 minutes.").encode()
        return response


policy = LoginPolicy()


@receiver(user_login_failed, dispatch_uid="layani.security.login.failed")
def _count_failure(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Without a request (a script, a test's client.login) there is no door and no address.
    if request is not None:
        policy.record_failure(request, credentials.get(User.USERNAME_FIELD, ""))


@receiver(user_logged_in, dispatch_uid="layani.security.login.succeeded")
def _clear_failures(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    policy.clear(user.get_username())


def throttled_login(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a function login view (the admin's): a locked account or address gets the 429."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return policy.refusal(request) or view(request, *args, **kwargs)

    wrapper.layani_throttled = True  # type: ignore[attr-defined]
    return wrapper


class ThrottledLoginMixin:
    """For LoginView subclasses: a locked account or address gets the 429, unchecked."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = policy.refusal(request)
        if refused is not None:
            return refused
        return super().post(request, *args, **kwargs)  # type: ignore[misc]


class ThrottledLoginView(ThrottledLoginMixin, auth_views.LoginView):
    """The staff console's sign-in: Django's login view under the shared policy."""


def is_staff_account(user: User) -> bool:
    """Staff for the sign-in policy: a console role (active membership), or the admin's flags."""
    return bool(user.is_staff or user.is_superuser or is_staff_member(user))
