"""Assisted intake and bulk actions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from layani.accounts.models import User
from layani.cases import services
from layani.cases.workflow import WorkflowError
from layani.intake.models import Report
from layani.intake.services import Identity, ReportSubmission, SubmissionError, submit_report

from .. import feedback
from ..forms import AssistedIntakeForm
from .base import staff_view

BULK_LIMIT = 200


@staff_view
def assisted_intake(request: HttpRequest) -> HttpResponse:
    """Staff enter a walk-in or telephone report for a citizen; it is recorded as assisted."""
    user: User = request.user  # type: ignore[assignment]
    form = AssistedIntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            receipt = submit_report(
                ReportSubmission(
                    description=d["description"],
                    title=d["title"],
                    region_code=d["region_code"],
                    channel=d["channel"],
                    type=d["type"],
                    category_code=d["category"].code if d["category"] else "",
                    address=d["address"],
                    privacy=d["privacy"],
                    channel_ref=f"user:{user.pk}",
                    identity=Identity(name=d["name"], phone=d["phone"], email=d["email"]),
                    entered_by=user,
                )
            )
        except SubmissionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return render(
                request,
                "console/intake_done.html",
                {
                    "report": receipt.report,
                    "access_code": receipt.access_code,
                },
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "console/intake.html", {"form": form}, status=status)


@require_POST
@staff_view
def bulk_action(request: HttpRequest) -> HttpResponse:
    """Verify or archive several queue items at once; each goes through its own service call."""
    user: User = request.user  # type: ignore[assignment]
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    ids = request.POST.getlist("report")[:BULK_LIMIT]
    done, failed = 0, []
    for report in Report.objects.filter(tracking_id__in=ids):
        try:
            if action == "verify":
                services.verify_report(report, actor=user)
            elif action == "archive":
                services.archive_report(report, actor=user, reason=reason)
            else:
                messages.error(request, _("Choose an action."))
                return redirect("console:queue")
            done += 1
        except WorkflowError as error:
            failed.append(f"{report.display_tracking_id}: {error.message}")
    if done:
        messages.success(request, feedback.bulk(action or "", done))
    for failure in failed:
        messages.error(request, failure)
    return redirect("console:queue")
