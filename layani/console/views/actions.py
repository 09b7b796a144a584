"""POST endpoints: one per action, each calling exactly one service.

A refused move (WorkflowError) or invalid input comes back to the case page as a clear message
with HTTP 400 — never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from layani.accounts.models import User
from layani.cases import services
from layani.cases.models import Task
from layani.cases.workflow import WorkflowError
from layani.directory.models import Unit
from layani.intake.models import Report
from layani.intake.tracking import normalize_tracking_id

from .. import feedback, forms
from .base import report_or_404, staff_view
from .case import case_context

Handler = Callable[[User, Report, dict[str, Any]], object]


def _merge(user: User, report: Report, data: dict[str, Any]) -> object:
    canonical = normalize_tracking_id(data["into"])
    into = Report.objects.filter(tracking_id=canonical or "").first()
    if into is None:
        raise WorkflowError("unknown_report", _("No report has that tracking ID."))
    return services.merge_report(report, into=into, actor=user)


REPORT_ACTIONS: dict[str, tuple[type[django_forms.Form], Handler]] = {
    "verify": (
        forms.VerifyForm,
        lambda u, r, d: services.verify_report(
            r, actor=u, category=d["category"], title=d["title"], service_class=d["service_class"]
        ),
    ),
    "hold": (
        forms.HoldForm,
        lambda u, r, d: services.hold_report(r, actor=u, question=d["question"]),
    ),
    "reject": (
        forms.RejectForm,
        lambda u, r, d: services.reject_as_not_within_authority(
            r, actor=u, reason=d["reason"], redirect_to=d["redirect_to"]
        ),
    ),
    "archive": (
        forms.ReasonForm,
        lambda u, r, d: services.archive_report(r, actor=u, reason=d["reason"]),
    ),
    "merge": (forms.MergeForm, _merge),
    "dispose": (
        forms.DisposeForm,
        lambda u, r, d: services.dispose_report(
            r,
            actor=u,
            lead=d["lead"],
            co_handlers=list(d["co_handlers"]),
            instructions=d["instructions"],
        ),
    ),
    "message": (
        forms.MessageForm,
        lambda u, r, d: services.post_message(r, actor=u, kind=d["kind"], body=d["body"]),
    ),
    "propose-closure": (
        forms.ClosureForm,
        lambda u, r, d: services.propose_closure(
            r, actor=u, outcome=d["outcome"], explanation=d["explanation"]
        ),
    ),
}


#: What the person reads after each action (report and task actions share no names).
FEEDBACK: dict[str, Callable[[Report, dict[str, Any], object], str]] = {
    "verify": feedback.verified,
    "hold": feedback.held,
    "reject": feedback.declined,
    "archive": feedback.archived,
    "merge": feedback.merged,
    "dispose": feedback.disposed,
    "message": feedback.message_sent,
    "propose-closure": feedback.closure_proposed,
    "accept": feedback.accepted,
    "delegate": feedback.delegated,
    "refer": feedback.referred,
    "complete": feedback.completed,
    "withdraw": feedback.withdrawn,
}


@require_POST
@staff_view
def report_action(request: HttpRequest, tracking_id: str, action: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    report = report_or_404(user, tracking_id)
    if action not in REPORT_ACTIONS:
        raise Http404
    form_class, handler = REPORT_ACTIONS[action]
    return _run(request, user, report, form_class, lambda d: handler(user, report, d), action)


@require_POST
@staff_view
def reveal(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Show the unmasked identity once, on this response only; the reveal is audited."""
    user: User = request.user  # type: ignore[assignment]
    report = report_or_404(user, tracking_id)
    form = forms.RevealForm(request.POST)
    if not form.is_valid():
        return _refuse(request, user, report, _form_errors(form))
    try:
        identity = services.reveal_identity(report, actor=user, reason=form.cleaned_data["reason"])
    except WorkflowError as error:
        return _refuse(request, user, report, error.message)
    return render(request, "console/case.html", case_context(user, report, revealed=identity))


def _delegate(user: User, task: Task, data: dict[str, Any]) -> object:
    unit = Unit.objects.filter(pk=data["unit"]).first() if data["unit"] else None
    officer = User.objects.filter(pk=data["officer"]).first() if data["officer"] else None
    return services.delegate_task(task, actor=user, unit=unit, officer=officer)


class _Empty(django_forms.Form):
    pass


TASK_ACTIONS: dict[
    str, tuple[type[django_forms.Form], Callable[[User, Task, dict[str, Any]], object]]
] = {
    "accept": (_Empty, lambda u, t, d: services.accept_task(t, actor=u)),
    "delegate": (forms.DelegateForm, _delegate),
    "refer": (
        forms.ReferForm,
        lambda u, t, d: services.refer_task(t, actor=u, to=d["to"], reason=d["reason"]),
    ),
    "complete": (
        forms.SummaryForm,
        lambda u, t, d: services.complete_task(t, actor=u, summary=d["summary"]),
    ),
    "withdraw": (
        forms.ReasonForm,
        lambda u, t, d: services.withdraw_task(t, actor=u, reason=d["reason"]),
    ),
}


@require_POST
@staff_view
def task_action(request: HttpRequest, tracking_id: str, task_id: int, action: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    report = report_or_404(user, tracking_id)
    task = get_object_or_404(Task, pk=task_id, case_id=report.pk)
    if action not in TASK_ACTIONS:
        raise Http404
    form_class, handler = TASK_ACTIONS[action]
    return _run(request, user, report, form_class, lambda d: handler(user, task, d), action)


def _run(
    request: HttpRequest,
    user: User,
    report: Report,
    form_class: type[django_forms.Form],
    call: Callable[[dict[str, Any]], object],
    action: str,
) -> HttpResponse:
    form = form_class(request.POST)
    if not form.is_valid():
        return _refuse(request, user, report, _form_errors(form))
    try:
        result = call(form.cleaned_data)
    except WorkflowError as error:
        return _refuse(request, user, report, error.message)
    messages.success(request, FEEDBACK[action](report, form.cleaned_data, result))
    return redirect("console:case", tracking_id=report.tracking_id)


def _refuse(request: HttpRequest, user: User, report: Report, message: str) -> HttpResponse:
    messages.error(request, message)
    report.refresh_from_db()
    response = render(request, "console/case.html", case_context(user, report))
    response.status_code = 400
    return response


def _form_errors(form: django_forms.Form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        text = " ".join(str(e) for e in errors)
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)
