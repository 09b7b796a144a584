"""Staff download an attachment of a case they may open, as the authorization matrix allows.

The rules are `cases.permissions.can_see_attachment` (anonymous reports' attachments reach the
agency only after review); the response is `security.downloads.attachment_response`. A report the
user may not open, an attachment of another report, an unknown ID and an attachment the user may not
have all answer 404 — never 403 — so that guessing IDs tells nothing. Every staff download from a
confidential report (rahasia, anonim + rahasia) writes ``attachment.downloaded`` to the audit log.
"""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest

from layani.accounts.models import User
from layani.audit.services import record
from layani.cases.permissions import can_see_attachment
from layani.intake.models import Attachment
from layani.security.downloads import attachment_response, generic_name

from .base import report_or_404, staff_view


@staff_view
def download(request: HttpRequest, tracking_id: str, attachment_id: int) -> FileResponse:
    user: User = request.user  # type: ignore[assignment]
    report = report_or_404(user, tracking_id)
    attachment = Attachment.objects.filter(pk=attachment_id, report=report).first()
    if attachment is None or not can_see_attachment(user, attachment):
        raise Http404
    if not report.is_public:
        with transaction.atomic():
            record(
                "attachment.downloaded",
                actor_ref=f"user:{user.pk}",
                object_type="report",
                object_ref=report.tracking_id,
                payload={"attachment": attachment.pk},
            )
    # The same name the case page shows (already reduced to a plain name at upload).
    filename = attachment.original_name or generic_name(attachment, 1)
    return attachment_response(attachment, filename=filename, public=False)
