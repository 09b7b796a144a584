"""What every console view shares: staff-only access, a second factor for roles that can reveal
identities, and no caching of pages with personal data."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.decorators.cache import never_cache

from layani.accounts.models import User
from layani.accounts.selectors import is_staff_member
from layani.cases.permissions import get_report_for_staff
from layani.intake.models import Report
from layani.intake.tracking import normalize_tracking_id
from layani.security.totp import second_factor_redirect

View = Callable[..., HttpResponseBase]  # pages, and FileResponse downloads


def staff_view(view: View) -> View:
    """Signed-in staff only; responses are never cached (they may hold identities)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_staff_member(request.user):  # type: ignore[arg-type]
            raise Http404
        step = second_factor_redirect(request)
        if step is not None:
            return step
        return view(request, *args, **kwargs)

    return login_required(never_cache(wrapper))


def report_or_404(user: User, tracking_id: str) -> Report:
    canonical = normalize_tracking_id(tracking_id)
    if canonical is None:
        raise Http404
    try:
        return get_report_for_staff(user, canonical)
    except Report.DoesNotExist:
        raise Http404 from None
