"""Playing demo reports through the real workflow, so the console shows believable cases.

Each report is moved to a stage that fits its age by calling the same `cases.services` the console
calls, with historical timestamps: tasks, referrals, follow-ups, outcomes and ratings are all real
rows, and every step is in the audit log.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from layani.accounts.models import User
from layani.cases import services
from layani.cases.models import MessageKind, Outcome, Task
from layani.directory.models import Agency, Category
from layani.directory.selectors import responsibility_by_level, responsible_agency
from layani.intake.models import Report, ReportStatus

FOLLOW_UPS = [
    "Laporan sudah kami terima dan akan ditinjau ke lokasi minggu ini.",
    "Tim sudah survei lokasi; perbaikan masuk jadwal pekerjaan bulan ini.",
    "Mohon maaf atas ketidaknyamanannya. Petugas kami sudah berkoordinasi dengan pihak kalurahan.",
    "Sudah kami teruskan ke UPT terkait, mohon ditunggu.",
]
OUTCOME_NOTES = {
    Outcome.RESOLVED: "Sudah ditangani di lokasi. Terima kasih atas laporannya.",
    Outcome.PARTLY_RESOLVED: "Sebagian sudah ditangani; sisanya dianggarkan tahun depan.",
    Outcome.CANNOT_ACT: "Tidak dapat ditindaklanjuti karena lokasi berada di lahan milik pribadi.",
    Outcome.REFERRED_OUTSIDE: "Sudah kami teruskan ke BUMN terkait di luar Layani.",
}
HOLD_QUESTIONS = [
    "Mohon lengkapi alamat atau patokan lokasinya.",
    "Mohon kirimkan foto kondisi terkini.",
    "Di RT/RW berapa kejadiannya?",
]


@dataclass
class Cast:
    """Who acts in the demo: the province coordinator and each agency's admin and officer."""

    coordinator: User
    admins: dict[int, User]
    officers: dict[int, User]
    fallback: dict[str, Agency]  # regency code → its regional government


def play_out(
    rng: random.Random,
    report: Report,
    category: Category,
    target: str,
    submitted_at: datetime,
    now: datetime,
    cast: Cast,
    merge_into: Report | None,
) -> None:
    """Move `report` to `target` through the real services, at plausible past times."""
    clock = _Clock(rng, submitted_at, now)
    coordinator = cast.coordinator
    if target == ReportStatus.SUBMITTED:
        return
    if target == ReportStatus.ON_HOLD:
        services.hold_report(
            report, actor=coordinator, question=rng.choice(HOLD_QUESTIONS), now=clock.tick()
        )
        return
    if target in (ReportStatus.NOT_WITHIN_AUTHORITY, ReportStatus.ARCHIVED):
        if target == ReportStatus.ARCHIVED:
            services.archive_report(
                report, actor=coordinator, reason="Laporan ganda/uji coba.", now=clock.tick()
            )
        else:
            services.reject_as_not_within_authority(
                report,
                actor=coordinator,
                reason="Kewenangan instansi vertikal.",
                redirect_to="Kantor pertanahan setempat",
                now=clock.tick(),
            )
        return
    if target == ReportStatus.MERGED and merge_into is not None:
        services.merge_report(report, into=merge_into, actor=coordinator, now=clock.tick())
        return
    services.verify_report(report, actor=coordinator, now=clock.tick())
    if target in (ReportStatus.VERIFIED, ReportStatus.MERGED):
        return
    lead = responsible_agency(category, report.region_id) or cast.fallback[report.region_id[:5]]
    co = [a for a in responsibility_by_level(category, report.region_id).values() if a != lead]
    co_handlers = co[:1] if co and rng.random() < 0.2 else []
    services.dispose_report(
        report, actor=coordinator, lead=lead, co_handlers=co_handlers, now=clock.tick()
    )
    _handle(rng, report, clock, cast, target)


def _handle(rng: random.Random, report: Report, clock: _Clock, cast: Cast, target: str) -> None:
    tasks = list(Task.objects.filter(case_id=report.pk).select_related("agency"))
    for task in tasks:
        if task.role == "co_handler" or rng.random() < 0.85 or target != ReportStatus.IN_PROGRESS:
            services.accept_task(task, actor=cast.officers[task.agency_id], now=clock.tick())
    lead = next(t for t in tasks if t.role == "lead")
    if rng.random() < 0.5:
        services.delegate_task(
            lead,
            actor=cast.admins[lead.agency_id],
            officer=cast.officers[lead.agency_id],
            now=clock.tick(),
        )
    if target == ReportStatus.IN_PROGRESS and rng.random() < 0.35:
        return
    services.post_message(
        report,
        actor=cast.officers[lead.agency_id],
        kind=MessageKind.PUBLIC_FOLLOW_UP,
        body=rng.choice(FOLLOW_UPS),
        now=clock.tick(),
    )
    if target == ReportStatus.IN_PROGRESS:
        return
    for task in tasks:
        if task.role == "co_handler":
            services.complete_task(
                task,
                actor=cast.officers[task.agency_id],
                summary="Bagian kami sudah selesai.",
                now=clock.tick(),
            )
    outcome = rng.choices(list(OUTCOME_NOTES), weights=[70, 15, 10, 5])[0]
    services.propose_closure(
        report,
        actor=cast.officers[lead.agency_id],
        outcome=outcome,
        explanation=OUTCOME_NOTES[outcome],
        now=clock.tick(),
    )
    if target == ReportStatus.CLOSURE_PROPOSED:
        return
    if rng.random() < 0.7 or clock.at + timedelta(days=32) > clock.now:
        rating = rng.choices([1, 2, 3, 4, 5], weights=[5, 8, 17, 35, 35])[0]
        services.confirm_closure(report, rating=rating, now=clock.tick())
    else:
        services.auto_close_case(report, now=clock.tick(days=30))


class _Clock:
    """Steps forward from submission by a few working hours at a time, never past `now`."""

    def __init__(self, rng: random.Random, start: datetime, now: datetime) -> None:
        self.rng, self.at, self.now = rng, start, now

    def tick(self, days: int = 0) -> datetime:
        step = timedelta(days=days, hours=self.rng.randint(2, 30))
        self.at = min(self.at + step, self.now)
        return self.at
