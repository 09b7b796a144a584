"""Federation: forwarding reports to other complaint systems (Layani peers, SP4N-LAPOR!)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "layani.federation"
    label = "federation"
    verbose_name = _("Federation with other complaint systems")

    def ready(self) -> None:
        # cases and audit sit below this app and must not import it: it listens to the audit log,
        # whose entries are written inside each decision's transaction (outbox.py).
        from django.db.models.signals import post_save

        from layani.audit.models import AuditEntry

        from .outbox import on_audit_entry

        post_save.connect(on_audit_entry, sender=AuditEntry, dispatch_uid="federation-outbox")
