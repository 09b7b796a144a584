"""Staff download an attachment of a case they may open, as the authorization matrix allows.

The rules are `cases.permissions.can_see_attachment` (anonymous reports' attachments reach the
agency only after review); the response is `security.downloads.attachment_response`. A report the
user may not open, an attachment of another report, an unknown ID and an attachment the user may not
have all answer 404 — never 403 — so that guessing IDs tells nothing. Every staff download from a
confidential report (rahasia, anonim + rahasia) writes ``attachment.downloaded`` to the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from layani.accounts.models import User
from layani.audit.services import record
from layani.cases import services
from layani.cases.permissions import can_see_attachment, is_coordinator_for, is_oversight_for
from layani.cases.workflow import WorkflowError
from layani.intake.models import ANONYMOUS_TIERS, Attachment, Report
from layani.security.downloads import attachment_response, generic_name

from .base import report_or_404, staff_view


@staff_view
def download(request: HttpRequest, tracking_id: str, attachment_id: int) -> FileResponse:
    user: User = request.user  # type: ignore[assignment]
    report, attachment = _attachment_or_404(user, tracking_id, attachment_id)
    if not report.is_public:
        with transaction.atomic():
            record(
                "attachment.downloaded",
                actor_ref=f"user:{user.pk}",
                object_type="report",
                object_ref=report.tracking_id,
                payload={"attachment": attachment.pk},
            )
    number = list(report.attachments.order_by("created_at", "pk")).index(attachment) + 1
    filename = display_name(user, report, attachment, number)
    return attachment_response(attachment, filename=filename, public=False)


def _attachment_or_404(
    user: User, tracking_id: str, attachment_id: int
) -> tuple[Report, Attachment]:
    """The report and its attachment when `user` may have both; 404 otherwise (never 403)."""
    report = report_or_404(user, tracking_id)
    attachment = Attachment.objects.filter(pk=attachment_id, report=report).first()
    if attachment is None or not can_see_attachment(user, attachment):
        raise Http404
    return report, attachment


def display_name(user: User, report: Report, attachment: Attachment, number: int) -> str:
    """The name staff see: the sender's own file name can identify them (``foto_budi.jpg``), so on
    anonymous reports only the coordinator and oversight see it; the agency sees ``lampiran-1.jpg``."""
    sender_named = report.privacy not in ANONYMOUS_TIERS or (
        is_coordinator_for(user, report) or is_oversight_for(user, report)
    )
    # This is the audience rule for attachment names (tested in console/tests/test_attachments.py).
    if sender_named and attachment.original_name:  # nosemgrep: raw-report-text
        return attachment.original_name  # nosemgrep: raw-report-text
    return generic_name(attachment, number)


def for_the_case_page(user: User, report: Report) -> list[tuple[Attachment, str]]:
    """The attachments `user` may have, numbered in upload order, with the name they may see."""
    ordered = report.attachments.order_by("created_at", "pk")
    return [
        (a, display_name(user, report, a, n))
        for n, a in enumerate(ordered, start=1)
        if can_see_attachment(user, a)
    ]


@require_POST
@staff_view
def review(request: HttpRequest, tracking_id: str, attachment_id: int) -> HttpResponse:
    """The coordinator marks an attachment as checked (or takes the check back)."""
    user: User = request.user  # type: ignore[assignment]
    report, attachment = _attachment_or_404(user, tracking_id, attachment_id)
    approved = request.POST.get("reviewed") == "1"
    try:
        services.review_attachment(attachment, actor=user, approved=approved)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Attachment marked as checked.") if approved else _("Attachment check withdrawn."),
        )
    return redirect("console:case", tracking_id=report.tracking_id)
