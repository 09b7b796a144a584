"""Rollups behind the public statistics: per-report facts and small aggregate tables.

The public pages never scan reports. ``rollups.py`` keeps one fact row per counted report and per
deadline-relevant task (durations already in working days), and from them a handful of aggregate
tables small enough to read on every request. See docs/decisions/0017-statistics-rollups.md.

Facts hold figures and references only — no text, no identity, no location finer than the
regency — so a confidential report adds to the counts and can never be listed from here.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

#: Working-day durations are kept in buckets of 1/96 working day (5 minutes of an 8-hour day).
BUCKETS_PER_DAY = 96


class Dimension(models.TextChoices):
    ALL = "all", _("all reports")
    CATEGORY = "category", _("main category")
    REGENCY = "regency", _("regency or city")
    MONTH = "month", _("month of submission")
    AGENCY = "agency", _("lead agency")


class Measure(models.TextChoices):
    FIRST_FOLLOW_UP = "first_follow_up", _("time to first follow-up")
    CLOSURE = "closure", _("time to closure")


class ReportFact(models.Model):
    """One counted report (not archived, not merged) reduced to what the statistics need."""

    report_id = models.BigIntegerField(_("report"), primary_key=True)
    month = models.CharField(_("month (WIB)"), max_length=7)
    regency = models.CharField(_("regency code"), max_length=5)
    main_category_id = models.BigIntegerField(_("main category"), null=True)
    lead_agency_id = models.BigIntegerField(_("lead agency"), null=True)
    is_open = models.BooleanField(_("open"))
    is_closed = models.BooleanField(_("closed"))
    rating = models.PositiveSmallIntegerField(_("rating"), null=True)
    closable = models.BooleanField(_("brought to closure"))
    reopened = models.BooleanField(_("reopened"))
    first_follow_up = models.PositiveIntegerField(_("first follow-up (buckets)"), null=True)
    closure = models.PositiveIntegerField(_("closure (buckets)"), null=True)

    class Meta:
        verbose_name = _("report fact")
        verbose_name_plural = _("report facts")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"report {self.report_id} ({self.month}, {self.regency})"


class TaskFact(models.Model):
    """A task of a counted report that has a deadline and either answered or still owes."""

    task_id = models.BigIntegerField(_("task"), primary_key=True)
    report_id = models.BigIntegerField(_("report"), db_index=True)
    agency_id = models.BigIntegerField(_("agency"))
    main_category_id = models.BigIntegerField(_("main category"), null=True)
    #: None while unanswered; else whether the first follow-up met the deadline.
    on_time = models.BooleanField(_("on time"), null=True)
    #: The deadline of a task still owing its first follow-up (None once answered or closed).
    owed_due_at = models.DateTimeField(_("owed, due at"), null=True)

    class Meta:
        verbose_name = _("task fact")
        verbose_name_plural = _("task facts")
        default_permissions = ("view",)
        indexes = [
            models.Index(
                fields=["owed_due_at", "agency_id"],
                name="taskfact_owed",
                condition=Q(owed_due_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"task {self.task_id} of report {self.report_id}"


class StatsCounter(models.Model):
    """Counts of report facts along one dimension (the marginals the pages show)."""

    dimension = models.CharField(_("dimension"), max_length=10, choices=Dimension.choices)
    key = models.CharField(_("key"), max_length=40)
    reports = models.PositiveIntegerField(_("reports"), default=0)
    open = models.PositiveIntegerField(_("open"), default=0)
    closed = models.PositiveIntegerField(_("closed"), default=0)
    stars_1 = models.PositiveIntegerField(default=0)
    stars_2 = models.PositiveIntegerField(default=0)
    stars_3 = models.PositiveIntegerField(default=0)
    stars_4 = models.PositiveIntegerField(default=0)
    stars_5 = models.PositiveIntegerField(default=0)
    closable = models.PositiveIntegerField(_("brought to closure"), default=0)
    reopened = models.PositiveIntegerField(_("reopened"), default=0)

    class Meta:
        verbose_name = _("statistics counter")
        verbose_name_plural = _("statistics counters")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["dimension", "key"], name="statscounter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dimension}={self.key}: {self.reports}"


class DurationBucket(models.Model):
    """How many reports took ``bucket / BUCKETS_PER_DAY`` working days for a measure."""

    measure = models.CharField(_("measure"), max_length=16, choices=Measure.choices)
    bucket = models.PositiveIntegerField(_("bucket"))
    reports = models.PositiveIntegerField(_("reports"), default=0)

    class Meta:
        verbose_name = _("duration bucket")
        verbose_name_plural = _("duration buckets")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["measure", "bucket"], name="durationbucket_unique")
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.bucket}/{BUCKETS_PER_DAY}: {self.reports}"


class DeadlineCounter(models.Model):
    """Answered tasks per (agency, main category) and how many met their deadline."""

    agency_id = models.BigIntegerField(_("agency"))
    stratum = models.CharField(_("main category"), max_length=20)
    answered = models.PositiveIntegerField(_("answered"), default=0)
    on_time = models.PositiveIntegerField(_("on time"), default=0)

    class Meta:
        verbose_name = _("deadline counter")
        verbose_name_plural = _("deadline counters")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["agency_id", "stratum"], name="deadlinecounter_unique")
        ]

    def __str__(self) -> str:
        return f"agency {self.agency_id} / {self.stratum}: {self.on_time}/{self.answered}"


class RollupState(models.Model):
    """The one row that says how far the rollups have read the audit log."""

    #: The last audit-entry sequence whose report was folded in; None: never built.
    watermark = models.PositiveBigIntegerField(_("audit watermark"), null=True)
    built_at = models.DateTimeField(_("last full rebuild"), null=True)
    updated_at = models.DateTimeField(_("last update"), null=True)

    class Meta:
        verbose_name = _("rollup state")
        verbose_name_plural = _("rollup state")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"rollups up to audit entry {self.watermark}"
