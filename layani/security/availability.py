"""A clear 503 while the database is away, instead of a 500 page with a traceback.

When PostgreSQL restarts (or the SQLite file is locked beyond its busy timeout) views raise
`OperationalError` or `InterfaceError`. The client should learn that the service is briefly
unavailable and may retry — not that the server is broken — so those errors become a short
bilingual 503 with `Retry-After`. Nothing was stored: a report is acknowledged only after its
transaction commits. Once the database answers again, Django's connection health checks
(`CONN_HEALTH_CHECKS`) replace the dead connection on the next request, so the service recovers
without a restart.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

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
