from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EscalationConfig(AppConfig):
    """The clock's consequences: reminders, escalations, automatic closure, the periodic jobs that
    run them, and the public page of signed audit checkpoints."""

    name = "layani.escalation"
    label = "escalation"
    verbose_name = _("Deadlines and escalation")
