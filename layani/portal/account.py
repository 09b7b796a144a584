"""Optional citizen accounts: sign up, sign in, "laporan saya", notification preferences.

An account is never needed to report; it saves typing contact details and lists one's reports.
Reports made as a guest stay reachable with tracking ID + access code.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from layani.accounts.models import User
from layani.intake.models import Report
from layani.security.login import ThrottledLoginMixin, is_staff_account

from .forms import PreferencesForm, SignUpForm
from .models import NotificationPreference
from .track import remember_tracked

LOGIN_URL = reverse_lazy("portal:sign-in")


@never_cache
def sign_up(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("portal:my-reports")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/sign_up.html", {"form": form}, status=status)


class CitizenSignInForm(AuthenticationForm):
    """Django's sign-in form, refusing staff accounts once their password has been checked."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "staff_account": gettext_lazy(
            "This is a staff account. Sign in through the staff sign-in page."
        ),
    }

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if is_staff_account(user):
            raise ValidationError(self.error_messages["staff_account"], code="staff_account")


class SignInView(ThrottledLoginMixin, LoginView):
    """Citizens' sign-in, under the same failure policy as every door (layani.security.login).

    Staff accounts (a console role, or is_staff/superuser) get no session here: after a correct
    password they are told, with a link, to use the staff sign-in `/konsol/masuk/` (403), where
    the second factor is asked. They are told rather than redirected: a redirect could not carry
    the sign-in across without a session made here first. A wrong password gets the same 400 as
    for any account, so the page says nothing about who is staff before the password is right.
    Wrong passwords count towards the shared lock; a staff account's right password neither
    counts nor clears it.
    """

    template_name = "portal/sign_in.html"
    authentication_form = CitizenSignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return str(reverse_lazy("portal:my-reports"))

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        staff = form.has_error(NON_FIELD_ERRORS, "staff_account")
        response = self.render_to_response(self.get_context_data(form=form, staff_account=staff))
        response.status_code = 403 if staff else 400
        return response


@login_required(login_url=LOGIN_URL)
def my_reports(request: HttpRequest) -> HttpResponse:
    """The signed-in citizen's own reports, every tier (they are the reporter)."""
    reports = (
        # nosemgrep: report-queryset-in-adapter - the citizen's own reports (they are the reporter)
        Report.objects.filter(identity__user_id=_user_id(request))
        .select_related("category", "region")
        .order_by("-submitted_at")
    )
    page = Paginator(reports, 20).get_page(request.GET.get("page"))
    return render(request, "portal/my_reports.html", {"page": page})


@login_required(login_url=LOGIN_URL)
@require_POST
def open_my_report(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Unlock one of the citizen's own reports for the tracking page (no access code needed)."""
    # nosemgrep: report-queryset-in-adapter - only a report this signed-in citizen sent
    report = Report.objects.filter(
        tracking_id=tracking_id, identity__user_id=_user_id(request)
    ).first()
    if report is None:
        return redirect("portal:my-reports")
    remember_tracked(request, report.tracking_id)
    return redirect("portal:my-report", tracking_id=report.tracking_id)


@login_required(login_url=LOGIN_URL)
def preferences(request: HttpRequest) -> HttpResponse:
    preference = NotificationPreference.for_user(request.user)
    form = PreferencesForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification preferences were saved."))
        return redirect("portal:preferences")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/preferences.html", {"form": form}, status=status)


def _user_id(request: HttpRequest) -> int:
    # Only called behind login_required, so there is always a signed-in user.
    return int(request.user.pk or 0)
