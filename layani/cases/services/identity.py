"""Revealing a reporter's identity: allowed only to those who need it, always with a reason."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.intake.models import Report, ReporterIdentity
from layani.intake.redaction import redact

from ..permissions import IdentityAccess, identity_access, identity_restricted
from ..workflow import WorkflowError
from .common import audit, locked_case, now_or


@transaction.atomic
def reveal_identity(
    report: Report, *, actor: User, reason: str, now: datetime | None = None
) -> ReporterIdentity:
    """Unmask the reporter's identity for `actor`, writing an audit entry with the reason."""
    if identity_access(actor, report) != IdentityAccess.REVEAL:
        # A restriction takes every access away; say so rather than "forbidden".
        if identity_restricted(report):
            raise WorkflowError(
                "restricted",
                _(
                    "The reporter has restricted the processing of their personal data (UU PDP): "
                    "their identity cannot be revealed."
                ),
            )
        raise WorkflowError("forbidden", _("You may not see this reporter's identity."))
    if len(reason.strip()) < 5:
        raise WorkflowError("reason_required", _("Give a reason for revealing the identity."))
    now = now_or(now)
    case = locked_case(report)
    # The chain is permanent, so a phone number or name typed into the reason is masked first.
    audit(case, "identity.revealed", actor, now, reason=redact(reason.strip()[:300]).text)
    return ReporterIdentity.objects.get(report=report)
