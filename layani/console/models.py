"""Console conveniences that belong to a person, not to the domain."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Agency


class SavedView(models.Model):
    """A named set of inbox filters an officer returns to ("overdue, assigned to me")."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="saved_views"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=300)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "name"], name="saved_view_unique")
        ]

    def __str__(self) -> str:
        return self.name
