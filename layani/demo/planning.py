"""One planning year for the DIY demo: aspirations in Sleman's villages, proposals at every stage.

Built through the same services as real use (`planning.services`), so the demo's proposals have
their audit entries, citizens' timelines and notifications. A Bappeda planning officer
(``perencana.pemda-sleman``, the demo password) is added to Pemda Sleman.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Agency, Region, RegionLevel
from layani.intake.models import Channel, ReportType
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.planning import services
from layani.planning.models import PlanningYear, Proposal, Reason, Stage

from .organisations import DEMO_PASSWORD

PLANNER = "perencana.pemda-sleman"
#: (aspiration texts, category, title, activity, volume, unit, cost, moves to make)
NEEDS = [
    (
        ["Mohon dibangun jembatan gantung, anak sekolah menyeberang sungai."],
        "jalan-rusak",
        "Jembatan gantung",
        "Pembangunan jembatan gantung",
        "1",
        "unit",
        "350000000",
        [],
    ),
    (
        [
            "Usul lampu penerangan jalan di jalan dusun yang gelap.",
            "Jalan dusun gelap malam hari, usul lampu penerangan jalan.",
        ],
        "lampu-jalan",
        "Penerangan jalan dusun",
        "Pemasangan PJU tenaga surya",
        "12",
        "titik",
        "180000000",
        ["accept"],
    ),
    (
        ["Usul perbaikan drainase pasar desa yang selalu tergenang."],
        "jalan-rusak",
        "Drainase pasar desa",
        "Normalisasi saluran drainase",
        "300",
        "meter",
        "250000000",
        ["accept", "accept"],
    ),
    (
        ["Usul posyandu baru, balai padukuhan terlalu sempit."],
        "jalan-rusak",
        "Gedung posyandu",
        "Pembangunan gedung posyandu",
        "1",
        "unit",
        "400000000",
        ["accept", "accept", "accept"],
    ),
    (
        ["Usul pengaspalan jalan usaha tani yang berlumpur."],
        "jalan-rusak",
        "Jalan usaha tani",
        "Pengaspalan jalan usaha tani",
        "800",
        "meter",
        "600000000",
        ["accept", "accept", "accept", "include_rkpd"],
    ),
    (
        ["Usul talud sungai yang longsor di belakang sekolah."],
        "jalan-rusak",
        "Talud sungai",
        "Pembangunan talud",
        "120",
        "meter",
        "500000000",
        ["accept", "accept", "accept", "include_rkpd", "fund"],
    ),
    (
        ["Usul sumur bor untuk air bersih padukuhan."],
        "jalan-rusak",
        "Sumur bor air bersih",
        "Pembangunan sumur bor",
        "2",
        "unit",
        "300000000",
        ["accept", "accept", "accept", "include_rkpd", "fund", "start"],
    ),
    (
        ["Usul perbaikan jalan lingkungan yang berlubang."],
        "jalan-rusak",
        "Jalan lingkungan",
        "Rehabilitasi jalan lingkungan",
        "500",
        "meter",
        "450000000",
        ["accept", "accept", "accept", "include_rkpd", "fund", "start", "finish"],
    ),
    (
        ["Usul gedung olahraga desa."],
        "jalan-rusak",
        "Gedung olahraga",
        "Pembangunan GOR desa",
        "1",
        "unit",
        "3000000000",
        ["accept", "reject"],
    ),
    (
        ["Usul pasar desa baru."],
        "jalan-rusak",
        "Pasar desa",
        "Pembangunan pasar desa",
        "1",
        "unit",
        "2000000000",
        ["defer"],
    ),
    (
        ["Usul lampu jalan di simpang padukuhan."],
        "lampu-jalan",
        "Lampu simpang",
        "Pemasangan PJU",
        "2",
        "titik",
        "30000000",
        ["merge"],
    ),
]


def build_planning_year(year: int | None = None) -> PlanningYear | None:
    """The demo's planning year (next year's RKPD) with proposals at every stage."""
    pemda = Agency.objects.filter(slug="pemda-sleman").first()
    villages = list(
        Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith="34.04.").order_by(
            "code"
        )[: len(NEEDS)]
    )
    if pemda is None or len(villages) < len(NEEDS):
        return None
    planner = User.objects.create(
        username=PLANNER, password=make_password(DEMO_PASSWORD), first_name="Perencana"
    )
    Membership.objects.create(user=planner, agency=pemda, role=Role.PLANNER)
    year = year or timezone.localdate().year + 1
    stages: dict[str, tuple[date, date]] = {
        Stage.DESA: (date(year - 1, 1, 2), date(year - 1, 1, 31)),
        Stage.KECAMATAN: (date(year - 1, 2, 1), date(year - 1, 2, 28)),
        Stage.KABUPATEN: (date(year - 1, 3, 1), date(year - 1, 3, 31)),
        Stage.FORUM_PD: (date(year - 1, 3, 1), date(year - 1, 3, 31)),
        Stage.RKPD: (date(year - 1, 5, 1), date(year - 1, 6, 30)),
        Stage.APBD: (date(year - 1, 10, 1), date(year - 1, 11, 30)),
    }
    planning_year = services.create_year(year, stages, actor=planner)
    made: list[Proposal] = []
    for (texts, category, title, activity, volume, unit, cost, moves), village in zip(
        NEEDS, villages, strict=True
    ):
        ids = [
            submit_report(
                ReportSubmission(
                    description=text,
                    region_code=village.code,
                    channel=Channel.WEB,
                    category_code=category,
                    type=ReportType.ASPIRATION,
                    identity=Identity(name="Warga Demo", email=f"warga{n}@demo.layani.id"),
                )
            ).report.tracking_id
            for n, text in enumerate(texts)
        ]
        draft = services.ProposalDraft(
            title=f"{title} {village.name.title()}",
            location=village.name.title(),
            problem=texts[0],
            activity=activity,
            volume=Decimal(volume),
            unit=unit,
            cost_estimate=Decimal(cost),
            agency=Agency.objects.filter(slug="dpu-sleman").first(),
            priority=len(moves),
        )
        proposal = services.create_proposal(planner, planning_year, village, draft, ids)
        for move in moves:
            if move == "fund":
                proposal = services.fund(planner, proposal, year, Decimal(cost))
            elif move == "reject":
                proposal = services.reject(planner, proposal, Reason.NO_BUDGET)
            elif move == "defer":
                proposal = services.defer(planner, proposal, Reason.NOT_PRIORITY)
            elif move == "merge":
                proposal = services.merge(planner, proposal, made[1])
            else:
                proposal = {
                    "accept": services.accept,
                    "include_rkpd": services.include_in_rkpd,
                    "start": services.start_building,
                    "finish": services.finish,
                }[move](planner, proposal)
        made.append(proposal)
    # One aspiration left waiting, so the public page shows a candidate too.
    submit_report(
        ReportSubmission(
            description="Usul taman bermain anak di tanah kas desa.",
            region_code=villages[0].code,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            type=ReportType.ASPIRATION,
            identity=Identity(name="Warga Demo", email="warga@demo.layani.id"),
        )
    )
    return planning_year
