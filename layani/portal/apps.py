from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The citizen-facing pages (an adapter: it parses input, calls services and selectors, renders)."""

    name = "layani.portal"
    label = "portal"
    verbose_name = _("Citizen portal")
