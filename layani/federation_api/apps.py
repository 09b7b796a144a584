from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationApiConfig(AppConfig):
    """Inbound federation endpoints (peers and SP4N-LAPOR!) and the console's referral to a peer."""

    name = "layani.federation_api"
    label = "federation_api"
    verbose_name = _("Federation endpoints")
