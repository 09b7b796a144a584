"""Tracking a report with its tracking ID and access code, and the reporter's own actions.

The codes are checked once and the session remembers which reports this browser may follow, so no
code or personal data ever appears in a URL.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from layani.cases import services
from layani.cases.reporter import find_report_for_reporter, reporter_view
from layani.cases.workflow import WorkflowError
from layani.intake.models import Report

from .progress import history, progress

SESSION_KEY = "layani_tracked_reports"


class TrackForm(forms.Form):
    tracking_id = forms.CharField(label=gettext_lazy("Tracking ID"), max_length=20)
    access_code = forms.CharField(label=gettext_lazy("Access code"), max_length=20)


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    """Ask for the two codes; on success remember the report in the session and show it."""
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = find_report_for_reporter(
            form.cleaned_data["tracking_id"], form.cleaned_data["access_code"]
        )
        if report is not None:
            remember_tracked(request, report.tracking_id)
            request.session.cycle_key()
            return redirect("portal:my-report", tracking_id=report.tracking_id)
        form.add_error(None, _("The tracking ID or the access code is not right."))
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/track.html", {"form": form}, status=status)


def remember_tracked(request: HttpRequest, tracking_id: str) -> None:
    """Let this session follow the report (codes checked, just submitted, or the owner signed in)."""
    tracked = set(request.session.get(SESSION_KEY, []))
    tracked.add(tracking_id)
    request.session[SESSION_KEY] = sorted(tracked)


def _tracked(request: HttpRequest, tracking_id: str) -> Report | None:
    if tracking_id not in request.session.get(SESSION_KEY, []):
        return None
    return (
        Report.objects.select_related("category", "category__parent", "region", "region__parent")
        .filter(tracking_id=tracking_id)
        .first()
    )


@never_cache
def my_report(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = _tracked(request, tracking_id)
    if report is None:
        return redirect("portal:track")
    return render(request, "portal/my_report.html", _page(report))


def _page(report: Report) -> dict[str, object]:
    """The tracking page: the answer at a glance on top, then messages and the history in words."""
    view = reporter_view(report)
    return {"view": view, "progress": progress(view), "history": history(view.timeline)}


@require_POST
def reporter_action(request: HttpRequest, tracking_id: str, action: str) -> HttpResponse:
    """Reply, confirm (with a rating), dispute or appeal — only on a report this session unlocked."""
    report = _tracked(request, tracking_id)
    if report is None:
        return redirect("portal:track")
    text = request.POST.get("text", "")
    try:
        if action == "reply":
            services.post_reporter_reply(report, text=text)
        elif action == "confirm":
            rating_raw = request.POST.get("rating", "")
            rating = int(rating_raw) if rating_raw.isdigit() else None
            services.confirm_closure(report, rating=rating, comment=text)
        elif action == "dispute":
            services.dispute_closure(report, reason=text)
        elif action == "appeal":
            services.appeal_case(report, reason=text)
        else:
            raise WorkflowError("unknown_action", _("Unknown action."))
    except WorkflowError as error:
        messages.error(request, error.message)
        response = render(request, "portal/my_report.html", _page(report))
        response.status_code = 400
        return response
    messages.success(request, _("Thank you. Your answer was recorded."))
    return redirect("portal:my-report", tracking_id=report.tracking_id)
