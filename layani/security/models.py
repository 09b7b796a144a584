"""Second factors for staff who can reveal reporters' identities."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User


class TotpDevice(models.Model):
    """A time-based one-time-password authenticator app bound to one staff account (RFC 6238)."""

    user = models.OneToOneField(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="totp_device"
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("authenticator")
        verbose_name_plural = _("authenticators")

    def __str__(self) -> str:
        return f"authenticator of user {self.user_id}"
