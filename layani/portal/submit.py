"""Submitting a report from the portal, with and without JavaScript.

Without JavaScript everything is a plain POST of one form: the "Lanjut" buttons (`step`) send the form
back to fill the next region select, show the category's questions or look for similar reports; the
final button submits. With htmx the same fragments arrive without a page load, and the service worker
keeps a report typed offline on the device until it can be sent (static/portal/outbox.js).

Every retry is safe: the form carries an idempotency key (a UUID made when the form is first shown),
so a second POST of the same form returns the first report's receipt instead of a second report.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import (
    Identity,
    ReportSubmission,
    SubmissionError,
    SubmissionReceipt,
    submit_report,
)
from layani.security.ratelimit import client_ip, hit, limit_for, too_many_requests

from . import routing_seam
from .browser_texts import form_strings, outbox_strings, pin_strings
from .forms import INTAKE_FIELD_MAP, ReportForm
from .models import NotificationPreference
from .places import map_settings
from .privacy_texts import PRIVACY_EXPLANATIONS, PRIVACY_SUMMARIES
from .regions import LEVEL_FIELDS, chosen_from_code, region_levels, search_regions
from .track import remember_tracked
from .uploads import ACCEPT, UploadError, check_uploads

logger = logging.getLogger(__name__)

RECEIPT_KEY = "layani_receipt"


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    """The report form. GET shows it; POST either takes a step (no-JS round trip) or submits."""
    user = request.user if request.user.is_authenticated else None
    if request.method != "POST":
        return _render(request, ReportForm(user=user, initial=_initial_for(user)))
    data = request.POST.copy()
    if data.get("use_category"):
        data["category"] = str(data.get("use_category", ""))
    form = ReportForm(data, request.FILES, user=user)
    if data.get("step") or data.get("use_category"):
        return _render(request, form, assist=True, step=True)
    if not form.is_valid():
        return _invalid(request, form)
    if not request.user.is_authenticated:
        # Anonymous submissions are limited per address (the no-JS "Lanjut" steps are not counted).
        limit, window = limit_for("submit")
        allowed, retry_after = hit("submit", client_ip(request), limit, window)
        if not allowed:
            return too_many_requests(retry_after)
    try:
        attachments = check_uploads(request.FILES.getlist("attachments"))
    except UploadError as error:
        form.add_error("attachments", error.message)
        return _invalid(request, form)
    try:
        receipt = submit_report(_submission(form, attachments))
    except SubmissionError as error:
        if error.code == "idempotency_conflict":
            # The same form was sent before with other content (the back button, then edits):
            # a new key makes this a new report if the citizen sends it again.
            data["idempotency_key"] = str(uuid.uuid4())
            form = ReportForm(data, request.FILES, user=user)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "This form was already sent as another report. Check your report below "
                    "and press Send again to send it as a new one."
                ),
            )
            return _invalid(request, form)
        form.add_error(_form_field_for(error.field, form), error.message)
        return _invalid(request, form)
    _remember(request, receipt)
    if receipt.created:
        _send_receipt_email(request, form, receipt)
    if _wants_json(request):
        return JsonResponse(_receipt_json(request, receipt), status=201 if receipt.created else 200)
    return redirect("portal:submitted")


def _form_field_for(intake_field: str, form: ReportForm) -> str | None:
    """The form field that shows an intake error (None: the summary at the top)."""
    if intake_field.startswith("answers."):
        name = f"q_{intake_field.removeprefix('answers.')}"
        return name if name in form.fields else None
    if intake_field == "region":
        return next((lv.field for lv in reversed(form.levels) if lv.selected), "province")
    return INTAKE_FIELD_MAP.get(intake_field)


def _initial_for(user: Any) -> dict[str, Any]:
    return {"name": user.get_full_name(), "email": user.email} if user else {}


def _submission(form: ReportForm, attachments: list[Any]) -> ReportSubmission:
    data = form.cleaned_data
    user = form.user
    if user is not None:
        preference = NotificationPreference.for_user(user)
        identity = Identity(
            name=user.get_full_name() or data["name"],
            email=user.email,
            phone=data["phone"] or preference.phone,
            show_name_publicly=data["show_name_publicly"],
            user=user,
        )
    else:
        identity = Identity(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            show_name_publicly=data["show_name_publicly"],
        )
    return ReportSubmission(
        description=data["description"],
        title=data["title"],
        type=data["type"],
        category_code=data["category"],
        region_code=form.region_code,
        latitude=data["latitude"],
        longitude=data["longitude"],
        address=data["address"],
        privacy=data["privacy"],
        channel=Channel.WEB,
        idempotency_key=data["idempotency_key"],
        identity=identity,
        attachments=tuple(attachments),
        answers=form.answers(),
    )


def _invalid(request: HttpRequest, form: ReportForm) -> HttpResponse:
    if _wants_json(request):
        errors = [
            {"field": anchor, "label": label, "message": message}
            for anchor, label, message in form.error_summary()
        ]
        return JsonResponse({"errors": errors}, status=400)
    return _render(request, form, status=400, show_errors=True)


def _render(
    request: HttpRequest,
    form: ReportForm,
    *,
    status: int = 200,
    show_errors: bool = False,
    assist: bool = False,
    step: bool = False,
) -> HttpResponse:
    if show_errors:
        form.mark_errors()
    context: dict[str, Any] = {
        "form": form,
        "show_errors": show_errors,
        "step": step,
        "privacy_options": [
            (tier.value, tier.label, PRIVACY_SUMMARIES[tier], PRIVACY_EXPLANATIONS[tier])
            for tier in PrivacyTier
        ],
        "privacy_value": str(form["privacy"].value() or ""),
        "accept": ACCEPT,
        **map_settings(),
        "pin_strings": pin_strings(),
        "outbox_strings": outbox_strings(),
        "form_strings": form_strings(),
        "sign_in_url": reverse("portal:sign-in") + "?next=" + reverse("portal:submit"),
    }
    # With a map (tiles or boundaries), JavaScript fills the coordinates from the pin; the fields
    # stay for browsers without it, and show whenever they hold an error to correct.
    context["has_map"] = bool(context["map_tile_url"] or context["map_areas"])
    coordinate_errors = show_errors and ("latitude" in form.errors or "longitude" in form.errors)
    context["coordinates_nojs_only"] = context["has_map"] and not coordinate_errors
    if assist or show_errors:
        context.update(_assist(form))
    return render(request, "portal/submit.html", context, status=status)


def _assist(form: ReportForm) -> dict[str, Any]:
    """The router's category suggestion and similar public reports for what is typed so far."""
    text = f"{form.data.get('title', '')}. {form.data.get('description', '')}".strip(". ")
    region = form.region_code
    lat, lng = _float(form.data.get("latitude")), _float(form.data.get("longitude"))
    suggestion = None
    if not form.data.get("category"):
        suggestion = routing_seam.suggest_category(text, region)
    similar = routing_seam.similar_public_reports(text, region, lat, lng)
    return {"suggestion": suggestion, "similar": similar, "assisted": True}


