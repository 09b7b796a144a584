from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "layani.planning"
    label = "planning"
    verbose_name = _("Development planning (Musrenbang)")
