"""The intake journal: submissions acknowledged, not yet recorded as reports (decision 0023)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..tracking import format_tracking_id


class JournalState(models.TextChoices):
    PENDING = "pending", _("Waiting to be recorded")
    FAILED = "failed", _("Needs attention")


class JournalEntry(models.Model):
    """A submission acknowledged but not yet recorded as a report (the intake journal).

    Integrations (Open311) hand in bursts; a submission is checked, given its tracking ID and
    written here in one short transaction, and the worker records it as a report (with identity,
    audit entry and routing) soon after, deleting this row in the same transaction. So an
    acknowledged submission is always either here or a report, never neither. A row that cannot
    be recorded stays here, ``failed``, with the reason, for an operator (``layani
    intake_journal``). See docs/decisions/0023-intake-journal.md.
    """

    tracking_id = models.CharField(max_length=10, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=64, editable=False)
    submission = models.JSONField(help_text=_("The submission as handed in, checked."))
    fingerprint = models.CharField(max_length=64, editable=False)
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=10, choices=JournalState.choices, default=JournalState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("intake journal")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="journal_idempotency_key_unique",
            ),
            models.CheckConstraint(
                condition=Q(state__in=JournalState.values), name="journal_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"journal #{self.pk} {format_tracking_id(self.tracking_id)} ({self.state})"
