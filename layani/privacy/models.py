"""What the privacy app stores: each report's holds and restriction, and data subjects' requests.

Nothing here is personal data by itself: flags, dates, codes and references to rows that hold it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.intake.models import Report


class ErasureBasis(models.TextChoices):
    RETENTION = "retention", _("Retention period passed")
    REQUEST = "request", _("Request of the data subject")


class ReportPrivacy(models.Model):
    """A report's legal hold, restriction of processing and erasure; created when first needed."""

    report = models.OneToOneField(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="privacy_state",
    )
    legal_hold = models.BooleanField(
        _("legal hold"),
        default=False,
        help_text=_("Kept past its retention period (a dispute, an investigation, a court case)."),
    )
    legal_hold_at = models.DateTimeField(_("legal hold since"), null=True, blank=True)
    restricted = models.BooleanField(
        _("processing restricted"),
        default=False,
        help_text=_(
            "The reporter asked to restrict processing: the identity is not revealed, not "
            "notified and not exported except to the reporter."
        ),
    )
    restricted_at = models.DateTimeField(_("restricted since"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    erasure_basis = models.CharField(
        _("erased because"), max_length=10, choices=ErasureBasis.choices, blank=True
    )

    class Meta:
        verbose_name = _("report privacy state")
        verbose_name_plural = _("report privacy states")
        constraints = [
            models.CheckConstraint(
                condition=Q(erasure_basis__in=["", *ErasureBasis.values]),
                name="report_privacy_erasure_basis_valid",
            )
        ]

    def __str__(self) -> str:
        return f"privacy state of report #{self.pk}"


class RequestKind(models.TextChoices):
    EXPORT = "export", _("Access (export)")
    ERASURE = "erasure", _("Erasure")
    RESTRICTION = "restriction", _("Restriction of processing")
    LIFT_RESTRICTION = "lift", _("Restriction lifted")
    LEGAL_HOLD = "hold", _("Legal hold set")
    RELEASE_HOLD = "release", _("Legal hold released")


class SubjectRequest(models.Model):
    """One request handled for a data subject, or one hold; the audit entry points at this row.

    `reason` is what staff wrote, stored after the redactor has masked NIK, phone numbers, e-mail
    addresses and introduced names; it stays out of the audit chain.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=RequestKind.choices)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the citizen acted themselves, signed in."),
    )
    reason = models.TextField(_("reason"), blank=True)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("data subject request")
        verbose_name_plural = _("data subject requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RequestKind.values), name="subject_request_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return f"subject request #{self.pk} ({self.kind})"
