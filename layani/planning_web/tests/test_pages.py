"""The public Musrenbang pages and the planning officer's desk, through the test client."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Region
from layani.intake.models import Channel, ReportType
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.planning import services
from layani.planning.models import Proposal, Reason, Stage, Status

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world(cast):
    planner = User.objects.create_user(username="bappeda", password="x-pass-123")
    Membership.objects.create(user=planner, agency=cast.pemda, role=Role.PLANNER)
    d = date(2026, 1, 10)
    year = services.create_year(2027, dict.fromkeys(Stage.values, (d, d)))
    report = submit_report(
        ReportSubmission(
            description="Usul jembatan gantung di dusun Karang untuk anak sekolah.",
            region_code="34.04.07.2001",
            channel=Channel.WEB,
            category_code="jalan-rusak",
            type=ReportType.ASPIRATION,
            identity=Identity(name="Warga", email="w@example.org"),
        )
    ).report
    return planner, year, report


def test_region_and_proposal_pages_show_candidates_then_history(client, world):
    planner, year, report = world
    page = client.get("/musrenbang/wilayah/34.04.07/", **EN)
    assert page.status_code == 200
    assert f'data-candidate="{report.tracking_id}"' in page.content.decode()
    draft = services.ProposalDraft(
        title="Jembatan Karang",
        location="Karang",
        problem="Sungai",
        activity="Bangun jembatan",
        volume=Decimal("1"),
        unit="unit",
        cost_estimate=Decimal("100"),
    )
    p = services.create_proposal(
        planner, year, Region.objects.get(code="34.04.07.2001"), draft, [report.tracking_id]
    )
    services.reject(planner, p, reason=Reason.NOT_FEASIBLE, note="Tanah belum ada")
    body = client.get(f"/musrenbang/usulan/{p.code}/", **EN).content.decode()
    assert 'data-status="rejected"' in body and "Not feasible" in body and "Tanah belum ada" in body
    assert client.get("/musrenbang/usulan/USL-0000-0000/").status_code == 404
    points = client.get("/musrenbang/wilayah/34.04/peta.json").json()
    assert points["total"] == 0 and points["clusters"] == []
    acc = client.get("/musrenbang/akuntabilitas/?wilayah=34.04&tahun=2027", **EN)
    assert acc.status_code == 200 and 'data-region="34.04.07"' in acc.content.decode()


def test_support_once_per_account(client, world, cast):
    _planner, year, _report = world
    p = Proposal.objects.create(
        code="USL-2027-0100",
        planning_year=year,
        region_id="34.04.07.2001",
        title="t",
        location="l",
        problem="p",
        activity="a",
        unit="u",
    )
    client.force_login(cast.citizen)
    for _ in range(2):
        client.post(f"/musrenbang/usulan/{p.code}/dukung/")
    p.refresh_from_db()
    assert p.support_count == 1


def test_desk_import_bad_file_is_a_message_not_a_500(client, world, staff_login):
    planner, _year, _report = world
    staff = staff_login(planner)
    assert staff.get("/konsol/perencanaan/", **EN).status_code == 200
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.csv", b"\x00\x01garbage\xff", content_type="text/csv")
    r = staff.post("/konsol/perencanaan/impor/", {"file": bad}, **EN)
    assert r.status_code == 400 and "neither a CSV" in r.content.decode()
    csv = staff.get("/konsol/perencanaan/ekspor.csv")
    assert csv.status_code == 200 and csv.content.decode("utf-8-sig").startswith("kode_usulan,")
    assert Proposal.objects.filter(status=Status.AT_DESA).count() == 0
