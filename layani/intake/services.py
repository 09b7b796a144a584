"""Taking reports in: the one path by which every channel creates a report.

`submit_report` is what the portal, Open311, the REST API, the messaging adapter and assisted intake
all call. It validates, stores content and identity apart, issues the tracking ID and access code,
and makes retries safe: the same idempotency key with the same content returns the same report (and
the same access code); with different content it is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.directory import lookups

from .contacts import clean_nik, clean_phone
from .errors import SubmissionError
from .models import Channel, JournalEntry, PrivacyTier, Report, ReportType
from .places import place_report
from .recording import Checked, create, create_many
from .redaction import redact

# The submission's types live in `submission` (shared with `recording`); re-exported here, where
# the channels import them from.
from .submission import Cleaned, Stamp
from .submission import Identity as Identity
from .submission import ReportSubmission as ReportSubmission
from .submission import UploadedAttachment as UploadedAttachment
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
                report = create(
                    submission,
                    cleaned,
                    Stamp(_free_tracking_id(), hash_access_code(access_code), fingerprint, now),
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
    """Run every check `submit_report` runs, without storing anything (SubmissionError if bad).

    A title the sender did not give is not made here: made from the description, it always fits
    (`_title_from`), and masking the personal data in it is most of a check's cost. Recording
    makes it (`record_submission(s)`, in the worker), so the acknowledgement does not wait for it.
    """
    _validate(submission, make_title=False)


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
    return create(
        submission,
        _validate(submission),
        Stamp(tracking_id, access_code_hash, fingerprint, received_at),
    )


@dataclass(frozen=True)
class Acknowledged:
    """A submission the journal acknowledged, with what it was given then."""

    submission: ReportSubmission
    tracking_id: str
    access_code_hash: str
    fingerprint: str
    received_at: datetime


def record_submissions(
    items: list[Acknowledged],
) -> tuple[list[Report], dict[int, SubmissionError]]:
    """`record_submission` for a batch: every item checked again, the good ones stored together
    (`recording.create_many`: one INSERT per table, one append to the audit chain). Returns the
    reports, in the order given, and the refusals by the item's index; call inside a transaction."""
    checked: list[Checked] = []
    refused: dict[int, SubmissionError] = {}
    for index, item in enumerate(items):
        try:
            cleaned = _validate(item.submission)
        except SubmissionError as error:
            refused[index] = error
            continue
        stamp = Stamp(item.tracking_id, item.access_code_hash, item.fingerprint, item.received_at)
        checked.append((item.submission, cleaned, stamp))
    return create_many(checked), refused


def _free_tracking_id() -> str:
    # Reports' own unique index guards against other reports; acknowledged journal entries hold
    # IDs that are not reports yet, so those are skipped here.
    while True:
        tracking_id = new_tracking_id()
        if not JournalEntry.objects.filter(tracking_id=tracking_id).exists():
            return tracking_id


def _validate(s: ReportSubmission, *, make_title: bool = True) -> Cleaned:
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
    title = " ".join(clean_text(s.title).split())
    if not title and make_title:
        title = _title_from(description)
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
    return Cleaned(
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
