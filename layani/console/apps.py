from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    """The staff console (an adapter): queues, inboxes, the case page and every action form."""

    name = "layani.console"
    label = "console"
    verbose_name = _("Staff console")
