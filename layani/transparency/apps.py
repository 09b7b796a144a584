from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "layani.transparency"
    label = "transparency"
    verbose_name = _("Public statistics and open data")
