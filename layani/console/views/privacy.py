"""Data subjects' requests handled by a coordinator or oversight member (UU PDP).

For reporters without an account: the staff member checks that the requester controls a contact
(e-mail, phone) or shows the NIK they reported with, then exports, erases or restricts that
person's data in the reports of their region, or puts one report under legal hold. The page needs a
TOTP-verified session, and every request is audited by reference.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from layani.accounts.models import User
from layani.privacy.erasure import erase_subject
from layani.privacy.export import CONTENT_TYPES, export_subject
from layani.privacy.requests import set_legal_hold, set_restriction
from layani.privacy.selectors import may_handle_requests, report_for_staff, reports_by_contact
from layani.security.totp import is_verified

from .base import staff_view


class SubjectRequestForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Request"),
        choices=[
            ("export_json", gettext_lazy("Export the data (JSON)")),
            ("export_csv", gettext_lazy("Export the data (CSV)")),
            ("restrict", gettext_lazy("Restrict processing")),
            ("lift", gettext_lazy("Lift the restriction")),
            ("erase", gettext_lazy("Erase the personal data")),
        ],
    )
    email = forms.EmailField(label=gettext_lazy("Verified e-mail"), required=False)
    phone = forms.RegexField(
        label=gettext_lazy("Verified phone"),
        regex=r"^\+?[0-9][0-9 .\-]{6,18}$",
        required=False,
        error_messages={"invalid": gettext_lazy("Enter a phone number such as 0812 3456 7890.")},
    )
    nik = forms.RegexField(
        label=gettext_lazy("NIK shown by the requester"),
        regex=r"^\d{16}$",
        required=False,
        error_messages={"invalid": gettext_lazy("A NIK has exactly 16 digits.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason and how the requester was verified"),
        min_length=5,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    verified = forms.BooleanField(
        label=gettext_lazy("I checked that the requester controls this contact or holds this NIK")
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not (data.get("email") or data.get("phone") or data.get("nik")):
            raise forms.ValidationError(_("Enter the requester's e-mail, phone or NIK."))
        return data


class LegalHoldForm(forms.Form):
    tracking_id = forms.CharField(label=gettext_lazy("Tracking ID"), max_length=20)
    hold = forms.ChoiceField(
        label=gettext_lazy("Legal hold"),
        choices=[
            ("hold", gettext_lazy("Keep past retention (hold)")),
            ("release", gettext_lazy("Release the hold")),
        ],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for the hold"),
        min_length=5,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@require_http_methods(["GET", "POST"])
@staff_view
def subject_requests(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not may_handle_requests(user):
        raise Http404
    if not is_verified(request):
        # staff_view asks these roles for their code; this keeps the rule even if that changes.
        raise Http404
    which = request.POST.get("form") if request.method == "POST" else None
    form = SubjectRequestForm(request.POST if which == "subject" else None, prefix="s")
    hold_form = LegalHoldForm(request.POST if which == "hold" else None, prefix="h")
    result: str | None = None
    if which == "subject" and form.is_valid():
        outcome = _handle_subject(user, form.cleaned_data)
        if isinstance(outcome, HttpResponse):
            return outcome
        result = outcome
    elif which == "hold" and hold_form.is_valid():
        result = _handle_hold(user, hold_form)
    status = 400 if which and result is None else 200
    context = {"form": form, "hold_form": hold_form, "result": result}
    return render(request, "console/privacy.html", context, status=status)


def _handle_subject(user: User, data: dict[str, str]) -> HttpResponse | str:
    reports = list(
        reports_by_contact(email=data["email"], phone=data["phone"], nik=data["nik"], staff=user)
    )
    action, reason = data["action"], data["reason"]
    if action.startswith("export_"):
        file_format = action.removeprefix("export_")
        _request, body = export_subject(
            reports, handled_by=user, reason=reason, file_format=file_format
        )
        response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
        stamp = timezone.localdate().isoformat()
        name = f"layani-subjek-data-{stamp}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    if not reports:
        return _("No report in your regions carries this contact; nothing was changed.")
    if action == "erase":
        _request, erased, held = erase_subject(reports, handled_by=user, reason=reason)
        message = ngettext(
            "Personal data erased in %(n)d report.",
            "Personal data erased in %(n)d reports.",
            len(erased),
        ) % {"n": len(erased)}
        if held:
            message += " " + _("Kept under legal hold: %(ids)s.") % {"ids": ", ".join(held)}
        return message
    set_restriction(reports, restricted=action == "restrict", handled_by=user, reason=reason)
    n = len(reports)
    if action == "restrict":
        return ngettext(
            "Processing restricted on %(n)d report.", "Processing restricted on %(n)d reports.", n
        ) % {"n": n}
    return ngettext(
        "Restriction lifted on %(n)d report.", "Restriction lifted on %(n)d reports.", n
    ) % {"n": n}


def _handle_hold(user: User, form: LegalHoldForm) -> str | None:
    data = form.cleaned_data
    report = report_for_staff(user, data["tracking_id"])
    if report is None:
        form.add_error("tracking_id", _("No report with this tracking ID in your regions."))
        return None
    held = data["hold"] == "hold"
    set_legal_hold(report, held=held, handled_by=user, reason=data["reason"])
    if held:
        return _("%(id)s is under legal hold.") % {"id": report.display_tracking_id}
    return _("The legal hold on %(id)s was released.") % {"id": report.display_tracking_id}
