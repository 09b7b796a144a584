"""Writing the outbox in the transaction of the decision, driven by the audit log.

Every case move records an audit entry inside its own transaction (`cases.services.common.audit`).
This app listens to those entries (`post_save` of `AuditEntry`, connected in `apps.py`), so:

- a disposition or referral whose agency is an outside peer writes a `Hop` and its forward, and
- a move on a report that crossed (a follow-up at the receiver, a confirmation at the origin)
  writes the update for the other side,

in the same transaction as the move: the decision and its message commit or roll back together.
`cases` does not import this app (arrows point down).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from layani.audit.models import AuditEntry, Visibility
from layani.audit.services import record
from layani.cases.models import Case, CaseMessage, MessageKind, Referral, Task, TaskRole
from layani.intake.models import Report

from .conf import own_id
from .models import Direction, Hop, OutboxMessage, Peer
from .privacy import forward_payload, shareable_text

#: Moves at the receiving deployment that the origin must hear of.
RECEIVER_ACTIONS = {
    "report.disposed": "accepted",
    "message.follow_up": "follow_up",
    "message.request": "request",
    "report.held": "request",
    "report.closure_proposed": "closure_proposed",
    "report.not_within_authority": "declined",
    "report.archived": "declined",
    "task.referred": "referred",
}
#: Moves at the origin (the citizen's side) that the receiving deployment must hear of.
ORIGIN_ACTIONS = {
    "message.reporter": "reporter_message",
    "report.information_provided": "reporter_message",
    "report.confirmed": "confirmed",
    "report.disputed": "disputed",
    "report.appealed": "appealed",
}
FORWARD_ACTIONS = {"report.disposed": "lead", "task.referred": "to_agency"}
WATCHED = set(RECEIVER_ACTIONS) | set(ORIGIN_ACTIONS) | set(FORWARD_ACTIONS)


def on_audit_entry(sender: Any, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    if not created or instance.object_type != "report" or instance.action not in WATCHED:
        return
    if not Peer.objects.filter(active=True).exists():
        return
    report = Report.objects.filter(tracking_id=instance.object_ref).first()
    if report is None:
        return
    payload = instance.payload or {}
    for hop in Hop.objects.filter(report=report, active=True).select_related("peer"):
        table = RECEIVER_ACTIONS if hop.direction == Direction.IN else ORIGIN_ACTIONS
        event = table.get(instance.action)
        if event is not None:
            queue_update(hop, event, instance, report)
            _kick()
    slug = payload.get(FORWARD_ACTIONS.get(instance.action, ""), "")
    if slug:
        peer = Peer.objects.filter(agency__slug=slug, active=True).first()
        if peer is not None:
            queue_forward(report, peer, instance)
            _kick()


def _kick() -> None:
    """Ask the worker for a delivery pass once the decision has committed."""
    if getattr(settings, "LAYANI_FEDERATION_KICK", True):
        from .tasks import deliver_federation

        transaction.on_commit(deliver_federation.enqueue)


def _reason(report: Report, action: str) -> str:
    if action == "task.referred":
        referral = Referral.objects.filter(case_id=report.pk).order_by("-created_at", "-pk").first()
        return referral.reason if referral else ""
    task = Task.objects.filter(case_id=report.pk, role=TaskRole.LEAD).order_by("-pk").first()
    return task.instructions if task else ""


def queue_forward(report: Report, peer: Peer, entry: AuditEntry) -> Hop:
    """A hop to `peer` and its forward message (one active hop per report and peer)."""
    now = entry.occurred_at or timezone.now()
    existing = Hop.objects.filter(report=report, peer=peer, active=True).first()
    if existing is not None:
        return existing
    body, sent = forward_payload(report, peer)
    reason = _reason(report, entry.action)
    hop = Hop.objects.create(
        report=report,
        peer=peer,
        direction=Direction.OUT,
        reason=reason,
        sent_fields=sent,
        created_at=now,
    )
    key = f"{own_id()}:{report.tracking_id}:forward:{hop.pk}"
    OutboxMessage.objects.create(
        hop=hop,
        kind="forward",
        key=key,
        payload={
            "kind": "forward",
            "key": key,
            "origin": {"deployment": own_id(), "tracking_id": report.tracking_id},
            "reason": shareable_text(report, reason),
            **body,
        },
        created_at=now,
        next_attempt_at=now,
    )
    record(
        "federation.queued",
        actor_ref="system",
        object_type="report",
        object_ref=report.tracking_id,
        payload={"peer": peer.deployment_id, "sent": sent},
        visibility=Visibility.INTERNAL,
        now=now,
    )
    return hop


def _message_text(report: Report, entry: AuditEntry) -> str:
    message_id = (entry.payload or {}).get("message")
    if message_id:
        message = CaseMessage.objects.filter(pk=message_id, case_id=report.pk).first()
        return message.body if message else ""
    latest = (
        CaseMessage.objects.filter(case_id=report.pk, kind=MessageKind.REPORTER_MESSAGE)
        .order_by("-created_at", "-pk")
        .first()
    )
    return latest.body if latest else ""


def queue_update(hop: Hop, event: str, entry: AuditEntry, report: Report) -> OutboxMessage:
    case = Case.objects.filter(pk=report.pk).first()
    data: dict[str, Any] = {"text": "", "outcome": "", "rating": None}
    if event in ("follow_up", "reporter_message", "disputed", "appealed") or (
        event == "request" and entry.action == "message.request"
    ):
        data["text"] = _message_text(report, entry)
    elif event == "request" and case is not None:
        data["text"] = case.hold_reason
    elif event == "closure_proposed" and case is not None:
        data.update(text=case.outcome_note, outcome=case.outcome)
    elif event == "declined" and case is not None:
        data["text"] = case.decision_reason
    elif event == "referred":
        data["text"] = _reason(report, entry.action)
    elif event == "confirmed" and case is not None:
        data.update(text=case.rating_comment, rating=case.rating)
    if hop.direction == Direction.OUT:  # the citizen's words leave as the tier allows
        data["text"] = shareable_text(report, data["text"])
    key = f"{own_id()}:{report.tracking_id}:{event}:{entry.sequence}"
    return OutboxMessage.objects.create(
        hop=hop,
        kind=event,
        key=key,
        payload={
            "kind": "update",
            "key": key,
            "event": event,
            "origin": {"deployment": own_id(), "tracking_id": report.tracking_id},
            **data,
        },
        created_at=entry.occurred_at or timezone.now(),
        next_attempt_at=entry.occurred_at or timezone.now(),
    )
