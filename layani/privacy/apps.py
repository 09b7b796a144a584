from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Retention and erasure of personal data, subject access exports and restriction (UU PDP)."""

    name = "layani.privacy"
    label = "privacy"
    verbose_name = _("Personal data protection")

    def ready(self) -> None:
        # cases sits below this app and must not import it: it asks through a hook instead.
        from layani.cases.permissions import IDENTITY_RESTRICTIONS

        from .selectors import is_restricted

        if is_restricted not in IDENTITY_RESTRICTIONS:
            IDENTITY_RESTRICTIONS.append(is_restricted)
