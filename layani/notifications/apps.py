from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Recorded outbound notifications: e-mail, signed-HTTP SMS/WhatsApp gateways, digests."""

    name = "layani.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
