"""Reports and what came with them.

The report row holds content only. Who sent it lives in `ReporterIdentity`, a separate table with a
one-to-one link, so that every query, export and API that reads reports has to go out of its way
(and through a permission check) to touch personal data.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Category, Region
from layani.sla.service_classes import ServiceClass

from ..tracking import format_tracking_id


class ReportType(models.TextChoices):
    COMPLAINT = "pengaduan", _("Complaint (pengaduan)")
    ASPIRATION = "aspirasi", _("Aspiration (aspirasi)")
    INFORMATION_REQUEST = "informasi", _("Information request (permintaan informasi)")


class PrivacyTier(models.TextChoices):
    """Who may see what; the same meaning as SP4N-LAPOR!'s tiers (see docs/glossary.md)."""

    BIASA = "biasa", _("Regular")
    ANONIM = "anonim", _("Anonymous")
    RAHASIA = "rahasia", _("Confidential")
    ANONIM_RAHASIA = "anonim_rahasia", _("Anonymous and confidential")


#: Tiers whose content the public may read.
PUBLIC_TIERS = (PrivacyTier.BIASA, PrivacyTier.ANONIM)
#: Tiers whose identity the handling agency never sees.
ANONYMOUS_TIERS = (PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA)


def public_coordinate(value: Decimal | float, privacy: str) -> Decimal:
    """A coordinate as the public may see it: anonymous reports to about 100 m (three decimals),
    others to about 10 m (four). A precise pin on an anonymous report about one house could point
    at the reporter. Every public output (portal map, open data, Open311) goes through this."""
    places = Decimal("0.001") if privacy in ANONYMOUS_TIERS else Decimal("0.0001")
    return Decimal(str(value)).quantize(places)


class Channel(models.TextChoices):
    WEB = "web", _("Web portal")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    OPEN311 = "open311", _("Open311 integration")
    API = "api", _("REST API")
    WALK_IN = "walk_in", _("Walk-in (assisted)")
    PHONE = "phone", _("Telephone (assisted)")


class ReportStatus(models.TextChoices):
    """Where a report stands. The allowed moves between these are the workflow's business."""

    SUBMITTED = "submitted", _("Submitted")
    ON_HOLD = "on_hold", _("Waiting for the reporter")
    VERIFIED = "verified", _("Verified")
    IN_PROGRESS = "in_progress", _("Being handled")
    CLOSURE_PROPOSED = "closure_proposed", _("Resolution proposed")
    CLOSED = "closed", _("Closed")
    NOT_WITHIN_AUTHORITY = "not_within_authority", _("Not within authority")
    ARCHIVED = "archived", _("Archived")
    MERGED = "merged", _("Merged into another report")


#: Statuses in which nobody needs to act any more.
FINAL_STATUSES = (
    ReportStatus.CLOSED,
    ReportStatus.NOT_WITHIN_AUTHORITY,
    ReportStatus.ARCHIVED,
    ReportStatus.MERGED,
)


class ReportQuerySet(models.QuerySet["Report"]):
    def public(self) -> ReportQuerySet:
        """Reports whose content anyone may read (not rahasia, not archived or merged)."""
        return self.filter(privacy__in=PUBLIC_TIERS).exclude(
            status__in=[ReportStatus.ARCHIVED, ReportStatus.MERGED]
        )

    def open(self) -> ReportQuerySet:
        return self.exclude(status__in=FINAL_STATUSES)


class Report(models.Model):
    """A complaint, aspiration or information request — its content, never its sender."""

    tracking_id = models.CharField(_("tracking ID"), max_length=10, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=64, editable=False)
    type = models.CharField(
        _("type"), max_length=10, choices=ReportType.choices, default=ReportType.COMPLAINT
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="reports"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    location_label = models.CharField(
        _("readable location"),
        max_length=300,
        blank=True,
        help_text=_("The region in words, as people read it: 'Desa X, Kec. Y, Kab. Z'."),
    )
    pin_region = models.ForeignKey(
        Region,
        verbose_name=_("region the pin lies in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Set when the point sent lies outside the region the report names: the coordinator "
            "checks which one is right."
        ),
    )
    privacy = models.CharField(
        _("privacy"), max_length=16, choices=PrivacyTier.choices, default=PrivacyTier.BIASA
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    channel_ref = models.CharField(
        _("channel reference"),
        max_length=120,
        blank=True,
        help_text=_("Which integrator, gateway or staff desk the report came through."),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    service_class = models.CharField(
        _("service class"), max_length=16, choices=ServiceClass.choices, blank=True
    )
    # NULL, not "", for "no key": the unique constraint then applies only to reports that have one.
    answers = models.JSONField(
        _("answers to the category's questions"),
        default=dict,
        blank=True,
        help_text=_("Question code → answer (a list for multiple choice)."),
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="report_status_submitted"),
            models.Index(fields=["category", "submitted_at"], name="report_category_submitted"),
            models.Index(fields=["region", "submitted_at"], name="report_region_submitted"),
            # Duplicate search around a point (routing.duplicates): a latitude band, then the
            # longitude and the time window checked in the index itself.
            models.Index(
                fields=["latitude", "longitude", "submitted_at"], name="report_point_submitted"
            ),
            # The coordinator's queue: what waits for them, oldest first (cases.selectors).
            models.Index(
                fields=["submitted_at"],
                name="report_waiting",
                condition=Q(status__in=["submitted", "verified"]),
                include=["region"],  # PostgreSQL counts the coordinator's region index-only
            ),
            # "Closed per week" on the coordinators' dashboards reads a few weeks of closures.
            models.Index(
                fields=["closed_at"],
                name="report_closed_at",
                condition=Q(closed_at__isnull=False),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="report_idempotency_key_unique",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                # Explicit NOT NULLs: a CHECK passes when it evaluates to NULL, so without them a
                # point with one coordinate missing would slip through.
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="report_point_both_or_neither_and_in_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(privacy__in=PrivacyTier.values), name="report_privacy_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_tracking_id} {self.title}"

    @property
    def display_tracking_id(self) -> str:
        return format_tracking_id(self.tracking_id)

    @property
    def is_public(self) -> bool:
        return self.privacy in PUBLIC_TIERS

    @property
    def hides_identity_from_agency(self) -> bool:
        return self.privacy in ANONYMOUS_TIERS


class ReporterIdentity(models.Model):
    """Who sent a report. Kept apart from the content; shown masked, revealed only with an audit entry."""

    report = models.OneToOneField(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="identity"
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporter_identities",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    show_name_publicly = models.BooleanField(
        _("show my name publicly"),
        default=False,
        help_text=_("Only for regular reports; the reporter's choice."),
    )
    entered_by = models.ForeignKey(
        User,
        verbose_name=_("entered by staff"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "For assisted intake: the officer who entered the report on the citizen's behalf."
        ),
    )

    class Meta:
        verbose_name = _("reporter identity")
        verbose_name_plural = _("reporter identities")

    def __str__(self) -> str:
        # Never print personal data: admin lists, logs and errors show only the reference.
        return f"identity #{self.pk}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Generated names only: the citizen's file name is kept as data, never used as a path.
    return f"attachments/{instance.report.submitted_at:%Y/%m}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A photo or document sent with a report; stored under a generated name."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("original name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    reviewed = models.BooleanField(
        _("reviewed"),
        default=False,
        help_text=_("Attachments of anonymous reports reach the agency only after review."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"attachment #{self.pk} of {self.report_id}"
