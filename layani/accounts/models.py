"""Users and the roles staff hold in agencies.

A citizen is a user with no membership. Staff powers come only from memberships: a role held in one
agency (optionally inside one unit), so every permission check can be scoped to agencies.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Agency, Unit


class User(AbstractUser):
    """Anyone who signs in: citizens with an optional account, and staff."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        default="id",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator (admin pengelola)")
    AGENCY_ADMIN = "agency_admin", _("Agency admin (admin instansi)")
    OFFICER = "officer", _("Officer (petugas)")
    SUPERVISOR = "supervisor", _("Supervisor (atasan)")
    OVERSIGHT = "oversight", _("Oversight (pengawas)")
    PLANNER = "planner", _("Planning officer (Bappeda/kecamatan)")


class Membership(models.Model):
    """A staff role held in one agency, optionally inside one of its units."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["agency", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_one_role_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.unit is not None and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("The unit must belong to the membership's agency.")})
