"""Routing data: model versions, one routing decision per report, per-deployment settings.

The router only suggests. Each `RoutingDecision` keeps what was suggested (with confidences and the
model version) next to what a person finally chose, so every correction is on record and becomes
training data for the next version.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Agency, Category
from layani.intake.models import Report
from layani.sla.service_classes import ServiceClass


class TrainingSource(models.TextChoices):
    TAXONOMY = "taxonomy", _("Category taxonomy only (cold start)")
    HISTORY = "history", _("This deployment's verified reports")
    CSV = "csv", _("Imported CSV of past reports")


class ModelVersion(models.Model):
    """One trained router, kept so that any suggestion can be traced to the model that made it."""

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    source = models.CharField(_("training data"), max_length=10, choices=TrainingSource.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    example_count = models.PositiveIntegerField(_("training examples"))
    category_count = models.PositiveIntegerField(_("categories"))
    metrics = models.JSONField(
        _("metrics"),
        default=dict,
        blank=True,
        help_text=_("Held-out accuracy, macro-F1 and the fitted confidence temperature."),
    )
    # The serialised `classifier.Router` (joblib, compressed). Written only by `train_model_version`.
    artefact = models.BinaryField(_("model artefact"), editable=False)
    is_active = models.BooleanField(_("active"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("router model version")
        verbose_name_plural = _("router model versions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="routing_one_active_model"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.pk} ({self.get_source_display()}, {self.created_at:%Y-%m-%d})"


class RoutingDecision(models.Model):
    """The router's suggestion for one report and, once a person decided, the final choice."""

    report = models.OneToOneField(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="routing_decision"
    )
    model_version = models.ForeignKey(
        ModelVersion,
        verbose_name=_("model version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        help_text=_("Empty when the suggestion came from the taxonomy alone (cold start)."),
    )
    model_label = models.CharField(_("model"), max_length=40)
    suggested_category = models.ForeignKey(
        Category,
        verbose_name=_("suggested category"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    category_confidence = models.FloatField(_("category confidence"))
    suggested_main_category = models.ForeignKey(
        Category,
        verbose_name=_("suggested main category"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    main_category_confidence = models.FloatField(_("main category confidence"))
    suggested_agency = models.ForeignKey(
        Agency,
        verbose_name=_("suggested agency"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agency_confidence = models.FloatField(_("agency confidence"), default=0.0)
    suggested_service_class = models.CharField(
        _("suggested service class"), max_length=16, choices=ServiceClass.choices, blank=True
    )
    service_class_confidence = models.FloatField(_("service class confidence"), default=0.0)
    explanation = models.JSONField(
        _("explanation"),
        default=dict,
        blank=True,
        help_text=_("The words and taxonomy keywords that drove the suggestion, and alternatives."),
    )
    suggested_at = models.DateTimeField(_("suggested at"), default=timezone.now)
    final_category = models.ForeignKey(
        Category,
        verbose_name=_("final category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    final_agency = models.ForeignKey(
        Agency,
        verbose_name=_("final agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    final_service_class = models.CharField(
        _("final service class"), max_length=16, choices=ServiceClass.choices, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the report was disposed automatically."),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    overridden = models.BooleanField(
        _("suggestion overridden"),
        default=False,
        help_text=_("The person chose another category or agency than the router suggested."),
    )

    class Meta:
        verbose_name = _("routing decision")
        verbose_name_plural = _("routing decisions")
        ordering = ["-suggested_at"]
        indexes = [models.Index(fields=["decided_at"], name="routing_decision_decided")]

    def __str__(self) -> str:
        return f"routing of {self.report_id}"


class RoutingSettings(models.Model):
    """Per-deployment routing settings; one row (pk=1), edited in the admin."""

    auto_disposition_enabled = models.BooleanField(
        _("dispose confident suggestions automatically"), default=False
    )
    auto_threshold = models.FloatField(
        _("auto-disposition confidence threshold"),
        default=0.9,
        validators=[MinValueValidator(0.5), MaxValueValidator(1.0)],
        help_text=_(
            "The lowest threshold allowed. Auto-disposition uses the threshold calibrated on this "
            "deployment's own held-out decisions (layani routing calibrate) when that is higher, "
            "and stays off until a calibration exists."
        ),
    )
    redact_plates = models.BooleanField(
        _("redact vehicle plates in public text"),
        default=False,
        help_text=_("Off by default: a plate is often the point of a parking or traffic report."),
    )
    duplicate_window_days = models.PositiveSmallIntegerField(
        _("duplicate search window (days)"), default=30
    )
    duplicate_radius_m = models.PositiveIntegerField(
        _("duplicate search radius (metres)"), default=500
    )

    class Meta:
        verbose_name = _("routing settings")
        verbose_name_plural = _("routing settings")

    def __str__(self) -> str:
        return str(_("Routing settings"))

    @classmethod
    def current(cls) -> RoutingSettings:
        """The deployment's settings, with the defaults until an admin saves them."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)
