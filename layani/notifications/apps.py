from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Recorded outbound notifications: e-mail, signed-HTTP SMS/WhatsApp gateways, digests."""

    name = "layani.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # The queue's entry points register themselves with the services (decision 0026).
        from . import tasks  # noqa: F401
