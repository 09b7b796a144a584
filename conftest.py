"""Fixtures shared by every app's tests: a small region set, the default categories, a cast of users.

The cast (see docs/glossary.md for the roles), all in Kabupaten Sleman: `citizen`, `coordinator`
(Pemkab Sleman's complaint unit), `officer_pu` and `officer_dinkes` (officers of two agencies),
`supervisor` (head of the public-works office), `auditor` (Inspektorat, oversight). `team` adds
agency admins, Satpol PP Sleman (an uninvolved agency) and a Bantul coordinator (out of region).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

#: The Daerah Istimewa Yogyakarta province: 5 regencies/cities, 78 districts, 438 villages.
TEST_PROVINCE = "34"
SLEMAN = "34.04"
KOTA_YOGYAKARTA = "34.71"
A_SLEMAN_VILLAGE = "34.04.07.2001"


@pytest.fixture
def audit_purged(transactional_db):
    """For `transaction=True` tests that write audit entries: the runner's flush cannot empty the
    append-only audit tables, so they are emptied (triggers bypassed) before it runs."""
    yield
    from layani.audit.testing import purge_audit_log

    purge_audit_log()


@pytest.fixture
def private_cache(settings):
    """A cache of the test's own (local memory), which the test may clear: clearing the shared one
    would flush the Redis that the PostgreSQL pass's parallel test processes all use."""
    import uuid

    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"private-{uuid.uuid4()}",
        }
    }
    return cache


@pytest.fixture
def staff_login(client):
    """Sign a staff user in, second factor included (as after entering their TOTP code)."""
    from layani.security.totp import SESSION_FLAG

    def login(user):
        client.force_login(user)
        session = client.session
        session[SESSION_FLAG] = True
        session.save()
        return client

    return login


@pytest.fixture
def regions(db):
    from layani.directory.regions import load_regions

    load_regions({TEST_PROVINCE})


@pytest.fixture
def boundaries(regions):
    """Province 34's packaged boundary polygons (the file is parsed once per process)."""
    from layani.directory.boundaries import load_boundaries

    load_boundaries(TEST_PROVINCE)


@pytest.fixture
def categories(db):
    from layani.directory.services import load_default_categories

    load_default_categories()


@dataclass
class Cast:
    citizen: object
    coordinator: object
    officer_pu: object
    officer_dinkes: object
    supervisor: object
    auditor: object
    pemda: object
    dinas_pu: object
    dinkes: object
    inspektorat: object


@pytest.fixture
def cast(regions, categories):
    from layani.accounts.models import Membership, Role, User
    from layani.directory.models import Agency, AgencyKind, GovernmentLevel

    def agency(slug: str, name: str, kind: str, parent: Agency | None = None) -> Agency:
        return Agency.objects.create(
            slug=slug,
            name=name,
            short_name=name,
            level=GovernmentLevel.REGENCY,
            kind=kind,
            region_id=SLEMAN,
            parent=parent,
        )

    pemda = agency("pemkab-sleman", "Pemkab Sleman", AgencyKind.REGIONAL_GOVERNMENT)
    dinas_pu = agency("dpupkp-sleman", "DPUPKP Sleman", AgencyKind.REGIONAL_OFFICE, pemda)
    dinkes = agency("dinkes-sleman", "Dinkes Sleman", AgencyKind.REGIONAL_OFFICE, pemda)
    inspektorat = agency("inspektorat-sleman", "Inspektorat Sleman", AgencyKind.OVERSIGHT, pemda)

    def user(username: str, agency: Agency | None = None, role: str | None = None) -> User:
        u = User.objects.create_user(username=username, password="test-pass-123")
        if agency is not None and role is not None:
            Membership.objects.create(user=u, agency=agency, role=role)
        return u

    return Cast(
        citizen=user("warga"),
        coordinator=user("koordinator", pemda, Role.COORDINATOR),
        officer_pu=user("petugas_pu", dinas_pu, Role.OFFICER),
        officer_dinkes=user("petugas_dinkes", dinkes, Role.OFFICER),
        supervisor=user("kepala_pu", dinas_pu, Role.SUPERVISOR),
        auditor=user("inspektur", inspektorat, Role.OVERSIGHT),
        pemda=pemda,
        dinas_pu=dinas_pu,
        dinkes=dinkes,
        inspektorat=inspektorat,
    )


@pytest.fixture
def team(cast):
    """The shared cast plus agency admins, a third agency (Satpol PP) and an outsider agency."""
    from layani.accounts.models import Membership, Role, User
    from layani.directory.models import Agency, AgencyKind, GovernmentLevel

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
    """A Sleman road-damage report with a full identity, in the given privacy tier."""
    from layani.intake.models import Channel, PrivacyTier
    from layani.intake.services import Identity, ReportSubmission, submit_report

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
