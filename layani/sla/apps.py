from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlaConfig(AppConfig):
    """The working-day service clock: calendar, policies, deadlines, escalation. Imports no other app."""

    name = "layani.sla"
    label = "sla"
    verbose_name = _("Service clock")
