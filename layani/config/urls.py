"""The URL map: adapters only."""

from django.contrib import admin
from django.urls import include, path

from layani.portal.views import favicon
from layani.security.adminsite import admin_urls

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin's sign-in is throttled like every other, and its pages ask for the second factor.
    path("admin/", admin_urls(admin.site)),
    path("konsol/perencanaan/", include("layani.planning_web.console_urls")),
    path("konsol/", include("layani.console.urls")),
    path("musrenbang/", include("layani.planning_web.urls")),
    path("open311/", include("layani.open311.urls")),
    path("federation/", include("layani.federation_api.urls")),
    path("api/v1/", include("layani.api.urls")),
    path("messaging/", include("layani.messaging.urls")),
    path("transparansi/", include("layani.escalation.urls")),
    path("statistik/", include("layani.transparency.urls")),
    path("", include("layani.portal.urls")),
]

# A database error raised outside a view (session save, user loading in middleware) is a 503 too.
handler500 = "layani.security.availability.server_error"
