"""Gateways that forward citizens' messages, and the conversations that turn messages into reports.

No table here holds a sender's number or address: a conversation is keyed by an HMAC of it, and the
number itself goes only into the report's ``ReporterIdentity`` when the report is submitted.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.intake.models import Report


class GatewayKind(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    EMAIL = "email", _("E-mail")


class Gateway(models.Model):
    """A provider account that posts inbound messages to us, signing each body with its secret.

    The secret is not stored: it is derived from `secret_salt` under the server's messaging key
    (see ``gateways.secret_for``), so a copy of the database alone cannot forge a message.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True, help_text=_("Part of the URL."))
    kind = models.CharField(_("kind"), max_length=10, choices=GatewayKind.choices)
    secret_salt = models.CharField(max_length=64, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("messaging gateway")
        verbose_name_plural = _("messaging gateways")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConversationState(models.TextChoices):
    IDLE = "idle", _("Waiting for a report")
    AWAIT_LOCATION = "await_location", _("Asked for the location")
    AWAIT_PLACE_CHOICE = "await_place_choice", _("Asked which of several places")
    AWAIT_CATEGORY = "await_category", _("Asked for the category")


class Conversation(models.Model):
    """One sender on one gateway: the report being put together and what we last asked."""

    gateway = models.ForeignKey(
        Gateway, verbose_name=_("gateway"), on_delete=models.PROTECT, related_name="conversations"
    )
    sender_key = models.CharField(
        max_length=64, help_text=_("HMAC of the sender's number or address; never the number.")
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ConversationState.choices,
        default=ConversationState.IDLE,
    )
    draft = models.JSONField(
        _("draft report"),
        default=dict,
        blank=True,
        help_text=_("Description, region and category collected so far; no identity."),
    )
    last_report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "sender_key"], name="conversation_one_per_sender"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ConversationState.values),
                name="conversation_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"conversation #{self.pk} on {self.gateway_id}"


class ProcessedMessage(models.Model):
    """A message already handled, so that a redelivery gets the same answer and changes nothing.

    `reply` holds questions only. A confirmation (which carries the secret access code) is not
    stored: `submission` keeps the report's content, and the reply is rebuilt by submitting it
    again under the same idempotency key, which returns the same report and the same code.
    """

    gateway = models.ForeignKey(Gateway, on_delete=models.CASCADE, related_name="+")
    message_key = models.CharField(max_length=64, help_text=_("HMAC of the gateway's message ID."))
    reply = models.TextField(blank=True)
    submission = models.JSONField(default=dict, blank=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("processed message")
        verbose_name_plural = _("processed messages")
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "message_key"], name="processed_message_once"
            )
        ]

    def __str__(self) -> str:
        return f"message #{self.pk}"
