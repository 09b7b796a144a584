from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo deployment builder (`layani seed_demo`). Sits above the domain apps; nothing imports it."""

    name = "layani.demo"
    label = "demo"
    verbose_name = _("Demo data")
