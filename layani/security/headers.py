"""Security headers on every response, including errors and static files.

The Content-Security-Policy allows only this origin's scripts and styles: no inline script, no
eval, no third-party hosts (front-end libraries are vendored). Inline `style` attributes are
allowed (`style-src-attr 'unsafe-inline'`): the server sets bar widths and map libraries set
positions that way, and a style attribute cannot run code. Map tiles may come from the deployment's
configured tile host (`LAYANI_MAP_TILE_URL`).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def content_security_policy() -> str:
    tiles = getattr(settings, "LAYANI_MAP_TILE_URL", "") or ""
    tile_host = ""
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        tile_host = f" {parts.scheme}://{parts.netloc.replace('a.', '*.', 1)}"
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        f"img-src 'self' data: blob:{tile_host}",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    """Adds CSP, Referrer-Policy, Permissions-Policy and friends unless a view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), payment=(), geolocation=(self)"
        )
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
