"""A small cast around one Sleman report, on top of the shared `cast` fixture."""

from __future__ import annotations

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency, AgencyKind, GovernmentLevel
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, submit_report


@pytest.fixture
def team(cast):
    """The shared cast plus agency admins, a third agency (Satpol PP) and an outsider agency."""

    def staff(username, agency, role):
        user = User.objects.create_user(username=username, password="x-pass-123")
        Membership.objects.create(user=user, agency=agency, role=role)
        return user

    satpol = Agency.objects.create(
        slug="satpol-sleman",
        name="Satpol PP Sleman",
        short_name="Satpol PP Sleman",
        level=GovernmentLevel.REGENCY,
        kind=AgencyKind.REGIONAL_OFFICE,
        region_id="34.04",
    )
    bantul = Agency.objects.create(
        slug="dinkes-bantul",
        name="Dinkes Bantul",
        short_name="Dinkes Bantul",
        level=GovernmentLevel.REGENCY,
        kind=AgencyKind.REGIONAL_OFFICE,
        region_id="34.02",
    )
    cast.satpol = satpol
    cast.bantul = bantul
    cast.admin_pu = staff("admin_pu", cast.dinas_pu, Role.AGENCY_ADMIN)
    cast.admin_dinkes = staff("admin_dinkes", cast.dinkes, Role.AGENCY_ADMIN)
    cast.admin_satpol = staff("admin_satpol", satpol, Role.AGENCY_ADMIN)
    cast.officer_satpol = staff("petugas_satpol", satpol, Role.OFFICER)
    cast.coordinator_bantul = staff("koordinator_bantul", bantul, Role.COORDINATOR)
    cast.unit_pu = cast.dinas_pu.units.create(name="Bidang Bina Marga")
    return cast


@pytest.fixture
def make_report(categories, regions):
    def make(privacy=PrivacyTier.BIASA, **identity):
        identity = identity or {
            "name": "Siti Rahayu",
            "phone": "081234567890",
            "nik": "3404074107900001",
            "email": "siti@example.org",
        }
        return submit_report(
            ReportSubmission(
                description="Jalan berlubang di depan balai padukuhan, sudah 3 minggu.",
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="jalan-rusak",
                privacy=privacy,
                identity=Identity(**identity),
            )
        ).report

    return make
