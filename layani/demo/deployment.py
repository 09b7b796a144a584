"""Building the demo deployment: agencies of Daerah Istimewa Yogyakarta with their units, staff for
every role, the responsibility matrix, and authenticators for the staff who need a second factor.
The data lives in organisations.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency, AgencyKind, Category, GovernmentLevel, Responsibility

from .organisations import (
    AGENCIES,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    HANDLER_ROLE,
    LOCAL_OVERRIDES,
    NATIONAL_HANDLER,
    PROVINCE,
    REGENCIES,
    STAFF_NAMES,
    UNITS,
)

__all__ = ["DEMO_PASSWORD", "DEMO_TOTP_SECRET", "PROVINCE", "REGENCIES", "build_organisations"]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    agency: str


@transaction.atomic
def build_organisations() -> list[DemoLogin]:
    """Create the agencies, units, staff for every role and the responsibility matrix."""
    agencies: dict[str, Agency] = {}
    for spec in AGENCIES:
        agency = Agency.objects.create(
            slug=spec.slug,
            name=spec.name,
            short_name=spec.short_name,
            level=spec.level,
            kind=spec.kind,
            region_id=spec.region,
            parent=agencies.get(spec.parent) if spec.parent else None,
        )
        agencies[spec.slug] = agency
        for unit_name in UNITS[spec.role]:
            agency.units.create(name=unit_name)
    logins = _build_staff(agencies)
    _build_matrix(agencies)
    _enrol_demo_authenticators()
    return logins


def _enrol_demo_authenticators() -> None:
    from django.utils import timezone

    from layani.security.models import TotpDevice
    from layani.security.totp import ROLES_NEEDING_TOTP

    users = User.objects.filter(memberships__role__in=ROLES_NEEDING_TOTP).distinct()
    TotpDevice.objects.bulk_create(
        TotpDevice(user=u, secret=DEMO_TOTP_SECRET, confirmed_at=timezone.now()) for u in users
    )


def _build_staff(agencies: dict[str, Agency]) -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    roles_by_spec = {spec.slug: spec for spec in AGENCIES}

    # Hash the shared demo password once: a full-strength hash per account would take minutes.
    password_hash = make_password(DEMO_PASSWORD)

    def add(username: str, agency: Agency, role: str, first: str, last: str) -> None:
        user = User.objects.create(
            username=username, password=password_hash, first_name=first, last_name=last
        )
        unit = agency.units.first() if role == Role.OFFICER else None
        Membership.objects.create(user=user, agency=agency, role=role, unit=unit)
        logins.append(DemoLogin(username, role, agency.short_name))

    people = iter(STAFF_NAMES * 20)
    for slug, agency in agencies.items():
        spec = roles_by_spec[slug]
        if spec.kind == AgencyKind.OVERSIGHT:
            add(f"pengawas.{slug}", agency, Role.OVERSIGHT, *next(people))
            continue
        if spec.role == "pemda":
            add(f"koordinator.{slug}", agency, Role.COORDINATOR, *next(people))
        add(f"admin.{slug}", agency, Role.AGENCY_ADMIN, *next(people))
        add(f"atasan.{slug}", agency, Role.SUPERVISOR, *next(people))
        add(f"petugas1.{slug}", agency, Role.OFFICER, *next(people))
        add(f"petugas2.{slug}", agency, Role.OFFICER, *next(people))
    return logins


def _build_matrix(agencies: dict[str, Agency]) -> None:
    by_region_role: dict[tuple[str | None, str], Agency] = {}
    for spec in AGENCIES:
        by_region_role.setdefault((spec.region, spec.role), agencies[spec.slug])
    categories = {c.code: c for c in Category.objects.all()}
    cells: list[Responsibility] = []
    for main_code, role in HANDLER_ROLE.items():
        main = categories[main_code]
        for region in [PROVINCE, *REGENCIES]:
            level = GovernmentLevel.PROVINCE if region == PROVINCE else GovernmentLevel.REGENCY
            agency = by_region_role.get((region, role)) or by_region_role[(region, "pemda")]
            cells.append(
                Responsibility(category=main, level=level, region_id=region, agency=agency)
            )
    for code, slug in NATIONAL_HANDLER.items():
        cells.append(
            Responsibility(
                category=categories[code], level=GovernmentLevel.NATIONAL, agency=agencies[slug]
            )
        )
    for code, region, slug in LOCAL_OVERRIDES:
        cells.append(
            Responsibility(
                category=categories[code],
                level=GovernmentLevel.REGENCY,
                region_id=region,
                agency=agencies[slug],
            )
        )
    village_government = categories["pemerintahan-desa"]
    for spec in AGENCIES:
        if spec.level == GovernmentLevel.VILLAGE:
            cells.append(
                Responsibility(
                    category=village_government,
                    level=GovernmentLevel.VILLAGE,
                    region_id=spec.region,
                    agency=agencies[spec.slug],
                )
            )
    Responsibility.objects.bulk_create(cells)
