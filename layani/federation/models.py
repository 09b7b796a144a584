"""Peers, hops and the outbox: the rows that make a forward durable and keep both sides in step.

A `Peer` is another complaint system this deployment exchanges reports with: another Layani
deployment or SP4N-LAPOR!. Each peer is represented in the directory by an `Agency` of kind
`external_peer`, so the responsibility matrix, disposition and referrals name it like any agency.
A `Hop` is one report crossing to (or arriving from) a peer, with both tracking IDs and what was
sent. An `OutboxMessage` is written in the transaction of the decision it reports and delivered by
the worker with retries; an `InboundMessage` remembers what was received so a repeat is a no-op.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Agency
from layani.intake.models import Report


class PeerKind(models.TextChoices):
    LAYANI = "layani", _("Another Layani deployment")
    LAPOR = "lapor", _("SP4N-LAPOR! (national system)")


class Peer(models.Model):
    """Another complaint system: where to send, how to sign, and who acts for it here."""

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("agency in the directory"),
        on_delete=models.PROTECT,
        related_name="federation_peer",
        help_text=_(
            "The directory entry (kind: outside complaint system) the matrix and referrals name."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PeerKind.choices)
    deployment_id = models.SlugField(
        _("deployment id"),
        max_length=80,
        unique=True,
        help_text=_("The peer's own identifier; it signs its requests with it."),
    )
    base_url = models.URLField(_("base URL"), max_length=300)
    secret = models.CharField(
        _("shared secret"),
        max_length=200,
        help_text=_("Signs requests both ways (HMAC-SHA256); the LAPOR! token for SP4N-LAPOR!."),
    )
    service_user = models.ForeignKey(
        User,
        verbose_name=_("service user"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Acts here for the peer: posts its follow-ups and proposes its outcome."),
    )
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(
        _("what it answers for"),
        blank=True,
        help_text=_(
            "Regions, levels and agencies it answers for (the matrix cells name the agency)."
        ),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("federation peer")
        verbose_name_plural = _("federation peers")
        ordering = ["deployment_id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PeerKind.values), name="peer_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} ({self.deployment_id})"


class Direction(models.TextChoices):
    OUT = "out", _("Forwarded to the peer")
    IN = "in", _("Received from the peer")


class Hop(models.Model):
    """One report crossing between this deployment and a peer, with both tracking IDs."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="hops"
    )
    peer = models.ForeignKey(
        Peer, verbose_name=_("peer"), on_delete=models.PROTECT, related_name="hops"
    )
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    remote_tracking_id = models.CharField(_("peer's tracking ID"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    sent_fields = models.JSONField(
        _("what crossed"),
        default=list,
        help_text=_("The names of the fields sent (or received), as the privacy tier allowed."),
    )
    active = models.BooleanField(_("active"), default=True)
    bounces = models.PositiveSmallIntegerField(
        _("referrals at the peer"),
        default=0,
        help_text=_("The peer referred the report back or onward: counted as a bounce."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("hop")
        verbose_name_plural = _("hops")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["report", "direction", "active"], name="hop_report")]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "peer"],
                condition=Q(active=True),
                name="hop_one_active_per_report_peer",
            ),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values), name="hop_direction_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.direction} {self.peer_id}"


class OutboxMessage(models.Model):
    """A message to a peer: written with the decision, sent by the worker until the peer says 2xx."""

    hop = models.ForeignKey(
        Hop, verbose_name=_("hop"), on_delete=models.CASCADE, related_name="outbox"
    )
    kind = models.CharField(_("kind"), max_length=20)  # "forward" or an update event (wire.EVENTS)
    key = models.CharField(_("idempotency key"), max_length=160, unique=True)
    payload = models.JSONField(_("payload"), default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    given_up = models.BooleanField(_("given up"), default=False)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="outbox_due",
                condition=Q(delivered_at__isnull=True, given_up=False),
            )
        ]

    def __str__(self) -> str:
        return self.key


class InboundMessage(models.Model):
    """A message received from a peer, by its idempotency key: a repeat is answered, not applied."""

    peer = models.ForeignKey(
        Peer, verbose_name=_("peer"), on_delete=models.PROTECT, related_name="+"
    )
    key = models.CharField(_("idempotency key"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20)
    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("inbound message")
        verbose_name_plural = _("inbound messages")
        constraints = [
            models.UniqueConstraint(fields=["peer", "key"], name="inbound_once_per_peer_key")
        ]

    def __str__(self) -> str:
        return self.key
