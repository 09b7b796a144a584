"""Storing checked submissions as reports: one at a time (`create`) or a batch at once (`create_many`).

`services` checks a submission (`services._validate` → `Cleaned`) and decides its tracking ID and
access code (`Stamp`); this module writes the report, its identity (kept apart), its attachments
and its audit entry. `create_many` is what the intake journal's worker uses: the same rows, written
with one multi-row INSERT per table and one append to the audit chain (`audit.record_many`: the
chain's lock taken and its head read once per batch, not once per report). See
docs/decisions/0026-priority-queues-and-batched-recording.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from layani.audit.models import Visibility
from layani.audit.services import Event, record, record_many

from .models import PrivacyTier, Report, ReporterIdentity
from .storage import store_attachment
from .submission import Cleaned, ReportSubmission, Stamp
from .validation import clean_text

#: What `create_many` takes: the submission, its checked form, and what the store adds.
Checked = tuple[ReportSubmission, Cleaned, Stamp]


def create(s: ReportSubmission, c: Cleaned, stamp: Stamp) -> Report:
    """Store one checked submission; call inside a transaction."""
    report = _report(s, c, stamp)
    report.save(force_insert=True)
    _identity(report, s, c).save(force_insert=True)
    for upload in c.attachments:
        store_attachment(report, upload.name, upload.content, upload.content_type)
    event = _event(report, s, c, stamp)
    record(
        event.action,
        actor_ref=event.actor_ref,
        object_type=event.object_type,
        object_ref=event.object_ref,
        payload=event.payload,
        visibility=event.visibility,
        now=event.now,
    )
    return report


def create_many(items: Sequence[Checked]) -> list[Report]:
    """Store several checked submissions without files, in the order given; call inside a
    transaction. Every report gets the rows and the audit entry `create` would give it, with
    the audit entries appended in the same order, one after the other in the chain."""
    if any(c.attachments for _s, c, _stamp in items):
        raise ValueError("create_many takes submissions without files.")
    reports = Report.objects.bulk_create([_report(s, c, stamp) for s, c, stamp in items])
    ReporterIdentity.objects.bulk_create(
        [_identity(report, s, c) for report, (s, c, _stamp) in zip(reports, items, strict=True)]
    )
    record_many(
        [_event(report, s, c, stamp) for report, (s, c, stamp) in zip(reports, items, strict=True)]
    )
    return reports


def _report(s: ReportSubmission, c: Cleaned, stamp: Stamp) -> Report:
    key = s.idempotency_key.strip()
    return Report(
        tracking_id=stamp.tracking_id,
        access_code_hash=stamp.access_code_hash,
        type=s.type,
        title=c.title,
        description=c.description,
        category=c.category,
        region_id=c.place.region_code,
        location_label=c.place.label,
        pin_region_id=c.place.pin_region_code or None,
        latitude=c.latitude,
        longitude=c.longitude,
        address=clean_text(s.address)[:300],
        answers=c.answers,
        privacy=s.privacy,
        channel=s.channel,
        channel_ref=s.channel_ref[:120],
        idempotency_key=key or None,
        idempotency_fingerprint=stamp.fingerprint if key else "",
        submitted_at=stamp.at,
        updated_at=stamp.at,
    )


def _identity(report: Report, s: ReportSubmission, c: Cleaned) -> ReporterIdentity:
    ident = c.identity
    return ReporterIdentity(
        report=report,
        user=ident.user,
        name=clean_text(ident.name),
        nik=ident.nik,
        phone=ident.phone,
        email=ident.email.strip(),
        show_name_publicly=ident.show_name_publicly and s.privacy == PrivacyTier.BIASA,
        entered_by=s.entered_by,
    )


def _event(report: Report, s: ReportSubmission, c: Cleaned, stamp: Stamp) -> Event:
    return Event(
        "report.submitted",
        actor_ref=_actor_ref(s),
        object_type="report",
        object_ref=report.tracking_id,
        payload={
            "type": report.type,
            "channel": report.channel,
            "category": c.category.code if c.category else None,
            "region": c.place.region_code,
            **({"pin_region": c.place.pin_region_code} if c.place.pin_region_code else {}),
            "privacy": report.privacy,
        },
        visibility=Visibility.PUBLIC if report.is_public else Visibility.INTERNAL,
        now=stamp.at,
    )


def _actor_ref(s: ReportSubmission) -> str:
    # Pseudonymous references only: the audit chain must never hold personal data.
    if s.entered_by is not None:
        return f"user:{s.entered_by.pk}"
    if s.identity.user is not None:
        return f"user:{s.identity.user.pk}"
    return "citizen"
