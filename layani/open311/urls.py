"""Open311 GeoReport v2 under /open311/: discovery at the root, the API under v2/."""

from django.urls import path, re_path

from layani.security.ratelimit import rate_limited

from . import views

_read = rate_limited("open311-read", methods=("GET", "HEAD"))
_write = rate_limited("open311-write")

app_name = "open311"

FMT = r"\.(?P<fmt>xml|json)$"

urlpatterns = [
    re_path(r"^discovery" + FMT, views.discovery, name="discovery"),
    path("v2/", views.not_found, name="root"),
    re_path(r"^v2/discovery" + FMT, views.discovery, name="discovery-v2"),
    re_path(r"^v2/services" + FMT, _read(views.service_list), name="services"),
    re_path(r"^v2/services/(?P<code>[^/]+?)" + FMT, _read(views.service_detail), name="service"),
    re_path(r"^v2/requests" + FMT, _write(_read(views.requests)), name="requests"),
    re_path(
        r"^v2/requests/(?P<request_id>[^/]+?)" + FMT, _read(views.request_detail), name="request"
    ),
    re_path(r"^v2/tokens/(?P<token>[^/]+?)" + FMT, _read(views.token_detail), name="token"),
    re_path(r"^v2/servicerequestupdates" + FMT, _read(views.updates), name="updates"),
    re_path(r"^v2/.*?(?:\.(?P<fmt>xml|json))?$", views.not_found, name="not-found"),
]
