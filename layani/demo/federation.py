"""Building the federation demo: a provincial Layani deployment beside the regencies' demo.

The regencies' demo (:8000, `deployment.py`) keeps everything, except that wage and dismissal
complaints (`upah-phk`, a provincial authority: labour inspection belongs to the province) are
handled by the province's own Layani deployment (:8001, its own database). So the matrix at
:8000 names the peer "Layani Provinsi DIY" for that sub-category at province level, and a few
demo reports take the whole path: filed at :8000, forwarded, handled at the province by its labour
office, their follow-ups and outcome flowing back, one already confirmed by its reporter.

Each side runs in its own process against its own database (`federation_run.py` starts them);
the functions here only touch the current database, so the tests build each side in a test
database. Every step goes through the ordinary services (intake, cases, federation): the
forwards are real outbox messages, the answers real inbound messages.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from layani.accounts.models import Membership, Role, User
from layani.cases import services as case_services
from layani.cases.models import MessageKind, Outcome, Task
from layani.directory.models import Agency, Category, GovernmentLevel, Responsibility
from layani.directory.selectors import responsible_agency
from layani.federation.models import Direction, Hop, Peer, PeerKind
from layani.federation.services import add_peer
from layani.intake.models import Channel, PrivacyTier, Report, ReportStatus
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report
from layani.security.models import TotpDevice
from layani.security.totp import ROLES_NEEDING_TOTP

from .organisations import AGENCIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, HANDLER_ROLE, PROVINCE, UNITS

#: The province's deployment id and the shared secret both sides sign with (published, like the
#: demo password: a demo credential).
PROVINCE_ID = "layani-provinsi-diy"
PROVINCE_NAME = "Layani Provinsi DIY"
ORIGIN_NAME = "Layani Kabupaten/Kota DIY"
DEMO_FEDERATION_SECRET = "fed_layani-demo-federation"  # noqa: S105  # nosec B105
#: The sub-category the province answers for: wages and dismissals (labour inspection).
PROVINCIAL_MATTER = "upah-phk"
#: The province's offices (from the regencies' demo data, so names match).
PROVINCE_AGENCIES = ("pemda-diy", "disnaker-diy", "dpu-diy", "inspektorat-diy")
#: Where the demo reports come from: Sinduadi, Mlati, Sleman.
VILLAGE = "34.04.06.2001"


@dataclass(frozen=True)
class DemoReport:
    key: str
    title: str
    description: str
    privacy: str
    name: str
    phone: str
    #: What the receiver does: "closed" (and the reporter confirms), "proposed", "follow_up".
    stage: str
    photo: bool = False
    category: str = PROVINCIAL_MATTER


REPORTS = [
    DemoReport(
        "demo-federation-1",
        "Upah karyawan toko di bawah UMP",
        "Sudah setahun saya dan lima rekan di toko bangunan di Jalan Magelang km 6 dibayar "
        "Rp1.500.000 sebulan, jauh di bawah upah minimum. Mohon pengawasan ketenagakerjaan.",
        PrivacyTier.BIASA,
        "Rini Astuti",
        "081227000101",
        "closed",
    ),
    DemoReport(
        "demo-federation-2",
        "Pesangon PHK tidak dibayar",
        "Pabrik garmen di Mlati memutus hubungan kerja 40 karyawan bulan lalu tanpa pesangon. "
        "Surat PHK saya lampirkan. Mohon ditindaklanjuti.",
        PrivacyTier.RAHASIA,
        "Agus Prabowo",
        "081227000202",
        "proposed",
        photo=True,
    ),
    DemoReport(
        "demo-federation-3",
        "THR tahun ini belum dibayar",
        "Karyawan rumah makan di Sinduadi belum menerima THR padahal Lebaran sudah lewat dua "
        "minggu. Saya tidak berani menyebut nama karena takut diberhentikan.",
        PrivacyTier.ANONIM,
        "",
        "",
        "follow_up",
    ),
]
STAGE_BY_TITLE = {r.title: r.stage for r in REPORTS}
#: SP4N-LAPOR! (the simulator) for a national matter.
LAPOR_ID = "sp4n-lapor"
LAPOR_NAME = "SP4N-LAPOR! (simulator)"
LAPOR_TOKEN = "lapor-demo-token"  # noqa: S105  # nosec B105 - the simulator's published demo token
NATIONAL_MATTER = "haji-umrah"
LAPOR_REPORT = DemoReport(
    "demo-federation-lapor-1",
    "Setoran awal haji belum dikembalikan",
    "Ibu saya membatalkan pendaftaran haji karena sakit enam bulan lalu, tetapi setoran awalnya "
    "belum dikembalikan. Mohon dibantu.",
    PrivacyTier.BIASA,
    "Dewi Lestari",
    "081227000404",
    "proposed",
    category=NATIONAL_MATTER,
)
LAPOR_ANSWERS = (
    ("follow_up", "Laporan diteruskan ke Kanwil Kementerian Agama DIY untuk diverifikasi.", ""),
    (
        "closure_proposed",
        "Pengembalian setoran awal sudah diproses; dana ditransfer ke rekening pendaftar.",
        "resolved",
    ),
)
INSTRUCTIONS = {
    PROVINCIAL_MATTER: "Kewenangan provinsi: pengawasan ketenagakerjaan.",
    NATIONAL_MATTER: "Kewenangan pusat: Kementerian Agama melalui SP4N-LAPOR!.",
}
FOLLOW_UP = (
    "Laporan diterima Bidang Pengawasan Ketenagakerjaan Disnakertrans DIY; pengawas dijadwalkan "
    "memeriksa perusahaan minggu ini."
)
OUTCOME = {
    "closed": "Pengawas sudah memeriksa; perusahaan membayar kekurangan upah sejak Januari dan "
    "menyesuaikan upah dengan UMP mulai bulan ini.",
    "proposed": "Perusahaan sudah dipanggil dan menandatangani nota pemeriksaan; pesangon dibayar "
    "bertahap mulai bulan depan.",
}


# --- the province (:8001), run in the province's process ------------------------------------


@transaction.atomic
def build_province(*, origin_id: str, origin_url: str) -> Peer:
    """The province's offices, staff for every role, its matrix and the peer back to the origin."""
    specs = [spec for spec in AGENCIES if spec.slug in PROVINCE_AGENCIES]
    agencies: dict[str, Agency] = {}
    for spec in specs:
        agencies[spec.slug] = Agency.objects.create(
            slug=spec.slug,
            name=spec.name,
            short_name=spec.short_name,
            level=spec.level,
            kind=spec.kind,
            region_id=spec.region,
            parent=agencies.get(spec.parent) if spec.parent else None,
        )
        for unit in UNITS[spec.role]:
            agencies[spec.slug].units.create(name=unit)
    password = make_password(DEMO_PASSWORD)

    def staff(username: str, agency: Agency, role: str, first: str, last: str) -> None:
        user = User.objects.create(
            username=username, password=password, first_name=first, last_name=last
        )
        unit = agency.units.first() if role == Role.OFFICER else None
        Membership.objects.create(user=user, agency=agency, role=role, unit=unit)

    staff("koordinator.pemda-diy", agencies["pemda-diy"], Role.COORDINATOR, "Sri", "Widodo")
    staff("pengawas.inspektorat-diy", agencies["inspektorat-diy"], Role.OVERSIGHT, "Ani", "Rahma")
    for slug, (first, last) in (("disnaker-diy", ("Heru", "Susanto")), ("dpu-diy", ("Tri", "Ani"))):
        staff(f"admin.{slug}", agencies[slug], Role.AGENCY_ADMIN, first, last)
        staff(f"atasan.{slug}", agencies[slug], Role.SUPERVISOR, "Wulan", last)
        staff(f"petugas1.{slug}", agencies[slug], Role.OFFICER, "Bagus", last)
    admin = User.objects.create_superuser("admin", password=DEMO_PASSWORD, first_name="Admin")
    users = User.objects.filter(memberships__role__in=ROLES_NEEDING_TOTP).distinct()
    TotpDevice.objects.bulk_create(
        TotpDevice(user=u, secret=DEMO_TOTP_SECRET, confirmed_at=timezone.now())
        for u in [*users, admin]
    )
    by_role = {spec.role: agencies[spec.slug] for spec in specs}
    for main in Category.objects.filter(parent__isnull=True, code__in=list(HANDLER_ROLE)):
        agency = by_role.get(HANDLER_ROLE[main.code], agencies["pemda-diy"])
        Responsibility.objects.create(
            category=main, level=GovernmentLevel.PROVINCE, region_id=PROVINCE, agency=agency
        )
    return add_peer(
        deployment_id=origin_id,
        name=ORIGIN_NAME,
        kind=PeerKind.LAYANI,
        base_url=origin_url,
        secret=DEMO_FEDERATION_SECRET,
        level=GovernmentLevel.PROVINCE,
        region_id=PROVINCE,
        notes="The regencies' and cities' deployment of DIY (the demo at :8000).",
        actor_ref="demo",
    )


