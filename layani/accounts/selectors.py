"""Reads about users' roles and the agencies they act for."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from layani.directory.models import Agency

from .models import Membership, Role, User


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


#: Which role's page a person lands on after signing in when they hold several: the widest view
#: of the work first (a coordinator who is also an officer starts at the queue).
LANDING_ORDER = (Role.COORDINATOR, Role.OVERSIGHT, Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.OFFICER)


def landing_membership(user: User) -> Membership | None:
    """The membership whose page `user` lands on after signing in (see LANDING_ORDER)."""
    memberships = list(active_memberships(user))
    rank: dict[str, int] = {str(role): i for i, role in enumerate(LANDING_ORDER)}
    return min(memberships, key=lambda m: (rank.get(m.role, len(rank)), m.pk), default=None)


@dataclass(frozen=True)
class ActorName:
    """Who did something, for people: a staff member's name with role and agency, or a word."""

    name: str
    #: "Officer (petugas) · DPUPKP Sleman"; empty for citizens and the system.
    detail: str = ""


def actor_names(refs: Iterable[str]) -> dict[str, ActorName]:
    """People's words for audit actor references ("user:22", "system", "citizen", ...), in two
    queries whatever their number. Staff are named with their roles; an account without a staff
    role is the reporter's own (citizens are never named); unknown references stay as they are."""
    refs = set(refs)
    user_ids = {int(ref[5:]) for ref in refs if ref.startswith("user:") and ref[5:].isdigit()}
    users = User.objects.in_bulk(user_ids)
    roles: dict[int, list[str]] = {}
    for m in Membership.objects.filter(user_id__in=user_ids, is_active=True).select_related(
        "agency"
    ):
        roles.setdefault(m.user_id, []).append(f"{m.get_role_display()} · {m.agency.short_name}")
    words = {
        "system": _("Layani (automatic)"),
        "citizen": _("The reporter"),
        "reporter": _("The reporter"),
    }
    names = {}
    for ref in refs:
        kind, _sep, rest = ref.partition(":")
        if ref in words:
            names[ref] = ActorName(str(words[ref]))
        elif kind == "user" and rest.isdigit() and int(rest) in users:
            user = users[int(rest)]
            if user.pk in roles:
                names[ref] = ActorName(str(user), "; ".join(sorted(roles[user.pk])))
            else:
                names[ref] = ActorName(str(_("The reporter")))
        elif kind == "open311_key":
            names[ref] = ActorName(str(_("An Open311 integration")))
        elif kind == "peer":
            names[ref] = ActorName(str(_("A federated deployment")), rest)
        else:
            names[ref] = ActorName(ref)
    return names
