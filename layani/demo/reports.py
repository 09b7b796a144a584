"""Demo reports: a few thousand, spread like a real regency's year and a half.

Every report goes through `submit_report`, the same path as a real one; the demo then plays each
through the real workflow to a stage that fits its age (old reports are mostly closed, this
week's mostly new) — see lifecycle.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import User
from layani.directory.models import Agency, Category, QuestionType, Region
from layani.intake.models import Channel, PrivacyTier, Report, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report

from .deployment import REGENCIES
from .lifecycle import Cast, play_out
from .people import fake_identity
from .texts import generate_report_text

#: Relative weights; the shares resemble published SP4N-LAPOR! and regional complaint statistics.
REGENCY_WEIGHTS = {"34.71": 30, "34.04": 30, "34.02": 20, "34.01": 10, "34.03": 10}
PRIVACY_WEIGHTS = {
    PrivacyTier.BIASA: 70,
    PrivacyTier.ANONIM: 18,
    PrivacyTier.RAHASIA: 8,
    PrivacyTier.ANONIM_RAHASIA: 4,
}
CHANNEL_WEIGHTS = {
    Channel.WEB: 52,
    Channel.WHATSAPP: 16,
    Channel.SMS: 6,
    Channel.EMAIL: 5,
    Channel.OPEN311: 5,
    Channel.WALK_IN: 7,
    Channel.PHONE: 6,
    Channel.API: 2,
    Channel.TELEGRAM: 1,
}
TYPE_WEIGHTS = {"pengaduan": 80, "aspirasi": 12, "informasi": 8}
#: Frequent topics get more reports (weights by sub-category code; others weigh 2).
CATEGORY_WEIGHTS = {
    "jalan-rusak": 14,
    "sampah": 10,
    "bansos": 9,
    "ktp-el": 7,
    "lampu-jalan": 7,
    "drainase": 6,
    "air-minum": 6,
    "layanan-faskes": 6,
    "jaminan-kesehatan": 5,
    "penerimaan-murid": 5,
    "parkir-liar": 5,
    "pungli": 4,
    "pkl": 4,
    "banjir-genangan": 4,
    "kartu-keluarga": 4,
    "pungutan-sekolah": 4,
    "data-kesejahteraan": 4,
    "perilaku-asn": 3,
    "listrik": 3,
}
HISTORY_DAYS = 540
K = TypeVar("K", bound=str)


def _pick(rng: random.Random, weights: Mapping[K, int]) -> K:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _status_for_age(rng: random.Random, age_days: float) -> str:
    """A plausible stage for a report of this age."""
    if age_days < 2:
        table = {ReportStatus.SUBMITTED: 80, ReportStatus.VERIFIED: 15, ReportStatus.ON_HOLD: 5}
    elif age_days < 10:
        table = {
            ReportStatus.SUBMITTED: 15,
            ReportStatus.VERIFIED: 15,
            ReportStatus.ON_HOLD: 8,
            ReportStatus.IN_PROGRESS: 50,
            ReportStatus.CLOSURE_PROPOSED: 7,
            ReportStatus.NOT_WITHIN_AUTHORITY: 3,
            ReportStatus.ARCHIVED: 2,
        }
    elif age_days < 45:
        table = {
            ReportStatus.IN_PROGRESS: 35,
            ReportStatus.CLOSURE_PROPOSED: 20,
            ReportStatus.CLOSED: 32,
            ReportStatus.ON_HOLD: 4,
            ReportStatus.NOT_WITHIN_AUTHORITY: 4,
            ReportStatus.ARCHIVED: 3,
            ReportStatus.MERGED: 2,
        }
    else:
        table = {
            ReportStatus.CLOSED: 82,
            ReportStatus.IN_PROGRESS: 5,
            ReportStatus.NOT_WITHIN_AUTHORITY: 5,
            ReportStatus.ARCHIVED: 5,
            ReportStatus.MERGED: 3,
        }
    return _pick(rng, table)


def generate_reports(
    count: int,
    *,
    seed: int = 2026,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create `count` demo reports across the demo province; returns how many were created."""
    # Synthetic demo data, not security.
    rng = random.Random(seed)  # nosec B311
    now = now or timezone.now()
    subs = list(
        Category.objects.filter(parent__isnull=False)
        .select_related("parent")
        .prefetch_related("questions")
    )
    sub_weights = [CATEGORY_WEIGHTS.get(c.code, 2) for c in subs]
    villages: dict[str, list[Region]] = {code: [] for code in REGENCIES}
    for village in Region.objects.filter(level=4, code__startswith="34.").select_related("parent"):
        villages[village.code[:5]].append(village)
    created = 0
    cast = _demo_cast()
    last_open: dict[int, Report] = {}
    with transaction.atomic():
        for i in range(count):
            # Older reports are rarer than recent ones: the service grew over time.
            age = HISTORY_DAYS * (1 - rng.random() ** 0.7)
            submitted_at = now - timedelta(days=age, minutes=rng.randint(0, 600))
            category = rng.choices(subs, weights=sub_weights)[0]
            regency = _pick(rng, REGENCY_WEIGHTS)
            village = rng.choice(villages[regency])
            report_type = _pick(rng, TYPE_WEIGHTS)
            title, description = generate_report_text(
                rng,
                category.code,
                f"{village.kind.replace('_', ' ').title()} {village.name}",
                report_type,
            )
            privacy = _pick(rng, PRIVACY_WEIGHTS)
            channel = _pick(rng, CHANNEL_WEIGHTS)
            lat, lng = _point_near(rng, regency) if rng.random() < 0.6 else (None, None)
            answers = _answers(rng, category)
            receipt = submit_report(
                ReportSubmission(
                    description=description,
                    title=title,
                    region_code=village.code,
                    channel=channel,
                    type=report_type,
                    category_code=category.code,
                    latitude=lat,
                    longitude=lng,
                    privacy=privacy,
                    identity=_identity(rng, privacy, village.code),
                    answers=answers,
                    idempotency_key=f"demo-{seed}-{i}",
                ),
                now=submitted_at,
            )
            report = receipt.report
            target = _status_for_age(rng, age)
            merge_into = last_open.get(category.pk)
            play_out(rng, report, category, target, submitted_at, now, cast, merge_into)
            if target not in (ReportStatus.MERGED, ReportStatus.ARCHIVED):
                last_open[category.pk] = report
            created += int(receipt.created)
            if progress and (i + 1) % 100 == 0:
                progress(100)
    if progress and count % 100:
        progress(count % 100)
    return created