def handle_received() -> int:
    """The province's labour office handles what arrived: accepts, follows up, proposes the
    outcome (as each demo report's stage says). Reports already handled are left alone."""
    coordinator = User.objects.get(username="koordinator.pemda-diy")
    fallback = Agency.objects.get(slug="disnaker-diy")
    handled = 0
    hops = Hop.objects.filter(direction=Direction.IN, active=True).select_related("report")
    for hop in hops.order_by("pk"):
        report = hop.report
        if report.status != ReportStatus.SUBMITTED:
            continue
        with transaction.atomic():
            _handle(report, coordinator, fallback)
        handled += 1
    return handled


def _handle(report: Report, coordinator: User, fallback: Agency) -> None:
    case_services.verify_report(report, actor=coordinator)
    report.refresh_from_db()
    lead = (report.category and responsible_agency(report.category, report.region_id)) or fallback
    case_services.dispose_report(report, actor=coordinator, lead=lead)
    task = Task.objects.get(case_id=report.pk, agency=lead)
    officer = User.objects.get(username=f"petugas1.{lead.slug}")
    case_services.accept_task(task, actor=officer)
    case_services.post_message(
        report, actor=officer, kind=MessageKind.PUBLIC_FOLLOW_UP, body=FOLLOW_UP
    )
    stage = STAGE_BY_TITLE.get(report.title, "follow_up")
    if stage in OUTCOME:
        case_services.propose_closure(
            report, actor=officer, outcome=Outcome.RESOLVED, explanation=OUTCOME[stage]
        )


