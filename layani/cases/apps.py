from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The cross-agency workflow: verification, disposition, tasks, referrals, follow-ups, closure."""

    name = "layani.cases"
    label = "cases"
    verbose_name = _("Cases")
