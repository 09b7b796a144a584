from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The citizen-facing pages (an adapter: it parses input, calls services and selectors, renders)."""

    name = "layani.portal"
    label = "portal"
    verbose_name = _("Citizen portal")

    def ready(self) -> None:
        from layani.privacy.signals import account_erased, account_export

        from .privacy_views import erase_preferences, export_preferences

        account_export.connect(export_preferences, dispatch_uid="portal-export-preferences")
        account_erased.connect(erase_preferences, dispatch_uid="portal-erase-preferences")
