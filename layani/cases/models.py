"""The case around a report: who leads, who co-handles, what each agency must do, and how it ended.

A `Case` exists for every report that has entered verification; the report's status stays on
`intake.Report.status` (one source of truth), and this app's services change both together.
Models hold data and database invariants only: the allowed moves live in `workflow.py`, the moves
themselves in `services.py`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layani.accounts.models import User
from layani.directory.models import Agency, Unit
from layani.intake.models import Report


class Outcome(models.TextChoices):
    """How a case ended, said honestly."""

    RESOLVED = "resolved", _("Resolved")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    CANNOT_ACT = "cannot_act", _("Cannot be acted on")
    REFERRED_OUTSIDE = "referred_outside", _("Referred outside Layani")


class Case(models.Model):
    """Workflow facts about one report beyond its status."""

    report = models.OneToOneField(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="case",
    )
    lead_agency = models.ForeignKey(
        Agency,
        verbose_name=_("lead agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_cases",
    )
    verified_by = models.ForeignKey(
        User,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    hold_reason = models.TextField(_("what the reporter is asked for"), blank=True)
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)
    decision_reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why it is not within authority, archived or merged; where to go instead."),
    )
    redirect_to = models.CharField(_("where to go instead"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        Report,
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_duplicates",
    )
    referral_count = models.PositiveSmallIntegerField(_("referrals"), default=0)
    bounced = models.BooleanField(
        _("bounced"),
        default=False,
        help_text=_("Referred too often between agencies: back with the coordinator."),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome explanation"), blank=True)
    closure_proposed_at = models.DateTimeField(_("closure proposed at"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    appealed = models.BooleanField(_("appealed"), default=False)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("rating comment"), blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [models.Index(fields=["bounced"], name="case_bounced", condition=Q(bounced=True))]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="case_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=Outcome.values), name="case_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"case {self.report_id}"


class TaskRole(models.TextChoices):
    LEAD = "lead", _("Lead agency")
    CO_HANDLER = "co_handler", _("Co-handling agency")


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be accepted")
    ACCEPTED = "accepted", _("Accepted")
    DONE = "done", _("Done")
    REFERRED = "referred", _("Referred to another agency")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: Task statuses in which the agency still owes work.
ACTIVE_TASK_STATUSES = (TaskStatus.PENDING, TaskStatus.ACCEPTED)


class Task(models.Model):
    """One agency's part in a case, with its own deadline."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="tasks"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="tasks"
    )
    role = models.CharField(_("role"), max_length=12, choices=TaskRole.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.PENDING
    )
    instructions = models.TextField(_("instructions"), blank=True)
    assigned_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    assigned_officer = models.ForeignKey(
        User,
        verbose_name=_("officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tasks",
    )
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    first_follow_up_at = models.DateTimeField(_("first follow-up at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    referred_from = models.ForeignKey(
        "self",
        verbose_name=_("referred from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_out",
    )

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["agency", "status", "due_at"], name="task_inbox"),
            models.Index(fields=["assigned_officer", "status"], name="task_officer_load"),
            # The inbox's default view (open tasks, soonest deadline first) read in index order,
            # without sorting an agency's thousands of open tasks (docs/benchmarks.md).
            models.Index(
                fields=["agency", "due_at", "created_at"],
                name="task_inbox_active",
                condition=Q(status__in=["pending", "accepted"]),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(role="lead", status__in=["pending", "accepted"]),
                name="task_one_active_lead_per_case",
            ),
            models.UniqueConstraint(
                fields=["case", "agency"],
                condition=Q(status__in=["pending", "accepted"]),
                name="task_one_active_task_per_agency",
            ),
            models.CheckConstraint(
                condition=Q(status__in=TaskStatus.values), name="task_status_valid"
            ),
            models.CheckConstraint(condition=Q(role__in=TaskRole.values), name="task_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.agency} on {self.case_id}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_TASK_STATUSES


class Referral(models.Model):
    """An agency passing its task to another agency, with the reason: counted, never silent."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="referrals"
    )
    from_task = models.ForeignKey(
        Task, verbose_name=_("from task"), on_delete=models.CASCADE, related_name="+"
    )
    from_agency = models.ForeignKey(
        Agency, verbose_name=_("from agency"), on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        Agency, verbose_name=_("to agency"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        User, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.from_agency} → {self.to_agency}"


class MessageKind(models.TextChoices):
    """Who may read a message follows from its kind (see permissions.can_read_message)."""

    PUBLIC_FOLLOW_UP = "follow_up", _("Follow-up (tindak lanjut), visible to the reporter")
    INTERNAL_NOTE = "internal", _("Internal note of one agency")
    AGENCY_THREAD = "thread", _("Message between the agencies on the case")
    REQUEST_TO_REPORTER = "request", _("Question to the reporter")
    REPORTER_MESSAGE = "reporter", _("Message from the reporter")


class CaseMessage(models.Model):
    """Anything written on a case: follow-ups, notes, the inter-agency thread, the reporter's replies."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        User,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("case message")
        verbose_name_plural = _("case messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MessageKind.values), name="message_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.case_id}"


class ResponseTemplate(models.Model):
    """A reusable reply text for an agency (or for everyone when no agency is set)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="response_templates",
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
