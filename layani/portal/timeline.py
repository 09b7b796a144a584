"""Public timeline entries in citizens' words instead of audit action names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from layani.audit.models import AuditEntry

ACTION_LABELS = {
    "report.submitted": _("Report received"),
    "report.verified": _("Checked and classified by the coordinator"),
    "report.held": _("The coordinator asked the reporter for more information"),
    "report.information_provided": _("The reporter added information"),
    "report.disposed": _("Sent to the responsible agency"),
    "report.bounced": _("Returned to the coordinator after repeated referrals"),
    "report.closure_proposed": _("The agency proposed a resolution"),
    "report.confirmed": _("The reporter confirmed the resolution"),
    "report.disputed": _("The reporter disputed the resolution; handling reopened"),
    "report.auto_closed": _("Closed after no reply from the reporter"),
    "report.appealed": _("The reporter appealed"),
    "report.not_within_authority": _("Not within the authority of the agencies here"),
    "report.merged": _("Merged into another report about the same problem"),
    "task.accepted": _("The agency accepted the task"),
    "task.referred": _("Referred to another agency"),
    "task.completed": _("A co-handling agency finished its part"),
    "message.follow_up": _("The agency posted a follow-up"),
}


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    label: str
    action: str


def describe(entry: AuditEntry) -> TimelineItem:
    return TimelineItem(
        entry.occurred_at, str(ACTION_LABELS.get(entry.action, entry.action)), entry.action
    )
