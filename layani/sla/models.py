"""Service policies, regional calendar days and clock pauses: the service clock's data.

The sla app imports no other Layani app, so policies name categories, agencies and provinces by
their stable codes (``Category.code``, ``Agency.slug``, the two-digit Kemendagri province code)
instead of foreign keys, and a pause names what it stops by a reference such as ``report:42``.
Precedence between policies is documented in :mod:`layani.sla.policies` and docs/decisions/0011.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .service_classes import ServiceClass


class Stage(models.TextChoices):
    """A step of a report's life that runs against the clock."""

    VERIFICATION = "verification", _("Verification by the coordinator")
    FIRST_FOLLOW_UP = "first_follow_up", _("First follow-up by the agency")
    RESOLUTION = "resolution", _("Resolution (by service class)")
    SILENCE = "silence", _("Reporter's silence before automatic closure")


class ServicePolicy(models.Model):
    """How many working days one stage may take, for a scope (blank scope fields mean "any").

    A row with a ``service_class`` applies to the resolution stage of reports of that class only.
    """

    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    service_class = models.CharField(
        _("service class"), max_length=20, choices=ServiceClass.choices, blank=True
    )
    category_code = models.SlugField(
        _("category code"),
        max_length=80,
        blank=True,
        help_text=_("A main or sub-category code; empty for every category."),
    )
    agency_slug = models.SlugField(
        _("agency slug"), max_length=80, blank=True, help_text=_("Empty for every agency.")
    )
    working_days = models.PositiveSmallIntegerField(_("working days"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind this many working days before"), default=1
    )
    second_escalation_after_days = models.PositiveSmallIntegerField(
        _("escalate to coordinator and oversight after this many working days overdue"), default=3
    )
    note = models.CharField(_("legal basis or note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("service policy")
        verbose_name_plural = _("service policies")
        ordering = ["stage", "service_class", "category_code", "agency_slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "service_class", "category_code", "agency_slug"],
                name="sla_policy_one_per_scope",
            ),
            models.CheckConstraint(
                condition=Q(service_class="") | Q(stage="resolution"),
                name="sla_policy_class_only_for_resolution",
            ),
            models.CheckConstraint(
                condition=Q(stage__in=Stage.values), name="sla_policy_stage_valid"
            ),
        ]

    def __str__(self) -> str:
        scope = " / ".join(
            part for part in (self.service_class, self.category_code, self.agency_slug) if part
        )
        return f"{self.get_stage_display()} [{scope or _('default')}]: {self.working_days}"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday (offices closed)")
    WORKING_DAY = "working", _("Working day (offices open)")


class CalendarDay(models.Model):
    """A regional holiday or a forced working day; a blank province applies nationwide.

    Nationwide rows correct the national calendar between releases of the ``holidays`` package
    (e.g. a cuti bersama added by a revised joint decree).
    """

    province_code = models.CharField(
        _("province code"), max_length=2, blank=True, help_text=_("Empty for the whole country.")
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=200)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date", "province_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "date"], name="sla_calendar_day_one_per_province"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DayKind.values), name="sla_calendar_day_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.province_code or 'ID'} {self.name}"


class ClockPause(models.Model):
    """A span during which the clock of a subject (``report:42``) stood still; open while running.

    The report is on hold waiting for its reporter; the span's working time is added to every
    deadline of the subject once it ends.
    """

    subject_ref = models.CharField(_("subject"), max_length=60, db_index=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("clock pause")
        verbose_name_plural = _("clock pauses")
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_ref"],
                condition=Q(ended_at__isnull=True),
                name="sla_pause_one_open_per_subject",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="sla_pause_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_ref} {self.started_at:%Y-%m-%d %H:%M}–{self.ended_at or '…'}"
