"""Every notification Layani sends, recorded, and each staff user's delivery preference.

A notification keeps the delivery address only until it is delivered (or given up): afterwards
the record names the recipient by reference (``user:42``, ``agency:dinkes-sleman``,
``reporter:K7R4XA96HW``) and keeps no contact data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    HELD = "held", _("Held for the daily digest")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed (gave up)")
    DIGESTED = "digested", _("Sent in a digest")


class Notification(models.Model):
    """One message to one recipient over one channel, with its delivery history."""

    recipient_ref = models.CharField(_("recipient"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff user"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    event = models.CharField(_("event"), max_length=60)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    address = models.CharField(
        _("delivery address"),
        max_length=254,
        blank=True,
        help_text=_("Kept only until delivery; erased afterwards."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    dedupe_key = models.CharField(
        _("deduplication key"),
        max_length=150,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Set when the same notification must never be created twice."),
    )
    digest = models.ForeignKey(
        "self",
        verbose_name=_("sent in digest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="digested",
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notification_due"),
            models.Index(fields=["user", "status"], name="notification_user_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="notification_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="notification_channel_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.recipient_ref} ({self.get_status_display()})"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY_DIGEST = "daily_digest", _("Once a day, in one digest")


class DeliveryPreference(models.Model):
    """How a staff user wants to receive e-mail notifications."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="delivery_preference",
    )
    delivery = models.CharField(
        _("delivery"), max_length=15, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    email_enabled = models.BooleanField(
        _("e-mail enabled"),
        default=True,
        help_text=_("Off: notifications are recorded but not e-mailed (read them in the console)."),
    )

    class Meta:
        verbose_name = _("delivery preference")
        verbose_name_plural = _("delivery preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(delivery__in=Delivery.values), name="notification_delivery_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_delivery_display()}"
