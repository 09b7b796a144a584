from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Open311Config(AppConfig):
    """The Open311 GeoReport v2 server (an adapter over intake and directory)."""

    name = "layani.open311"
    label = "open311"
    verbose_name = _("Open311")
