"""Attachments across the hop: the same rule as inside one deployment, bounded, checked again.

Inside a deployment the handling agency sees a report's attachments unless the report is
anonymous, where it sees only those the coordinator reviewed (`cases.permissions.
can_see_attachment`: a photo can show who took it). A forward crosses to the receiving agency,
so the same rule decides what crosses:

- to a **Layani peer**: every attachment of a *biasa* or *rahasia* report; of an *anonim* or
  *anonim_rahasia* report only the reviewed ones, under neutral names (`lampiran-1.jpg`: the
  sender's file name may name them). At most `layani_json.MAX_FORWARD_ATTACHMENT_BYTES` in all,
  oldest first; what does not fit is withheld and counted. They arrive unreviewed: the receiver's
  coordinator reviews them under its own rules before its agency (for anonymous tiers) or its
  public page sees them. The receiver stores them through `intake.submit_report`, so they pass the
  ordinary intake checks again (type by content, size, pixel limits, re-encoding).
- to **SP4N-LAPOR!**: nothing; the `<lapor>` document has no attachment field. They are counted
  as withheld.

The outbox keeps only references (`refs`); the files are read and inlined when the message is
encoded for sending (`inline`), with the rule applied again, so a review withdrawn meanwhile or a
file erased by retention does not cross.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from typing import Any

from layani.intake.models import ANONYMOUS_TIERS, Attachment, Report
from layani.intake.submission import UploadedAttachment
from layani.intake.uploads import EXTENSIONS, MAX_ATTACHMENTS

from .models import Peer, PeerKind
from .wire import Message
from .wire.layani_json import MAX_FORWARD_ATTACHMENT_BYTES

logger = logging.getLogger(__name__)


def may_cross(attachment: Attachment, report: Report) -> bool:
    """The receiving agency may see it: the rule an agency inside this deployment follows."""
    return attachment.reviewed or report.privacy not in ANONYMOUS_TIERS


def _name(attachment: Attachment, report: Report, position: int) -> str:
    if report.privacy in ANONYMOUS_TIERS or not attachment.original_name:
        return f"lampiran-{position}{EXTENSIONS.get(attachment.content_type, '')}"
    return attachment.original_name


def outgoing(report: Report, peer: Peer) -> tuple[list[dict[str, Any]], list[str]]:
    """References to the attachments that may cross to `peer`, and what to record in sent_fields."""
    attachments = list(report.attachments.order_by("created_at", "pk"))
    if not attachments:
        return [], []
    if peer.kind != PeerKind.LAYANI:
        return [], [f"attachments withheld (no attachment field for this peer): {len(attachments)}"]
    refs: list[dict[str, Any]] = []
    not_reviewed = too_large = 0
    budget = MAX_FORWARD_ATTACHMENT_BYTES
    for attachment in attachments:
        if not may_cross(attachment, report):
            not_reviewed += 1
            continue
        if attachment.size > budget or len(refs) >= MAX_ATTACHMENTS:
            too_large += 1
            continue
        budget -= attachment.size
        refs.append(
            {
                "id": attachment.pk,
                "name": _name(attachment, report, len(refs) + 1),
                "content_type": attachment.content_type,
                "sha256": attachment.sha256,
            }
        )
    sent = [f"attachments: {len(refs)}"] if refs else []
    if not_reviewed:
        sent.append(f"attachments withheld (not reviewed, anonymous report): {not_reviewed}")
    if too_large:
        sent.append(f"attachments withheld (over the size limit): {too_large}")
    return refs, sent


def inline(refs: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The referenced files as they go on the wire (base64), the rule applied again now."""
    wanted = {ref["id"]: ref for ref in refs if isinstance(ref, dict) and "id" in ref}
    found = Attachment.objects.filter(pk__in=list(wanted)).select_related("report")
    files: list[dict[str, str]] = []
    for attachment in sorted(found, key=lambda a: list(wanted).index(a.pk)):
        ref = wanted[attachment.pk]
        if not may_cross(attachment, attachment.report) or attachment.sha256 != ref["sha256"]:
            continue
        try:
            with attachment.file.open("rb") as handle:
                content = handle.read(MAX_FORWARD_ATTACHMENT_BYTES + 1)
        except OSError:
            logger.warning("federation attachment=%s missing from storage", attachment.pk)
            continue
        if hashlib.sha256(content).hexdigest() != attachment.sha256:
            logger.warning("federation attachment=%s does not match its digest", attachment.pk)
            continue
        files.append(
            {
                "name": ref["name"],
                "content_type": attachment.content_type,
                "sha256": attachment.sha256,
                "content": base64.b64encode(content).decode("ascii"),
            }
        )
    return files


def incoming(message: Message) -> tuple[UploadedAttachment, ...]:
    """What arrived with a forward, for `submit_report` (which checks every file again)."""
    return tuple(
        UploadedAttachment(name=a.name, content=a.content, content_type=a.content_type)
        for a in message.attachments
    )


def received_fields(message: Message) -> list[str]:
    """What to record on the receiver's hop about the files that arrived."""
    return [f"attachments: {len(message.attachments)}"] if message.attachments else []
