"""The second-factor step: enrol an authenticator app, then enter its code after signing in."""

from __future__ import annotations

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from layani.accounts.models import User

from .ratelimit import rate_limited
from .totp import check_code, mark_verified, pending_device, provisioning_uri


@never_cache
@login_required
@rate_limited("totp")
def second_factor(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    device = pending_device(user)
    error = ""
    if request.method == "POST":
        if check_code(user, request.POST.get("code", "")):
            mark_verified(request)
            target = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
                target = "console:home"
            return redirect(target)
        error = _("That code is not right or was already used. Enter the newest code.")
    context = {
        "enrolled": device.confirmed_at is not None,
        "error": error,
        "next": request.GET.get("next") or request.POST.get("next", ""),
    }
    if device.confirmed_at is None:
        uri = provisioning_uri(device)
        context.update(
            {"secret": device.secret, "qr_svg": segno.make(uri, error="m").svg_inline(scale=4)}
        )
    return render(request, "security/second_factor.html", context, status=400 if error else 200)
