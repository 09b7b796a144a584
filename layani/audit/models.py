"""The audit log's tables: entries chained by hash, and signed checkpoints over the chain.

Both tables are append-only, enforced by database triggers (migration 0002): UPDATE and DELETE are
refused on SQLite and PostgreSQL, and on PostgreSQL so is TRUNCATE of a table that holds rows. The
triggers stop the application and careless hands; they do not stop a database administrator, who can
drop them. That is what the hash chain and the signed, published checkpoints are for: the verifier
(``verify.verify_chain``) notices any change made behind the triggers' back.

Note for future migrations: on SQLite, Django alters some columns by rebuilding the table, and a
rebuilt table has lost its triggers. Such a migration must re-create them (the test
``test_append_only_triggers_are_installed`` fails when they are missing).

No personal data here: actors and objects are pseudonymous references, and the payload holds only
references and codes (``guards`` refuses keys such as ``name`` or ``nik``). Erasing a citizen's
personal data elsewhere therefore never touches the chain, and the chain keeps verifying.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .chain import checkpoint_statement


class Visibility(models.TextChoices):
    """Who may see an entry: public entries make up the citizen's public timeline of a report."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")


class AuditEntry(models.Model):
    """One event, sealed by a hash over its content and the previous entry's hash."""

    # Besides the usual BigAutoField `id`: gapless from 1, assigned under the chain lock. Not the
    # primary key, because a database sequence skips numbers when a transaction rolls back, and
    # here a gap must mean a deleted entry.
    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True, editable=False)
    occurred_at = models.DateTimeField(_("occurred at"))
    action = models.CharField(_("action"), max_length=100)
    actor_ref = models.CharField(
        _("actor"),
        max_length=100,
        help_text=_("A pseudonymous reference such as 'user:42', 'citizen' or 'system'."),
    )
    object_type = models.CharField(_("object type"), max_length=50)
    object_ref = models.CharField(_("object reference"), max_length=100)
    payload = models.JSONField(
        _("payload"),
        default=dict,
        blank=True,
        help_text=_("References and codes only, never personal data."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    # Unique: two entries claiming the same predecessor would be a fork in the chain.
    prev_hash = models.CharField(_("previous hash"), max_length=64, unique=True)
    entry_hash = models.CharField(_("entry hash"), max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["sequence"]
        # Entries are only ever added by services.record and viewed; no add/change/delete rights.
        default_permissions = ("view",)
        indexes = [
            models.Index(
                fields=["object_type", "object_ref", "sequence"], name="audit_entry_object_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="audit_entry_visibility_valid"
            ),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="audit_entry_sequence_gte_1"),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_ref}"


class AuditCheckpoint(models.Model):
    """A signed statement that the chain, up to one entry, had a given hash at a given time.

    Published (with the public key) so that outsiders hold a copy: a rewritten history then no
    longer matches what was signed, and a forged checkpoint fails its signature.
    """

    entry_sequence = models.PositiveBigIntegerField(_("last entry covered"))
    entry_hash = models.CharField(_("hash of that entry"), max_length=64)
    entry_count = models.PositiveBigIntegerField(_("entries covered"))
    created_at = models.DateTimeField(_("created at"))
    signature = models.CharField(_("Ed25519 signature (hex)"), max_length=128)
    public_key_id = models.CharField(_("public key ID"), max_length=32)

    class Meta:
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")
        ordering = ["entry_sequence", "id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"checkpoint seq={self.entry_sequence} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def statement(self) -> str:
        """The exact text that ``signature`` signs."""
        return checkpoint_statement(
            sequence=self.entry_sequence,
            entry_hash=self.entry_hash,
            entry_count=self.entry_count,
            at=self.created_at,
        )
