"""Tokens with which an agency's own system uses the REST API.

A token belongs to exactly one agency and acts through its own service user: a `User` that cannot
sign in (inactive, no usable password) and holds one `agency_admin` membership in that agency. The
case services then check the token exactly as they check a person at the console, and the audit
log names the token's service user (``user:<id>``), so every move made through the API is
attributable to one token.

Only a SHA-256 digest of each token is stored (the token is printed once when issued). A plain
digest, not a slow password hash, is enough for 256 random bits and lets a request find its token
with one indexed lookup.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Agency


class ApiScope(models.TextChoices):
    """What a token may do: every token reads; only `write` tokens move tasks and post messages."""

    READ = "read", _("Read the agency's cases")
    WRITE = "write", _("Act on the agency's cases")


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """One token of one agency's system; revoked, never deleted, so the audit trail stays readable."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(
        _("name"), max_length=80, help_text=_("Which system holds the token, e.g. 'SIMPUS'.")
    )
    prefix = models.CharField(
        _("token prefix"),
        max_length=8,
        help_text=_("The first characters of the token, to recognise it without the token."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    service_user = models.OneToOneField(
        User,
        verbose_name=_("service user"),
        on_delete=models.PROTECT,
        related_name="api_token",
        help_text=_("The account the token acts as; it cannot sign in."),
    )
    created_by = models.ForeignKey(
        User,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["agency", "name", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=models.F("created_at")),
                name="api_token_revoked_after_issued",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        return scope in self.scopes
