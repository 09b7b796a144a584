"""Public timeline entries in citizens' words instead of audit action names.

A report that crossed to (or arrived from) another complaint system names it: "Forwarded to
Layani Provinsi DIY". Only the peer's public agency name is shown (the directory entry the matrix
names); its deployment id, address and the tracking ID it gave are never on a citizen's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from layani.audit import vocabulary
from layani.audit.models import AuditEntry
from layani.federation.privacy import public_peer_name


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    label: str
    action: str


def _naming_the_peer(action: str, peer: str) -> str | None:
    if action == "federation.forwarded":
        return _("Forwarded to %(peer)s") % {"peer": peer}
    if action == "federation.received":
        return _("Received from %(peer)s") % {"peer": peer}
    return None


def describe(entry: AuditEntry) -> TimelineItem:
    label = None
    if entry.action in ("federation.forwarded", "federation.received"):
        name = public_peer_name(str((entry.payload or {}).get("peer", "")))
        label = _naming_the_peer(entry.action, name) if name else None
    label = label or vocabulary.citizen_words(entry.action) or vocabulary.staff_words(entry.action)
    return TimelineItem(entry.occurred_at, label, entry.action)
