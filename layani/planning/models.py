"""The development planning cycle as data: years, stages, proposals (usulan) and what links them.

A `Proposal` is written by a planning officer from a candidate (aspirations clustered by
`clustering`) or from recurring complaints; the reports behind it are linked by `ProposalReport`
(one proposal per report). Its `status` moves only through `workflow` by `services`; every move is a
`ProposalEvent` row (with the reason when it stops) and an audit entry.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Agency, Category, Region
from layani.intake.models import Report


class Stage(models.TextChoices):
    """The forums and documents of one year's cycle, in order."""

    DESA = "desa", _("Musrenbang desa/kelurahan")
    KECAMATAN = "kecamatan", _("Musrenbang kecamatan")
    KABUPATEN = "kabupaten", _("Musrenbang kabupaten/kota")
    FORUM_PD = "forum_pd", _("Forum perangkat daerah")
    RKPD = "rkpd", _("Regional work plan (RKPD)")
    APBD = "apbd", _("Regional budget (APBD)")


class Status(models.TextChoices):
    AT_DESA = "desa", _("Waiting for Musrenbang desa/kelurahan")
    AT_KECAMATAN = "kecamatan", _("Accepted; at Musrenbang kecamatan")
    AT_KABUPATEN = "kabupaten", _("Accepted; at Musrenbang kabupaten/kota")
    AT_FORUM = "forum_pd", _("Accepted; at the forum perangkat daerah")
    IN_RKPD = "rkpd", _("Included in the RKPD")
    FUNDED = "apbd", _("Funded in the APBD")
    BUILDING = "building", _("Being built")
    DONE = "done", _("Done")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")
    MERGED = "merged", _("Merged into another proposal")


class Reason(models.TextChoices):
    """Why a proposal stops: a closed list, so citizens read the reason in their own language."""

    NOT_PRIORITY = "not_priority", _("Other proposals had higher priority")
    NO_BUDGET = "no_budget", _("The budget ceiling was reached")
    NOT_AUTHORITY = "not_authority", _("Not within this government's authority")
    NOT_FEASIBLE = "not_feasible", _("Not feasible (land, technical or legal)")
    ALREADY_PLANNED = "already_planned", _("Already planned or funded elsewhere")
    OTHER = "other", _("Another reason (see the forum's note)")


class PlanningYear(models.Model):
    """One cycle: the plan being made for `year` (the RKPD and APBD of that year)."""

    year = models.PositiveSmallIntegerField(_("plan year"), unique=True)
    title = models.CharField(_("title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("planning year")
        verbose_name_plural = _("planning years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class PlanningStage(models.Model):
    """When one stage of a year runs (the calendar Bappeda publishes)."""

    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.CASCADE, related_name="stages", verbose_name=_("year")
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("planning stage")
        verbose_name_plural = _("planning stages")
        ordering = ["planning_year", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["planning_year", "stage"], name="planning_stage_once"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="planning_stage_dates_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.planning_year_id}:{self.stage}"


class Proposal(models.Model):
    """A development proposal (usulan) with the fields a Musrenbang forum and SIPD work with."""

    code = models.CharField(_("proposal code"), max_length=20, unique=True, editable=False)
    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("year")
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("region")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("theme"),
    )
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(_("location"), max_length=300)
    problem = models.TextField(_("problem"))
    activity = models.TextField(_("proposed activity"))
    volume = models.DecimalField(_("volume"), max_digits=12, decimal_places=2, default=1)
    unit = models.CharField(_("unit"), max_length=40)
    cost_estimate = models.DecimalField(
        _("estimated cost (Rp)"), max_digits=16, decimal_places=0, default=0
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("responsible agency (OPD)"),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=0)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.AT_DESA
    )
    stopped_stage = models.CharField(
        _("stopped at stage"), max_length=12, choices=Stage.choices, blank=True
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    apbd_year = models.PositiveSmallIntegerField(_("APBD year"), null=True, blank=True)
    apbd_amount = models.DecimalField(
        _("APBD amount (Rp)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-priority", "code"]
        indexes = [models.Index(fields=["region", "status"], name="proposal_region_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="proposal_status_known"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class LinkKind(models.TextChoices):
    ASPIRATION = "aspiration", _("aspiration gathered")
    COMPLAINT = "complaint", _("recurring complaint raised")


class ProposalReport(models.Model):
    """A report behind a proposal: an aspiration gathered or a complaint raised (one per report)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="links")
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="planning_link")
    kind = models.CharField(_("kind"), max_length=12, choices=LinkKind.choices)
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report behind a proposal")
        verbose_name_plural = _("reports behind proposals")

    def __str__(self) -> str:
        return f"{self.report_id} → {self.proposal_id}"


class ProposalEvent(models.Model):
    """One move of a proposal: the stage history its public page shows."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    note = models.TextField(_("forum's note"), blank=True)
    actor_ref = models.CharField(max_length=40)
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}:{self.action}"


class ProposalSupport(models.Model):
    """A "dukung" on a proposal: once per person, by the rules of `intake.supports`."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    supporter_key = models.CharField(max_length=80)
    kind = models.CharField(max_length=10)
    address_hash = models.CharField(max_length=32, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "supporter_key"], name="proposal_support_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"support of {self.proposal_id}"


class ProposalSupportBudget(models.Model):
    """Anonymous supports from one address on one proposal on one day (intake.supports' budget)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    address_hash = models.CharField(max_length=32)
    day = models.DateField()
    counted = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "address_hash", "day"], name="proposal_budget_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"budget of {self.proposal_id} on {self.day}"
