"""Reads about users' roles and the agencies they act for."""

from __future__ import annotations

from django.db.models import QuerySet

from layani.directory.models import Agency

from .models import Membership, User


def active_memberships(user: User) -> QuerySet[Membership]:
    """The user's active staff roles, with agency and unit loaded."""
    return Membership.objects.filter(user=user, is_active=True).select_related("agency", "unit")


def agencies_where(user: User, *roles: str) -> QuerySet[Agency]:
    """The agencies in which `user` holds any of `roles` (any role when none are given)."""
    memberships = Membership.objects.filter(user=user, is_active=True)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return Agency.objects.filter(pk__in=memberships.values("agency_id"))


def is_staff_member(user: User) -> bool:
    return user.is_authenticated and Membership.objects.filter(user=user, is_active=True).exists()
