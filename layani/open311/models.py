"""Keys issued to Open311 integrators (a city app, a kiosk, another agency's system).

Only a SHA-256 digest of each key is stored: the key itself is printed once when it is issued. A
plain digest (not a slow password hash) is enough because keys are 256 random bits, not something a
person chose, and it lets a request find its key with one indexed lookup.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def active(self) -> ApiKeyQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """One key held by one integrator; its name is recorded as the channel of every report it posts."""

    name = models.CharField(
        _("integrator"),
        max_length=80,
        help_text=_("Who holds the key; stored as the channel reference of the reports it posts."),
    )
    prefix = models.CharField(
        _("key prefix"),
        max_length=8,
        help_text=_("The first characters of the key, to recognise it in lists without the key."),
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ["name", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=models.F("created_at")),
                name="open311_key_revoked_after_issued",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
