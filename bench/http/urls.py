"""Every Layani URL plus the bare baseline endpoint; used only by layani.config.settings.bench."""

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from layani.config.urls import urlpatterns as layani_urlpatterns


@csrf_exempt
def bare(request: HttpRequest) -> JsonResponse:
    """The baseline: read and parse the same form body as the intake, answer JSON. No database."""
    size = len(request.body)
    return JsonResponse({"ok": True, "fields": len(request.POST), "bytes": size}, status=201)


urlpatterns = [path("bench/bare/", bare), *layani_urlpatterns]
