"""TOTP for staff who can reveal identities or change configuration: coordinators, oversight,
agency admins and supervisors, and every Django admin user (is_staff or superuser). Officers see
identities masked only and need no second factor.

`second_factor_redirect` is the one check: the console's `staff_view` and the Django admin's views
(`layani.security.adminsite`) both send a session without the flag to the console's TOTP step,
which enrols a device first when the user has none.

A code is accepted once (the time step is remembered) within one step of clock drift.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

import pyotp
from django.db import transaction
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from layani.accounts.models import Membership, Role, User

from .models import TotpDevice

SESSION_FLAG = "layani_second_factor_ok"
ROLES_NEEDING_TOTP = (Role.COORDINATOR, Role.OVERSIGHT, Role.AGENCY_ADMIN, Role.SUPERVISOR)
ISSUER = "Layani"
STEP = 30


def needs_second_factor(user: User) -> bool:
    if user.is_staff or user.is_superuser:  # the Django admin changes configuration
        return True
    return Membership.objects.filter(
        user=user, is_active=True, role__in=ROLES_NEEDING_TOTP
    ).exists()


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_FLAG))


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect | None:
    """The way to the TOTP step (and back here after it) for a signed-in user who needs a second
    factor and has not given it in this session; None when the request may go on."""
    user = request.user
    if not user.is_authenticated or is_verified(request):
        return None
    if not needs_second_factor(user):
        return None
    step = reverse("console:second-factor")
    return HttpResponseRedirect(f"{step}?{urlencode({'next': request.get_full_path()})}")


def second_factor_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """View decorator: `second_factor_redirect` first (anonymous requests pass on to the view's
    own sign-in check)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return second_factor_redirect(request) or view(request, *args, **kwargs)

    return wrapper


def mark_verified(request: HttpRequest) -> None:
    request.session.cycle_key()
    request.session[SESSION_FLAG] = True


def pending_device(user: User) -> TotpDevice:
    """The user's device, created unconfirmed with a fresh secret when they have none."""
    device, _ = TotpDevice.objects.get_or_create(
        user=user, defaults={"secret": pyotp.random_base32()}
    )
    return device


def provisioning_uri(device: TotpDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.get_username(), issuer_name=ISSUER
    )


@transaction.atomic
def check_code(user: User, code: str, *, at: float | None = None) -> bool:
    """Accept `code` once for `user`'s device; confirm the device on its first good code."""
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    cleaned = "".join(ch for ch in code if ch.isdigit())
    if device is None or len(cleaned) != 6:
        return False
    now = time.time() if at is None else at
    totp = pyotp.TOTP(device.secret)
    for drift in (0, -1, 1):
        step = int(now // STEP) + drift
        if step > device.last_used_step and totp.at(step * STEP) == cleaned:
            device.last_used_step = step
            device.confirmed_at = device.confirmed_at or timezone.now()
            device.save(update_fields=["last_used_step", "confirmed_at"])
            return True
    return False
