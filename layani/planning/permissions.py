"""Who may plan where: planning officers (and coordinators, for raising complaints) by region.

A planning officer's scope comes from the region of the agency they hold the role in: an agency at
a kecamatan gives `Scope.DISTRICT` over that kecamatan, an agency at a regency, city or province
(Bappeda) gives `Scope.REGENCY` over it. Coordinators may raise recurring complaints of their region
into a proposal, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from layani.accounts.models import Membership, Role, User
from layani.directory.models import RegionLevel

from .workflow import Scope


@dataclass(frozen=True)
class Desk:
    """One planning role of a user: where (a region code) and how far (scope)."""

    region_code: str
    scope: Scope
    role: str

    def covers(self, region_code: str) -> bool:
        return region_code == self.region_code or region_code.startswith(f"{self.region_code}.")


def desks(user: User, roles: tuple[str, ...] = (Role.PLANNER,)) -> list[Desk]:
    if not user.is_authenticated:
        return []
    rows = Membership.objects.filter(user=user, is_active=True, role__in=roles).select_related(
        "agency__region"
    )
    found = []
    for m in rows:
        region = m.agency.region
        if region is None:
            continue
        scope = Scope.DISTRICT if region.level >= RegionLevel.DISTRICT else Scope.REGENCY
        found.append(Desk(region.code, scope, m.role))
    return found


def planning_scope(user: User, region_code: str) -> Scope | None:
    """The widest planning scope `user` has over `region_code`, or None."""
    scopes = {d.scope for d in desks(user) if d.covers(region_code)}
    if Scope.REGENCY in scopes:
        return Scope.REGENCY
    return Scope.DISTRICT if scopes else None


def may_raise_complaints(user: User, region_code: str) -> bool:
    """Planning officers and coordinators of the region may raise complaints into a proposal."""
    roles = (Role.PLANNER, Role.COORDINATOR)
    return any(d.covers(region_code) for d in desks(user, roles))
