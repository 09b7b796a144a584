"""What a channel hands in (`ReportSubmission`), and what the store adds once it is checked.

Kept apart from `services` so that the store (`recording`) and the checks share these types
without importing each other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from layani.accounts.models import User
from layani.directory.models import Category

from .models import PrivacyTier, ReportType
from .places import Place


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
class Stamp:
    """What the store adds to a checked submission: its ID, access code digest, time."""

    tracking_id: str
    access_code_hash: str
    fingerprint: str
    at: datetime


@dataclass(frozen=True)
class Cleaned:
    title: str
    description: str
    category: Category | None
    place: Place
    latitude: Decimal | None
    longitude: Decimal | None
    answers: dict[str, Any]
    attachments: tuple[UploadedAttachment, ...]
    identity: Identity
