"""Every Layani URL plus two baseline endpoints; used only by layani.config.settings.bench."""

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from layani.config.urls import urlpatterns as layani_urlpatterns

#: Made by bench/http/fixtures.py before the server starts.
FLOOR_TABLE = "bench_floor"


@csrf_exempt
def bare(request: HttpRequest) -> JsonResponse:
    """The baseline: read and parse the same form body as the intake, answer JSON. No database."""
    size = len(request.body)
    return JsonResponse({"ok": True, "fields": len(request.POST), "bytes": size}, status=201)


@csrf_exempt
def floor(request: HttpRequest) -> JsonResponse:
    """The least any durable acknowledgment costs here: the bare endpoint's work plus one INSERT
    of the body, committed in autocommit (one round trip and one WAL flush, after Django's
    per-request connection health check). No checks, no rate limit, no tracking ID. An intake that
    commits each submission on its own before answering cannot be faster than this here."""
    size = len(request.body)
    fields = len(request.POST)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FLOOR_TABLE} (body, received_at) VALUES (%s, %s)",  # noqa: S608  # nosec B608
            [request.body.decode(), connection.ops.adapt_datetimefield_value(timezone.now())],
        )
    return JsonResponse({"ok": True, "fields": fields, "bytes": size}, status=201)


urlpatterns = [path("bench/bare/", bare), path("bench/floor/", floor), *layani_urlpatterns]
