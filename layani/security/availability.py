"""A clear 503 while the database is away, instead of a 500 page with a traceback.

When PostgreSQL restarts (or the SQLite file is locked beyond its busy timeout) views raise
`OperationalError` or `InterfaceError`. The client should learn that the service is briefly
unavailable and may retry — not that the server is broken — so those errors become a short
bilingual 503 with `Retry-After`. Nothing was stored: a report is acknowledged only after its
transaction commits. Once the database answers again, Django's connection health checks
(`CONN_HEALTH_CHECKS`) replace the dead connection on the next request, so the service recovers
without a restart.

Two places turn the errors into the 503, so that the whole middleware stack is covered:

* `DatabaseUnavailableMiddleware` (innermost) for errors raised by a view;
* `server_error`, the project's ``handler500``, for errors raised anywhere else — while
  `SessionMiddleware` saves the session after the view, while a middleware loads the signed-in
  user, in any middleware. Django converts an exception escaping any middleware into a response
  by calling ``handler500`` inside its ``except`` block, so the handler sees the exception and
  answers 503 for database errors and Django's ordinary 500 page for everything else.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 15
MESSAGE_ID = "Layanan sedang tidak tersedia sebentar. Silakan coba lagi dalam beberapa saat."
MESSAGE_EN = "The service is briefly unavailable. Please try again in a moment."


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # The class name only: driver messages may quote SQL parameters (personal data).
        logger.warning("database unavailable (%s): answering 503", type(exception).__name__)
        return unavailable_response(request)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    wants_json = request.path.endswith(".json") or "json" in request.headers.get("Accept", "")
    if wants_json:
        body = json.dumps({"code": 503, "description": f"{MESSAGE_ID} / {MESSAGE_EN}"})
        response = HttpResponse(body, status=503, content_type="application/json")
    else:
        response = HttpResponse(
            f"{MESSAGE_ID}\n{MESSAGE_EN}\n", status=503, content_type="text/plain; charset=utf-8"
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: a database error raised outside a view is a 503 as well, never a 500 page."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return defaults.server_error(request)
    logger.warning("database unavailable outside a view (%s): answering 503", type(error).__name__)
    response = unavailable_response(request)
    # Django would log this response with the exception attached, and the driver's message may
    # quote SQL parameters (personal data); the warning above is the log line instead.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response
