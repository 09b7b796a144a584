"""TOTP for staff roles that can reveal identities: coordinators, oversight, agency admins and
supervisors. Officers see identities masked only and need no second factor.

A code is accepted once (the time step is remembered) within one step of clock drift.
"""

from __future__ import annotations

import time

import pyotp
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from layani.accounts.models import Membership, Role, User

from .models import TotpDevice

SESSION_FLAG = "layani_second_factor_ok"
ROLES_NEEDING_TOTP = (Role.COORDINATOR, Role.OVERSIGHT, Role.AGENCY_ADMIN, Role.SUPERVISOR)
ISSUER = "Layani"
STEP = 30


def needs_second_factor(user: User) -> bool:
    return Membership.objects.filter(
        user=user, is_active=True, role__in=ROLES_NEEDING_TOTP
    ).exists()


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_FLAG))


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
