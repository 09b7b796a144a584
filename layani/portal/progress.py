"""The tracking page's answer at a glance: where the report is now, who handles it, by when, what
happens next and what the reporter can do now.

Built from `cases.reporter` (status, the lead agency, the current stage's working-day deadline);
the words are the citizen's, in both languages. Times are the report region's (`localtime`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from layani.audit.models import AuditEntry
from layani.cases.reporter import ReporterView, current_deadline
from layani.intake.models import ReportStatus
from layani.sla.models import Stage

from .localtime import ABBREVIATIONS, zone_of
from .timeline import TimelineItem, describe

#: What the deadline of each stage means to the reporter.
DEADLINE_LABELS: dict[str, Promise] = {
    Stage.VERIFICATION: gettext_lazy("The coordinator decides by"),
    Stage.FIRST_FOLLOW_UP: gettext_lazy("First answer from the agency due by"),
    Stage.RESOLUTION: gettext_lazy("Handling due by"),
    Stage.SILENCE: gettext_lazy("Closes by itself if you do not answer by"),
}

#: Where the report is now, in the citizen's words.
WHERE: dict[str, Promise] = {
    ReportStatus.SUBMITTED: gettext_lazy("Received: the coordinator is checking it"),
    ReportStatus.ON_HOLD: gettext_lazy("Waiting for information from you"),
    ReportStatus.VERIFIED: gettext_lazy("Checked: being sent to the responsible agency"),
    ReportStatus.IN_PROGRESS: gettext_lazy("Being handled by the responsible agency"),
    ReportStatus.CLOSURE_PROPOSED: gettext_lazy("The agency says the problem is solved"),
    ReportStatus.CLOSED: gettext_lazy("Closed"),
    ReportStatus.NOT_WITHIN_AUTHORITY: gettext_lazy(
        "Closed: not within the authority of the agencies on Layani"
    ),
    ReportStatus.ARCHIVED: gettext_lazy("Closed without handling (archived)"),
    ReportStatus.MERGED: gettext_lazy("Joined to another report about the same problem"),
}

#: What happens next.
NEXT: dict[str, Promise] = {
    ReportStatus.SUBMITTED: gettext_lazy(
        "The coordinator checks your report and sends it to the agency responsible."
    ),
    ReportStatus.ON_HOLD: gettext_lazy(
        "The clock is paused until you answer. Once you add the information, the coordinator "
        "continues."
    ),
    ReportStatus.VERIFIED: gettext_lazy(
        "The agency accepts the task and posts its first answer here."
    ),
    ReportStatus.IN_PROGRESS: gettext_lazy(
        "The agency works on it and posts follow-ups here. When it is done, it asks you to confirm."
    ),
    ReportStatus.CLOSURE_PROPOSED: gettext_lazy(
        "Tell us whether the problem is really solved. Without an answer, the report closes by "
        "itself."
    ),
    ReportStatus.CLOSED: gettext_lazy("Nothing more happens, unless you appeal."),
    ReportStatus.NOT_WITHIN_AUTHORITY: gettext_lazy(
        "Read the agency's explanation below: it says where to go instead."
    ),
    ReportStatus.ARCHIVED: gettext_lazy("Nothing more happens to this report."),
    ReportStatus.MERGED: gettext_lazy("The other report is handled; this one is not followed."),
}

#: Statuses in which the reporter may still write to the agency.
_CAN_WRITE = (
    ReportStatus.SUBMITTED,
    ReportStatus.ON_HOLD,
    ReportStatus.VERIFIED,
    ReportStatus.IN_PROGRESS,
    ReportStatus.CLOSURE_PROPOSED,
)


@dataclass(frozen=True)
class Action:
    """Something the reporter can do now: a label and the anchor of its form on the page."""

    label: str
    anchor: str


@dataclass(frozen=True)
class Progress:
    where: str
    who: str
    deadline_label: str
    due_at: datetime | None
    zone: str
    zone_name: str
    next_step: str
    actions: list[Action]


def progress(view: ReporterView) -> Progress:
    report, case = view.report, view.case
    status = report.status
    deadline = current_deadline(report, case)
    if view.lead_agency_name and status not in (ReportStatus.SUBMITTED, ReportStatus.ON_HOLD):
        who = view.lead_agency_name
    elif status in (ReportStatus.SUBMITTED, ReportStatus.ON_HOLD, ReportStatus.VERIFIED):
        who = _("The coordinator of the complaint service")
    else:
        who = ""
    zone = zone_of(report)
    return Progress(
        where=str(WHERE.get(status, report.get_status_display())),
        who=who,
        deadline_label=str(DEADLINE_LABELS.get(deadline.stage, "")) if deadline else "",
        due_at=deadline.due_at if deadline else None,
        zone=zone,
        zone_name=ABBREVIATIONS.get(zone, zone),
        next_step=str(NEXT.get(status, "")),
        actions=_actions(view),
    )


def _actions(view: ReporterView) -> list[Action]:
    report, case = view.report, view.case
    status = report.status
    actions: list[Action] = []
    if status == ReportStatus.CLOSURE_PROPOSED:
        actions.append(Action(_("Confirm it is solved"), "h-confirm"))
        actions.append(Action(_("Say it is not solved"), "dispute-text"))
    if status == ReportStatus.ON_HOLD:
        actions.append(Action(_("Add the information asked for"), "reply-text"))
    elif status in _CAN_WRITE:
        actions.append(Action(_("Write to the agency"), "reply-text"))
    if status == ReportStatus.CLOSED and case is not None and not case.appealed:
        actions.append(Action(_("Appeal if you are not satisfied"), "h-appeal"))
    return actions


def history(entries: list[AuditEntry]) -> list[TimelineItem]:
    """The report's history in citizens' words, the same rendering as its public page."""
    return [describe(entry) for entry in entries]
