"""Agencies' webhook subscriptions and the delivery of each event to each subscription.

The audit log is the event stream: an event is an audit entry, its id the entry's gapless
`sequence`. A subscription keeps a cursor (the last sequence it has looked at); a delivery pass
turns the relevant entries after the cursor into `Delivery` rows — exactly one per (subscription,
sequence), enforced by the database — and then sends the due ones, retrying with backoff.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Agency


class Subscription(models.Model):
    """One agency endpoint that receives the events of the cases the agency has or had a part in.

    The secret is stored as given: signing needs it, so it cannot be a one-way digest.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
    )
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=128, editable=False)
    events = models.JSONField(
        _("events"),
        default=list,
        blank=True,
        help_text=_("Action prefixes such as 'report.' or 'task.referred'; empty means all."),
    )
    active = models.BooleanField(_("active"), default=True)
    cursor = models.PositiveBigIntegerField(
        _("last audit sequence looked at"),
        default=0,
        help_text=_("Events after this sequence are still to be scanned for this subscription."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["agency", "created_at"]

    def __str__(self) -> str:
        return f"{self.agency} → {self.url}"

    def wants(self, action: str) -> bool:
        return not self.events or any(action.startswith(prefix) for prefix in self.events)


class Delivery(models.Model):
    """One event for one subscription: the state of its latest attempt.

    `delivered_at` set: done. Otherwise `next_attempt_at` says when to try again, and None means the
    retries are exhausted (given up; visible in the admin and the command's listing).
    """

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    sequence = models.PositiveBigIntegerField(_("event (audit sequence)"))
    action = models.CharField(_("action"), max_length=100)
    attempt = models.PositiveSmallIntegerField(_("attempts made"), default=0)
    status_code = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["subscription", "sequence"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="webhook_delivery_due",
                condition=Q(delivered_at__isnull=True, next_attempt_at__isnull=False),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "sequence"], name="webhook_delivery_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"event {self.sequence} → subscription {self.subscription_id}"

    @property
    def given_up(self) -> bool:
        return self.delivered_at is None and self.next_attempt_at is None
