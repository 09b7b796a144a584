"""What the portal itself stores: a citizen's notification preferences.

Everything about reports lives in the domain apps; this is only how a signed-in citizen wants to
hear about their own reports.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """How a citizen with an account wants to be told about progress on their reports."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    by_email = models.BooleanField(_("tell me by e-mail"), default=True)
    by_sms = models.BooleanField(_("tell me by SMS or WhatsApp"), default=False)
    on_follow_up = models.BooleanField(_("when an agency posts a follow-up"), default=True)
    on_status_change = models.BooleanField(_("when the status changes"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"notification preference #{self.pk}"

    @classmethod
    def for_user(cls, user: object) -> NotificationPreference:
        """The user's preferences, or unsaved defaults when they never chose."""
        existing = cls.objects.filter(user=user).first()
        return existing or cls(user=user)  # type: ignore[misc]
