"""Gzip for pages anyone may cache, never for pages that carry a secret (BREACH).

BREACH reads a secret out of compressed HTTPS responses when the same response also reflects
input the attacker controls (every Layani page reflects its own URL in the language form's
``next``). So:

* pages with a secret or personal data — the receipt (access code), the tracking page, accounts,
  the console, privacy pages — are ``never_cache`` (``Cache-Control: no-store``/``private``) and
  are sent uncompressed;
* the CSRF token on public pages is masked afresh in every response (Django), so it is not a stable
  secret to guess, and Django's gzip adds random padding to the length as well;
* nothing answered to a request that carries credentials (``Authorization``: the REST API's agency
  tokens) is compressed: such a response is one agency's data, not a public page;
* only text types are compressed (photos and PDFs already are); static files come compressed
  from WhiteNoise, which answers before this middleware.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = (
    "text/html",
    "text/plain",
    "text/csv",
    "application/json",
    "application/geo+json",
    "application/xml",
    "image/svg+xml",
)


def carries_secret(response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return "no-store" in cache_control or "private" in cache_control


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if (
            content_type not in COMPRESSIBLE
            or carries_secret(response)
            or "Authorization" in request.headers
        ):
            return response
        return super().process_response(request, response)
