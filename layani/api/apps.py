from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API for agencies' own systems (an adapter over cases)."""

    name = "layani.api"
    label = "api"
    verbose_name = _("REST API")
