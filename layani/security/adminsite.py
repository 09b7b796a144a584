"""The Django admin behind the same doors as the console.

`admin_urls(admin.site)` is the admin's URL map with two changes, so that nothing registered on the
site (today or later) escapes them:

- `login/` goes through the shared sign-in policy (`login.throttled_login`): the same per-account
  and per-address failure counters as `/konsol/masuk/` and `/akun/masuk/`.
- every other view except `logout/` first asks for the second factor
  (`totp.second_factor_required`): a signed-in admin user (is_staff or superuser) whose session has
  not passed the console's TOTP step is sent there, with `next` back to the page asked for; one
  without a device is enrolled first. Anonymous visitors go on to the admin's own sign-in redirect.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.admin import AdminSite
from django.http import HttpResponseBase
from django.urls import URLPattern, URLResolver

from .login import throttled_login
from .totp import second_factor_required

_UNGUARDED = {"logout"}


def admin_urls(site: AdminSite) -> tuple[list[URLPattern | URLResolver], str, str]:
    patterns, app_name, namespace = site.urls
    return [_guarded(entry, top=True) for entry in patterns], app_name, namespace


def _guarded(entry: URLPattern | URLResolver, *, top: bool = False) -> URLPattern | URLResolver:
    if isinstance(entry, URLResolver):
        return URLResolver(
            entry.pattern,
            [_guarded(inner) for inner in entry.url_patterns],
            entry.default_kwargs,
            entry.app_name,
            entry.namespace,
        )
    callback: Callable[..., HttpResponseBase]
    if top and entry.name == "login":
        callback = throttled_login(entry.callback)
    elif top and entry.name in _UNGUARDED:
        callback = entry.callback
    else:
        callback = second_factor_required(entry.callback)
    return URLPattern(entry.pattern, callback, entry.default_args, entry.name)
