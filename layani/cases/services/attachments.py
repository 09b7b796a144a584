"""Reviewing attachments: the coordinator's check before photos leave the coordinator's desk.

An anonymous report's attachments reach the handling agency only once reviewed (a photo can show
who took it), and a public report's attachments reach the public page only once reviewed. The
coordinator or oversight of the report's region reviews; withdrawing a review hides the file again.
Both are audited (internal: the log says which attachment, never what it shows).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.intake.models import Attachment

from ..permissions import is_coordinator_for, is_oversight_for
from ..workflow import WorkflowError
from .common import audit, locked_case, now_or


@transaction.atomic
def review_attachment(
    attachment: Attachment, *, actor: User, approved: bool, now: datetime | None = None
) -> Attachment:
    """Mark `attachment` as checked (``approved``) or take the check back."""
    report = attachment.report
    if not (is_coordinator_for(actor, report) or is_oversight_for(actor, report)):
        raise WorkflowError("forbidden", _("Only the coordinator or oversight checks attachments."))
    now = now_or(now)
    case = locked_case(report)
    if attachment.reviewed == approved:
        return attachment
    attachment.reviewed = approved
    attachment.save(update_fields=["reviewed"])
    action = "attachment.reviewed" if approved else "attachment.review_withdrawn"
    audit(case, action, actor, now, attachment=attachment.pk)
    return attachment
