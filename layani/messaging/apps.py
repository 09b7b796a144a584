from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """Inbound messaging: SMS, WhatsApp, Telegram and e-mail gateways turned into reports (adapter)."""

    name = "layani.messaging"
    label = "messaging"
    verbose_name = _("Messaging channels")

    def ready(self) -> None:
        from layani.privacy.signals import message_receipts_expired, report_erasing

        from .retention import delete_conversations_of, delete_receipts_before

        report_erasing.connect(delete_conversations_of, dispatch_uid="messaging-erase-report")
        message_receipts_expired.connect(
            delete_receipts_before, dispatch_uid="messaging-expire-receipts"
        )
