"""Supports ("dukung"): who supported a report, and the per-address budget (`intake.supports`)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import Report


class SupportKind(models.TextChoices):
    """How a support was given, so that a count can be explained (intake.supports)."""

    ACCOUNT = "account", _("signed-in citizen")
    ANONYMOUS = "anonymous", _("anonymous")


class Support(models.Model):
    """A "dukung" (me too) on a public report: at most one per person (rules: intake.supports).

    `supporter_key` identifies the person without storing who they are: ``user:<id>`` for an account,
    otherwise an HMAC of a random id kept in the browser's cookie. `address_hash` is a keyed hash of
    the address (network) the support came from, never the address itself; empty for supports
    recorded before addresses were kept.
    """

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="supports"
    )
    supporter_key = models.CharField(max_length=80)
    kind = models.CharField(_("kind"), max_length=10, choices=SupportKind.choices)
    address_hash = models.CharField(max_length=32, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "supporter_key"], name="support_once_per_person"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SupportKind.values), name="support_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"support #{self.pk} of {self.report_id}"


class SupportBudget(models.Model):
    """Anonymous supports from one address (network) on one report on one day: how many were
    counted (at most the budget, intake.supports.ADDRESS_BUDGET) and how many were refused.

    The row is the lock that keeps the budget under concurrent clicks, and its `refused` column is
    the aggregate the coordinator sees ("41 not counted"). Only the keyed hash of the address.
    """

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="support_budgets"
    )
    address_hash = models.CharField(max_length=32)
    day = models.DateField(_("day"))
    counted = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("support budget")
        verbose_name_plural = _("support budgets")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "address_hash", "day"], name="support_budget_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"support budget of {self.report_id} on {self.day}"
