from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """Inbound messaging: SMS, WhatsApp, Telegram and e-mail gateways turned into reports (adapter)."""

    name = "layani.messaging"
    label = "messaging"
    verbose_name = _("Messaging channels")
