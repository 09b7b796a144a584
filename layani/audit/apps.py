from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The hash-chained, append-only event log, its signed checkpoints and its verifier.

    Imports no other Layani app: every other app calls into this one.
    """

    name = "layani.audit"
    label = "audit"
    verbose_name = _("Audit log")
    default_auto_field = "django.db.models.BigAutoField"
