"""Records that make the periodic work happen exactly once.

An ``Escalation`` row exists once a reminder or escalation level has fired for one stage of one
report or task; its unique constraint is what stops a second worker (or a second sweep after a
restart) from firing it again. A ``JobRun`` row claims one slot of a periodic job, so that several
schedulers running side by side enqueue each slot once.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.cases.models import Task
from layani.intake.models import Report
from layani.sla.models import Stage


class Level(models.IntegerChoices):
    REMINDER = 0, _("Reminder before the deadline")
    SUPERVISOR = 1, _("Breached: escalated to the supervisor")
    COORDINATOR = 2, _("Still breached: escalated to the coordinator and oversight")


class Escalation(models.Model):
    """One reminder or escalation level, fired for one stage of a report (or of one task)."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="escalations"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="escalations",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    due_at = models.DateTimeField(_("deadline"))
    fired_at = models.DateTimeField(_("fired at"), default=timezone.now)
    skipped = models.BooleanField(
        _("skipped"),
        default=False,
        help_text=_("A reminder found only after the deadline had passed: recorded, not sent."),
    )

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["-fired_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "stage", "level"],
                condition=Q(task__isnull=False),
                name="escalation_once_per_task_stage_level",
            ),
            models.UniqueConstraint(
                fields=["report", "stage", "level"],
                condition=Q(task__isnull=True),
                name="escalation_once_per_report_stage_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.stage} {self.report_id}/{self.task_id or '-'}"


class JobRun(models.Model):
    """One slot of a periodic job (``sweep`` at 10:05, ``digest`` on 2025-06-02), claimed once."""

    job = models.CharField(_("job"), max_length=30)
    slot = models.CharField(_("slot"), max_length=40)
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="jobrun_once_per_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
