from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Cross-cutting protections: security headers, rate limits, login throttling, staff TOTP."""

    name = "layani.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self) -> None:
        # The sign-in policy counts failures from Django's authentication signals.
        from . import login  # noqa: F401
