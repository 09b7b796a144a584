from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Outgoing webhooks: agencies' subscriptions to the audit log's events, and their deliveries."""

    name = "layani.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
