"""The public Musrenbang pages in a real browser: axe finds no serious or critical problem."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.accounts.models import Membership, Role, User
from layani.directory.models import Region
from layani.intake.models import Channel, ReportType
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.planning import services
from layani.planning.models import Reason, Stage

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def serious_accessibility_problems(page):
    page.evaluate(AXE.read_text() + "\n;window.axe = axe; 0")
    result = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical")]


@pytest.fixture
def proposal(cast, audit_purged):
    planner = User.objects.create_user(username="bappeda", password="x-pass-123")
    Membership.objects.create(user=planner, agency=cast.pemda, role=Role.PLANNER)
    d = date(2026, 1, 10)
    year = services.create_year(2027, dict.fromkeys(Stage.values, (d, d)))
    reports = [
        submit_report(
            ReportSubmission(
                description=text,
                region_code=A_SLEMAN_VILLAGE,
                channel=Channel.WEB,
                category_code="jalan-rusak",
                type=ReportType.ASPIRATION,
                identity=Identity(name="Warga", email="w@example.org"),
            )
        ).report
        for text in (
            "Usul jembatan gantung di dusun Karang untuk anak sekolah.",
            "Mohon pembangunan drainase di pasar desa yang tergenang.",
        )
    ]
    draft = services.ProposalDraft(
        title="Jembatan Karang",
        location="Dusun Karang",
        problem="Anak sekolah menyeberang sungai",
        activity="Pembangunan jembatan gantung",
        volume=Decimal("1"),
        unit="unit",
        cost_estimate=Decimal("350000000"),
    )
    p = services.create_proposal(
        planner, year, Region.objects.get(code=A_SLEMAN_VILLAGE), draft, [reports[0].tracking_id]
    )
    services.accept(planner, p)
    return services.reject(planner, p, reason=Reason.NO_BUDGET, note="Pagu habis")


@pytest.mark.parametrize(
    "path",
    [
        "/musrenbang/",
        "/musrenbang/wilayah/34.04.07/",
        "/musrenbang/akuntabilitas/",
        "proposal",
    ],
)
def test_planning_pages_have_no_serious_accessibility_problems(new_page, proposal, path):
    page = new_page()
    page.goto(f"/musrenbang/usulan/{proposal.code}/" if path == "proposal" else path)
    assert page.locator("h1").count() == 1
    assert serious_accessibility_problems(page) == []


def test_a_guest_supports_a_proposal_once_with_the_proof_of_work(new_page, proposal, settings):
    from layani.planning.models import Proposal

    settings.LAYANI_SUPPORT_PROOF_BITS = 8
    going = Proposal.objects.exclude(pk=proposal.pk).first() or Proposal.objects.create(
        code="USL-2027-0900",
        planning_year=proposal.planning_year,
        region=proposal.region,
        title="Posyandu",
        location="Karang",
        problem="Jauh",
        activity="Bangun",
        unit="unit",
    )
    page = new_page()
    page.goto(f"/musrenbang/usulan/{going.code}/")
    page.click("form[data-support-proof] button[type=submit]")
    page.wait_for_url("**#support")
    going.refresh_from_db()
    assert going.support_count == 1
    assert serious_accessibility_problems(page) == []
