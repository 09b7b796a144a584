from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Who is who and where: regions, agencies and units, categories, the responsibility matrix."""

    name = "layani.directory"
    label = "directory"
    verbose_name = _("Directory")
