"""What crosses the hop: only what the report's privacy tier allows, and a record of it.

- *biasa*: the report and the reporter's identity (to a Layani peer: name, NIK, phone, e-mail;
  to SP4N-LAPOR!: name, phone and e-mail, the fields its document has).
- *rahasia*: the identity only to a Layani peer, which keeps it in its own identity store and
  reveals it under its own audited rules; to SP4N-LAPOR! the report goes with `rahasia=1` and no
  identity.
- *anonim*, *anonim_rahasia*: no identity at all, and the texts cross as the handling agency may
  read them (personal data typed into them masked, `cases.presentation`).
- A reporter who restricted processing (UU PDP) sends no identity anywhere.
- Attachments follow the same rule as inside one deployment (`attachments`): to a Layani peer
  what the receiving agency may see (all of them, or the reviewed ones of an anonymous report),
  bounded in size; to SP4N-LAPOR! none (its document has no field for them).

Citizens' pages name a peer only by its public agency name (`public_peer_name`).
"""

from __future__ import annotations

from typing import Any

from layani.cases import presentation
from layani.cases.transfer import identity_for_transfer
from layani.intake.models import ANONYMOUS_TIERS, PrivacyTier, Report

from . import attachments
from .models import Peer, PeerKind

REPORT_FIELDS = ("type", "title", "description", "region_code", "category_code", "address")
LAYANI_IDENTITY = ("name", "nik", "phone", "email")
LAPOR_IDENTITY = ("name", "phone", "email")


def identity_fields(report: Report, peer: Peer) -> tuple[str, ...]:
    """Which identity fields the tier lets cross to this peer."""
    if report.privacy in ANONYMOUS_TIERS:
        return ()
    if peer.kind == PeerKind.LAYANI:
        return LAYANI_IDENTITY
    return LAPOR_IDENTITY if report.privacy == PrivacyTier.BIASA else ()


def shareable_text(report: Report, value: str) -> str:
    """A text of the report as it may cross (masked on anonymous tiers)."""
    if report.privacy in ANONYMOUS_TIERS:
        return presentation.text(presentation.Audience.AGENCY, report.privacy, value)
    return value


def forward_payload(report: Report, peer: Peer) -> tuple[dict[str, Any], list[str]]:
    """The report as it may cross to `peer`, and the names of what was sent."""
    shown = presentation.report_text(
        report,
        presentation.Audience.AGENCY
        if report.privacy in ANONYMOUS_TIERS
        else presentation.Audience.REVEALED,
    )
    body: dict[str, str] = {
        "type": report.type,
        "title": shown.title,
        "description": shown.description,
        "region_code": report.region_id or "",
        "category_code": report.category.code if report.category else "",
        "address": shown.address,
        "privacy": report.privacy,
        "latitude": "" if report.latitude is None else str(report.latitude),
        "longitude": "" if report.longitude is None else str(report.longitude),
    }
    identity = identity_for_transfer(report, identity_fields(report, peer))
    sent = [name for name, value in body.items() if value]
    sent += [f"identity.{name}" for name in identity]
    files, crossed = attachments.outgoing(report, peer)
    sent += crossed
    payload: dict[str, Any] = {"report": body, "identity": identity or None}
    if files:
        payload["attachments"] = files  # references; the wire module inlines the files
    return payload, sent


def public_peer_name(deployment_id: str) -> str:
    """The name a citizen may read for a peer: its directory agency's name ("" if unknown)."""
    if not deployment_id:
        return ""
    peer = Peer.objects.filter(deployment_id=deployment_id).select_related("agency").first()
    return peer.agency.name if peer is not None else ""
