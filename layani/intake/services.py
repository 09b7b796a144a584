"""Taking reports in: the one path by which every channel creates a report.

`submit_report` is what the portal, Open311, the REST API, the messaging adapter and assisted intake
all call. It validates, stores content and identity apart, issues the tracking ID and access code,
and makes retries safe: the same idempotency key with the same content returns the same report (and
the same access code); with different content it is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.audit.models import Visibility
from layani.audit.services import record
from layani.directory import lookups
from layani.directory.models import Category

from .contacts import clean_nik, clean_phone
from .errors import SubmissionError
from .models import (
    Channel,
    JournalEntry,
    PrivacyTier,
    Report,
    ReporterIdentity,
    ReportType,
)
from .places import Place, place_report
from .redaction import redact
from .storage import store_attachment
from .tracking import (
    ACCESS_CODE_LENGTH,
    ALPHABET,
    hash_access_code,
    new_access_code,
    new_tracking_id,
)

# The limits live with the upload checks; re-exported here, where the channels import them from.
from .uploads import MAX_ATTACHMENT_BYTES as MAX_ATTACHMENT_BYTES
from .uploads import MAX_ATTACHMENTS as MAX_ATTACHMENTS
from .uploads import AttachmentError, check_attachment
from .validation import clean_answers, clean_point, clean_text

TITLE_MAX = 200
DESCRIPTION_MAX = 10_000
# The choices' values, computed once (`Choices.values` builds a new list on every access).
_TYPES = frozenset(ReportType.values)
_TIERS = frozenset(PrivacyTier.values)
_CHANNELS = frozenset(Channel.values)


@dataclass(frozen=True)
class Identity:
    """Who is reporting; every field optional (anonymous web reports may carry none)."""

    name: str = ""
    nik: str = ""
    phone: str = ""
    email: str = ""
    show_name_publicly: bool = False
    user: User | None = None


@dataclass(frozen=True)
class UploadedAttachment:
    name: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class ReportSubmission:
    """Everything a channel hands in. Only these fields can be set by the sender."""

    description: str
    region_code: str
    channel: str
    type: str = ReportType.COMPLAINT
    title: str = ""
    category_code: str = ""
    latitude: str | float | Decimal | None = None
    longitude: str | float | Decimal | None = None
    address: str = ""
    privacy: str = PrivacyTier.BIASA
    channel_ref: str = ""
    idempotency_key: str = ""
    identity: Identity = field(default_factory=Identity)
    attachments: tuple[UploadedAttachment, ...] = ()
    answers: dict[str, Any] = field(default_factory=dict)
    entered_by: User | None = None

    def fingerprint(self) -> str:
        """A digest of the content, to tell a true retry from a different report with a reused key."""
        # A shallow copy (asdict would deep-copy the identity and files only to drop them).
        content = {f.name: getattr(self, f.name) for f in fields(self)}
        for volatile in ("identity", "attachments", "entered_by", "idempotency_key"):
            content.pop(volatile)
        content["attachments"] = [hashlib.sha256(a.content).hexdigest() for a in self.attachments]
        raw = json.dumps(content, sort_keys=True, default=str)
        return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class SubmissionReceipt:
    report: Report
    access_code: str
    created: bool


def submit_report(
    submission: ReportSubmission, *, now: datetime | None = None
) -> SubmissionReceipt:
    """Validate and store a report; return its receipt (tracking ID via `report`, access code).

    Safe to retry: with the same idempotency key and content the first report comes back with
    `created=False`. Raises SubmissionError with the offending field for bad input.
    """
    now = now or timezone.now()
    cleaned = _validate(submission)
    fingerprint = submission.fingerprint()
    key = submission.idempotency_key.strip()
    if key:
        existing = Report.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return _replay(existing, key, fingerprint)
    for _attempt in range(5):
        access_code = derived_access_code(key) if key else new_access_code()
        try:
            with transaction.atomic():
                report = _create(
                    submission,
                    cleaned,
                    _Stamp(_free_tracking_id(), hash_access_code(access_code), fingerprint, now),
                )
            return SubmissionReceipt(report=report, access_code=access_code, created=True)
        except IntegrityError:
            # Either a concurrent retry with the same key won the race, or (rarely) the random
            # tracking ID was taken meanwhile. Tell the two apart and act accordingly.
            if key:
                existing = Report.objects.filter(idempotency_key=key).first()
                if existing is not None:
                    return _replay(existing, key, fingerprint)
    raise RuntimeError("Could not allocate a unique tracking ID after 5 attempts.")


def validate_submission(submission: ReportSubmission) -> None:
    """Run every check `submit_report` runs, without storing anything (SubmissionError if bad)."""
    _validate(submission)


def record_submission(
    submission: ReportSubmission,
    *,
    tracking_id: str,
    access_code_hash: str,
    fingerprint: str,
    received_at: datetime,
) -> Report:
    """Store an already acknowledged submission under the tracking ID it was given (the journal).

    Checks it again, since reference data may have changed since; call inside a transaction."""
    return _create(
        submission,
        _validate(submission),
        _Stamp(tracking_id, access_code_hash, fingerprint, received_at),
    )


def _free_tracking_id() -> str:
    # Reports' own unique index guards against other reports; acknowledged journal entries hold
    # IDs that are not reports yet, so those are skipped here.
    while True:
        tracking_id = new_tracking_id()
        if not JournalEntry.objects.filter(tracking_id=tracking_id).exists():
            return tracking_id


@dataclass(frozen=True)
class _Stamp:
    """What the store adds to a checked submission: its ID, access code digest, time."""

    tracking_id: str
    access_code_hash: str
    fingerprint: str
    at: datetime


@dataclass(frozen=True)
class _Cleaned:
    title: str
    description: str
    category: Category | None
    place: Place
    latitude: Decimal | None
    longitude: Decimal | None
    answers: dict[str, Any]
    attachments: tuple[UploadedAttachment, ...]
    identity: Identity


def _validate(s: ReportSubmission) -> _Cleaned:
    identity = _check_identity(s.identity)
    description = clean_text(s.description)
    if not description:
        raise SubmissionError("required", "description", _("Please describe what happened."))
    if len(description) > DESCRIPTION_MAX:
        raise SubmissionError(
            "too_long",
            "description",
            _("The description is too long (at most %(max)d characters).")
            % {"max": DESCRIPTION_MAX},
        )
    title = " ".join(clean_text(s.title).split()) or _title_from(description)
    if len(title) > TITLE_MAX:
        raise SubmissionError(
            "too_long",
            "title",
            _("The title is too long (at most %(max)d characters).") % {"max": TITLE_MAX},
        )
    if s.type not in _TYPES:
        raise SubmissionError("invalid_choice", "type", _("Unknown report type."))
    if s.privacy not in _TIERS:
        raise SubmissionError("invalid_choice", "privacy", _("Unknown privacy choice."))
    if s.channel not in _CHANNELS:
        raise SubmissionError("invalid_choice", "channel", _("Unknown channel."))
    latitude, longitude = clean_point(s.latitude, s.longitude)
    place = place_report(s.region_code.strip(), latitude, longitude)
    category = None
    if s.category_code:
        category = lookups.active_category(s.category_code)
        if category is None:
            raise SubmissionError("unknown_category", "category", _("Unknown category."))
    if len(s.attachments) > MAX_ATTACHMENTS:
        raise SubmissionError(
            "too_many",
            "attachments",
            _("At most %(max)d attachments per report.") % {"max": MAX_ATTACHMENTS},
        )
    attachments = tuple(_checked_attachment(a) for a in s.attachments)
    answers = clean_answers(category, s.answers)
    return _Cleaned(
        title,
        description,
        category,
        place,
        latitude,
        longitude,
        answers,
        attachments,
        identity,
    )


def _checked_attachment(upload: UploadedAttachment) -> UploadedAttachment:
    """The attachment as it may be stored (real type, metadata removed), whatever the channel."""
    try:
        name, content, content_type = check_attachment(upload.name, upload.content)
    except AttachmentError as refused:
        raise SubmissionError(refused.code, "attachments", refused.message) from None
    return UploadedAttachment(name=name, content=content, content_type=content_type)


def _check_identity(identity: Identity) -> Identity:
    """Contact details must be usable: a wrong phone or e-mail means the reporter never hears back.

    Returns the identity with its NIK and phone in their normal forms."""
    phone = clean_phone(identity.phone)
    if identity.email.strip():
        try:
            validate_email(identity.email.strip())
        except ValidationError:
            raise SubmissionError(
                "invalid_email", "email", _("The e-mail address is not valid.")
            ) from None
    nik = clean_nik(identity.nik)
    if len(identity.name) > 150:
        raise SubmissionError(
            "too_long", "name", _("The name is too long (at most 150 characters).")
        )
    return replace(identity, phone=phone, nik=nik)


def _title_from(description: str) -> str:
    """A title for a channel that has none (Open311, SMS, e-mail, WhatsApp): the first ten words,
    with the personal data a citizen types into a description ("hub 0812…, NIK …") masked at once
    (`redaction`), and never longer than a title may be — the sender cannot shorten a title it
    never sent. Only the opening words are masked (masking costs about 2 ms a text); thirty words
    leave room for a number written in groups ("3404 0712 0385 0002") to be seen whole."""
    words = redact(" ".join(description.split()[:30])).text.split()
    title = " ".join(words[:10])
    if len(words) <= 10 and len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1]
    if len(title) >= TITLE_MAX and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _create(s: ReportSubmission, c: _Cleaned, stamp: _Stamp) -> Report:
    key = s.idempotency_key.strip()
    report = Report.objects.create(
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
    ident = c.identity
    ReporterIdentity.objects.create(
        report=report,
        user=ident.user,
        name=clean_text(ident.name),
        nik=ident.nik,
        phone=ident.phone,
        email=ident.email.strip(),
        show_name_publicly=ident.show_name_publicly and s.privacy == PrivacyTier.BIASA,
        entered_by=s.entered_by,
    )
    for upload in c.attachments:
        store_attachment(report, upload.name, upload.content, upload.content_type)
    record(
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
    return report


def _actor_ref(s: ReportSubmission) -> str:
    # Pseudonymous references only: the audit chain must never hold personal data.
    if s.entered_by is not None:
        return f"user:{s.entered_by.pk}"
    if s.identity.user is not None:
        return f"user:{s.identity.user.pk}"
    return "citizen"


def _replay(existing: Report, key: str, fingerprint: str) -> SubmissionReceipt:
    if existing.idempotency_fingerprint != fingerprint:
        raise SubmissionError(
            "idempotency_conflict",
            "idempotency_key",
            _("This submission key was already used for a different report."),
        )
    return SubmissionReceipt(report=existing, access_code=derived_access_code(key), created=False)


def derived_access_code(key: str) -> str:
    """The access code for a report submitted with an idempotency key.

    Derived from the key under a server secret so that a retry whose first answer was lost gets the
    same code back, while nobody without the (client-chosen, random) key can compute it.
    """
    secret = (settings.LAYANI_ACCESS_CODE_KEY or settings.SECRET_KEY).encode()
    digest = hmac.new(secret, b"access-code:" + key.encode(), hashlib.sha256).digest()
    return "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:ACCESS_CODE_LENGTH])
