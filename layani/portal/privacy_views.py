"""A signed-in citizen's rights over their data (UU PDP): download it, restrict its processing.

Pages under /akun/data-saya/. The privacy app does the work; this module only parses and renders,
and answers the privacy app's signals for what the portal itself keeps (notification preferences).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from layani.accounts.models import User
from layani.privacy.export import CONTENT_TYPES, FORMATS, export_subject
from layani.privacy.models import ReportPrivacy
from layani.privacy.requests import set_restriction
from layani.privacy.selectors import reports_of_user

from .account import LOGIN_URL
from .models import NotificationPreference


@never_cache
@login_required(login_url=LOGIN_URL)
def my_data(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    reports = list(reports_of_user(user))
    restricted = set(
        ReportPrivacy.objects.filter(report__in=reports, restricted=True).values_list(
            "report_id", flat=True
        )
    )
    return render(
        request,
        "portal/my_data.html",
        {
            "reports": reports,
            "restricted": restricted,
            "all_restricted": bool(reports) and len(restricted) == len(reports),
        },
    )


@never_cache
@login_required(login_url=LOGIN_URL)
@require_POST
def download(request: HttpRequest) -> HttpResponse:
    """Everything held about the signed-in citizen, as a file (POST: each download is audited)."""
    file_format = request.POST.get("format", "json")
    if file_format not in FORMATS:
        messages.error(request, _("Choose JSON or CSV for the download."))
        return redirect("portal:my-data")
    user = _user(request)
    _request, body = export_subject(
        reports_of_user(user), handled_by=None, account=user, file_format=file_format
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="layani-data-saya-{stamp}.{file_format}"'
    )
    return response


@never_cache
@login_required(login_url=LOGIN_URL)
@require_POST
def restrict(request: HttpRequest) -> HttpResponse:
    """Restrict (or lift the restriction of) processing on all the citizen's reports."""
    action = request.POST.get("action")
    if action not in ("restrict", "lift"):
        messages.error(request, _("Choose whether to restrict processing or lift the restriction."))
        return redirect("portal:my-data")
    user = _user(request)
    set_restriction(reports_of_user(user), restricted=action == "restrict", handled_by=None)
    if action == "restrict":
        messages.success(
            request,
            _(
                "Processing of your personal data is restricted: agencies cannot reveal your "
                "identity and we no longer send you notifications."
            ),
        )
    else:
        messages.success(request, _("The restriction was lifted."))
    return redirect("portal:my-data")


def _user(request: HttpRequest) -> User:
    # Only called behind login_required, so there is always a signed-in user.
    return User.objects.get(pk=int(request.user.pk or 0))


def export_preferences(sender: object, *, user: User, **kwargs: Any) -> tuple[str, Any] | None:
    """The account's notification preferences, for the subject access export."""
    preference = NotificationPreference.objects.filter(user=user).first()
    if preference is None:
        return None
    return (
        "notification_preferences",
        {
            "phone": preference.phone,
            "by_email": preference.by_email,
            "by_sms": preference.by_sms,
            "on_follow_up": preference.on_follow_up,
            "on_status_change": preference.on_status_change,
        },
    )


def erase_preferences(sender: object, *, user: User, **kwargs: Any) -> None:
    """An erased account keeps no preferences (they hold a phone number)."""
    NotificationPreference.objects.filter(user=user).delete()
