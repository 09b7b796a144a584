from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    """Suggestions (category, agency, service class), duplicate detection, redaction of personal data."""

    name = "layani.routing"
    label = "routing"
    verbose_name = _("Routing")