def _float(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", ".")) if value not in (None, "") else None
    except ValueError:
        return None


def _remember(request: HttpRequest, receipt: SubmissionReceipt) -> None:
    """Keep the receipt for the "sent" page and unlock the report for tracking in this session."""
    tracking_id = receipt.report.tracking_id
    request.session[RECEIPT_KEY] = {"tracking_id": tracking_id, "access_code": receipt.access_code}
    remember_tracked(request, tracking_id)


def _receipt_json(request: HttpRequest, receipt: SubmissionReceipt) -> dict[str, Any]:
    report = receipt.report
    return {
        "tracking_id": report.display_tracking_id,
        "access_code": receipt.access_code,
        "created": receipt.created,
        # The reporter's own words, back to the reporter who just sent them.
        "title": report.title,  # nosemgrep: raw-report-text
        "track_url": request.build_absolute_uri(
            reverse("portal:my-report", args=[report.tracking_id])
        ),
    }


def _send_receipt_email(request: HttpRequest, form: ReportForm, receipt: SubmissionReceipt) -> None:
    """E-mail the tracking ID and access code, after commit, when the reporter gave an address."""
    user = form.user
    address = user.email if user is not None else form.cleaned_data["email"]
    if not address:
        return
    if user is not None and not NotificationPreference.for_user(user).by_email:
        return
    report = receipt.report
    body = render_to_string(
        "portal/email_receipt.txt",
        {
            "report": report,
            "access_code": receipt.access_code,
            "track_url": request.build_absolute_uri(reverse("portal:track")),
        },
    )
    subject = _("Your report %(id)s was received") % {"id": report.display_tracking_id}

    def send() -> None:
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # the receipt is on screen; a mail outage must not undo the report
            logger.exception("receipt e-mail for %s failed", report.tracking_id)

    transaction.on_commit(send)


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The receipt: tracking ID and access code, shown once more on reload in this session."""
    receipt = request.session.get(RECEIPT_KEY)
    if not receipt:
        return redirect("portal:submit")
    from layani.intake.models import Report

    # nosemgrep: report-queryset-in-adapter - the report this session just submitted (its receipt)
    report = Report.objects.filter(tracking_id=receipt["tracking_id"]).first()
    if report is None:
        return redirect("portal:submit")
    return render(
        request,
        "portal/submitted.html",
        {"report": report, "access_code": receipt["access_code"]},
    )


@require_GET
def region_fields(request: HttpRequest) -> HttpResponse:
    """htmx: the four region selects for the current choice (or for a picked search result)."""
    picked = request.GET.get("pick", "")
    chosen = (
        chosen_from_code(picked) if picked else {f: request.GET.get(f, "") for f in LEVEL_FIELDS}
    )
    changed = request.headers.get("HX-Trigger-Name", "")
    if changed in LEVEL_FIELDS:
        # Everything below the select that changed no longer applies.
        for name in LEVEL_FIELDS[LEVEL_FIELDS.index(changed) + 1 :]:
            chosen[name] = ""
    form = ReportForm(user=None, initial=chosen)
    return render(
        request, "portal/_region_fields.html", {"form": form, "levels": region_levels(chosen)}
    )


@require_GET
def region_search(request: HttpRequest) -> HttpResponse:
    """htmx type-ahead: regions whose name matches, each a button that fills the selects."""
    results = search_regions(request.GET.get("q", ""))
    return render(
        request, "portal/_region_results.html", {"results": results, "q": request.GET.get("q", "")}
    )


@require_GET
def category_questions(request: HttpRequest) -> HttpResponse:
    """htmx: the chosen category's extra questions."""
    form = ReportForm(user=None, initial={"category": request.GET.get("category", "")})
    return render(request, "portal/_questions.html", {"form": form})


@require_POST
def assist(request: HttpRequest) -> HttpResponse:
    """htmx: suggestion and similar reports for the text typed so far (POST: text stays out of URLs)."""
    form = ReportForm(request.POST, user=None)
    return render(request, "portal/_assist.html", {"form": form, **_assist(form)})


def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the root so that its scope covers the whole portal."""
    response = render(
        request,
        "portal/sw.js",
        {"version": getattr(settings, "LAYANI_PORTAL_SW_VERSION", "1")},
        content_type="application/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@never_cache
def outbox(request: HttpRequest) -> HttpResponse:
    """The page that lists reports waiting on this device (the list itself lives in the browser)."""
    return render(request, "portal/outbox.html", {"outbox_strings": outbox_strings()})