def _answers(rng: random.Random, category: Category) -> dict[str, object]:
    """Answers to the category's extra questions: always the required ones, sometimes the rest."""
    answers: dict[str, object] = {}
    for question in category.questions.all():
        if not question.required and rng.random() < 0.5:
            continue
        keys = [c["key"] for c in question.choices]
        if question.type == QuestionType.SINGLE_CHOICE:
            answers[question.code] = rng.choice(keys)
        elif question.type == QuestionType.MULTIPLE_CHOICE:
            answers[question.code] = rng.sample(keys, k=rng.randint(1, min(2, len(keys))))
        elif question.type == QuestionType.NUMBER:
            answers[question.code] = rng.randint(1, 6)
        elif question.type == QuestionType.DATE:
            answers[question.code] = (
                (timezone.now() - timedelta(days=rng.randint(1, 20))).date().isoformat()
            )
        else:
            answers[question.code] = str(rng.randint(10000, 99999))
    return answers


def _demo_cast() -> Cast:
    users = {u.username: u for u in User.objects.filter(memberships__isnull=False)}
    agencies = list(Agency.objects.all())
    return Cast(
        coordinator=users["koordinator.pemda-diy"],
        admins={a.pk: users[f"admin.{a.slug}"] for a in agencies if f"admin.{a.slug}" in users},
        officers={
            a.pk: users[f"petugas1.{a.slug}"] for a in agencies if f"petugas1.{a.slug}" in users
        },
        fallback={
            a.region_id: a
            for a in agencies
            if a.slug.startswith("pemda-") and a.region_id in REGENCIES
        },
    )


def _identity(rng: random.Random, privacy: str, village_code: str) -> Identity:
    # Some anonymous reporters leave no contact at all; everyone else leaves a name and a contact.
    if privacy in (PrivacyTier.ANONIM, PrivacyTier.ANONIM_RAHASIA) and rng.random() < 0.5:
        return Identity()
    return fake_identity(
        rng, village_code, show_name=privacy == PrivacyTier.BIASA and rng.random() < 0.3
    )


def _point_near(rng: random.Random, regency: str) -> tuple[Decimal, Decimal]:
    _, lat, lng = REGENCIES[regency]
    spread = 0.03 if regency == "34.71" else 0.09
    return (
        Decimal(str(round(lat + rng.uniform(-spread, spread), 6))),
        Decimal(str(round(lng + rng.uniform(-spread, spread), 6))),
    )