# --- the regencies' demo (:8000), run in its own process ------------------------------------


@dataclass(frozen=True)
class Forwarded:
    tracking_id: str
    display_id: str
    access_code: str
    title: str
    status: str


def connect_regency(*, province_url: str) -> Peer:
    """The province as a peer, and the matrix naming it for the provincial matter (idempotent)."""
    peer = Peer.objects.filter(deployment_id=PROVINCE_ID).first()
    if peer is None:
        peer = add_peer(
            deployment_id=PROVINCE_ID,
            name=PROVINCE_NAME,
            kind=PeerKind.LAYANI,
            base_url=province_url,
            secret=DEMO_FEDERATION_SECRET,
            level=GovernmentLevel.PROVINCE,
            region_id=PROVINCE,
            notes="Wage and dismissal complaints in DIY (labour inspection is provincial).",
            actor_ref="demo",
        )
    Responsibility.objects.update_or_create(
        category=Category.objects.get(code=PROVINCIAL_MATTER),
        level=GovernmentLevel.PROVINCE,
        region_id=PROVINCE,
        defaults={"agency": peer.agency},
    )
    return peer


def _photo() -> bytes:
    picture = Image.new("RGB", (640, 420), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((30, 30, 610, 390), outline="black", width=3)
    for line, text in enumerate(("SURAT PEMUTUSAN HUBUNGAN KERJA", "No. 17/PHK/2026", "(contoh)")):
        draw.text((60, 70 + 40 * line), text, fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def forward_demo_reports(peer: Peer, specs: list[DemoReport] | None = None) -> list[Forwarded]:
    """File the demo reports at the origin and send them to `peer` through the matrix (a
    disposition by the coordinator: the outbox forward is written with it). Idempotent."""
    coordinator = User.objects.get(username="koordinator.pemda-diy")
    forwarded = []
    for spec in REPORTS if specs is None else specs:
        receipt = submit_report(
            ReportSubmission(
                description=spec.description,
                title=spec.title,
                region_code=VILLAGE,
                channel=Channel.WEB,
                category_code=spec.category,
                privacy=spec.privacy,
                idempotency_key=spec.key,
                identity=Identity(name=spec.name, phone=spec.phone),
                attachments=(
                    (UploadedAttachment("surat-phk.jpg", _photo(), "image/jpeg"),)
                    if spec.photo
                    else ()
                ),
            )
        )
        report = receipt.report
        if report.status == ReportStatus.SUBMITTED:
            case_services.verify_report(report, actor=coordinator)
            report.refresh_from_db()
        if report.status == ReportStatus.VERIFIED:
            category = report.category
            lead = (category and responsible_agency(category, report.region_id)) or peer.agency
            case_services.dispose_report(
                report, actor=coordinator, lead=lead, instructions=INSTRUCTIONS[spec.category]
            )
            report.refresh_from_db()
        forwarded.append(
            Forwarded(
                report.tracking_id,
                report.display_tracking_id,
                receipt.access_code,
                report.title,
                report.status,
            )
        )
    return forwarded


# --- SP4N-LAPOR! (the simulator), a national matter -----------------------------------------


def connect_lapor(*, simulator_url: str) -> Peer:
    """The LAPOR! simulator as a peer, named by the matrix for Hajj and Umrah complaints
    (a national matter: the Ministry of Religious Affairs answers them through SP4N-LAPOR!)."""
    peer = Peer.objects.filter(deployment_id=LAPOR_ID).first()
    if peer is None:
        peer = add_peer(
            deployment_id=LAPOR_ID,
            name=LAPOR_NAME,
            kind=PeerKind.LAPOR,
            base_url=simulator_url,
            secret=LAPOR_TOKEN,
            notes="The local SP4N-LAPOR! simulator (layani.federation.simulator).",
            actor_ref="demo",
        )
    Responsibility.objects.update_or_create(
        category=Category.objects.get(code=NATIONAL_MATTER),
        level=GovernmentLevel.NATIONAL,
        region=None,
        defaults={"agency": peer.agency},
    )
    return peer


def confirm_first_outcome() -> str | None:
    """The first demo reporter confirms the province's outcome at the origin, with a rating; the
    confirmation flows to the province. Returns its tracking ID, or None when not ready yet."""
    report = Report.objects.filter(
        idempotency_key=REPORTS[0].key, status=ReportStatus.CLOSURE_PROPOSED
    ).first()
    if report is None:
        return None
    case_services.confirm_closure(report, rating=5, comment="Terima kasih, upah sudah dibayar.")
    return report.tracking_id
