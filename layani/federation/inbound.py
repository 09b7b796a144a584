"""Receiving from a peer: a forward becomes one report however often it arrives; an update is
applied once, through the same case services staff use (the peer's service user acts for it).

Idempotency: a forward's report is submitted with the key "federation:<origin deployment>:<origin
tracking ID>" (`intake.submit_report` returns the first report for a repeat), and every message is
remembered by (peer, message key) in `InboundMessage`, written in the transaction that applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.audit.models import Visibility
from layani.audit.services import record
from layani.cases import services as case_services
from layani.cases.models import ACTIVE_TASK_STATUSES, MessageKind, Outcome, Task, TaskStatus
from layani.cases.workflow import WorkflowError
from layani.intake.errors import SubmissionError
from layani.intake.models import Channel, Report, ReportType
from layani.intake.services import Identity, ReportSubmission, submit_report

from .attachments import incoming, received_fields
from .models import Direction, Hop, InboundMessage, Peer
from .wire import Message


@dataclass(frozen=True)
class Answer:
    tracking_id: str
    repeated: bool


class RefusedError(Exception):
    """A message this deployment will not apply: stable `code`, `field`, words for people."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.code, self.field, self.message = code, field, message


def receive(peer: Peer, message: Message) -> Answer:
    """Apply `message` from `peer` once; a repeat gets the first answer."""
    if message.origin_deployment != peer.deployment_id:
        raise RefusedError("wrong_origin", "origin", _("The message names another deployment."))
    seen = _seen(peer, message.key)
    if seen is not None:
        return seen
    try:
        with transaction.atomic():
            if message.kind == "forward":
                return _receive_forward(peer, message)
            return _receive_update(peer, message)
    except IntegrityError:
        # A concurrent delivery of the same message won the race: answer as it did.
        seen = _seen(peer, message.key)
        if seen is None:
            raise
        return seen


def _seen(peer: Peer, key: str) -> Answer | None:
    earlier = InboundMessage.objects.filter(peer=peer, key=key).select_related("report").first()
    if earlier is None:
        return None
    return Answer(earlier.report.tracking_id if earlier.report else "", repeated=True)


def _receive_forward(peer: Peer, message: Message) -> Answer:
    report_data, identity = message.report, message.identity or {}
    submission = ReportSubmission(
        description=report_data.get("description", ""),
        region_code=report_data.get("region_code", ""),
        channel=Channel.API,
        type=report_data.get("type") or ReportType.COMPLAINT,
        title=report_data.get("title", ""),
        category_code=report_data.get("category_code", ""),
        latitude=report_data.get("latitude") or None,
        longitude=report_data.get("longitude") or None,
        address=report_data.get("address", ""),
        privacy=report_data.get("privacy") or "biasa",
        channel_ref=f"federation:{peer.deployment_id}:{message.origin_tracking_id}"[:100],
        idempotency_key=f"federation:{peer.deployment_id}:{message.origin_tracking_id}",
        identity=Identity(
            name=identity.get("name", ""),
            nik=identity.get("nik", ""),
            phone=identity.get("phone", ""),
            email=identity.get("email", ""),
        ),
        attachments=incoming(message),
    )
    try:
        receipt = submit_report(submission)
    except SubmissionError as error:
        raise RefusedError(error.code, error.field, str(error.message)) from None
    report = receipt.report
    received = [name for name, value in report_data.items() if value]
    received += [f"identity.{name}" for name, value in identity.items() if value]
    received += received_fields(message)
    if not Hop.objects.filter(report=report, peer=peer, active=True).exists():
        Hop.objects.create(
            report=report,
            peer=peer,
            direction=Direction.IN,
            remote_tracking_id=message.origin_tracking_id,
            reason=message.reason,
            sent_fields=received,
            delivered_at=timezone.now(),
        )
        record(
            "federation.received",
            actor_ref=f"peer:{peer.deployment_id}",
            object_type="report",
            object_ref=report.tracking_id,
            payload={"peer": peer.deployment_id, "peer_tracking_id": message.origin_tracking_id},
            visibility=Visibility.PUBLIC if report.is_public else Visibility.INTERNAL,
        )
    InboundMessage.objects.create(peer=peer, key=message.key, kind="forward", report=report)
    return Answer(report.tracking_id, repeated=not receipt.created)


def _receive_update(peer: Peer, message: Message) -> Answer:
    hop = (
        Hop.objects.filter(
            peer=peer,
            report__tracking_id=message.your_tracking_id,
            remote_tracking_id__in=[message.origin_tracking_id, ""],
        )
        .select_related("report")
        .order_by("-active", "-pk")
        .first()
    )
    if hop is None:
        raise RefusedError(
            "unknown_report", "your_tracking_id", _("No report crossed with that ID.")
        )
    if not hop.remote_tracking_id:
        hop.remote_tracking_id = message.origin_tracking_id
        hop.save(update_fields=["remote_tracking_id"])
    report = Report.objects.get(pk=hop.report_id)
    try:
        if hop.direction == Direction.OUT:
            _apply_at_origin(peer, hop, report, message)
        else:
            _apply_at_receiver(report, message)
    except WorkflowError as error:
        raise RefusedError(error.code, "event", error.message) from None
    InboundMessage.objects.create(peer=peer, key=message.key, kind=message.event, report=report)
    return Answer(report.tracking_id, repeated=False)


def _peer_task(peer: Peer, report: Report) -> Task | None:
    return Task.objects.filter(
        case_id=report.pk, agency=peer.agency, status__in=ACTIVE_TASK_STATUSES
    ).first()


def _apply_at_origin(peer: Peer, hop: Hop, report: Report, message: Message) -> None:
    """What the receiving deployment did, replayed here by the peer's service user."""
    actor, event, text = peer.service_user, message.event, message.text.strip()
    if event == "accepted":
        task = _peer_task(peer, report)
        if task is not None and task.status == TaskStatus.PENDING:
            case_services.accept_task(task, actor=actor)
    elif event in ("follow_up", "request"):
        kind = (
            MessageKind.PUBLIC_FOLLOW_UP
            if event == "follow_up"
            else MessageKind.REQUEST_TO_REPORTER
        )
        case_services.post_message(report, actor=actor, kind=kind, body=text, agency=peer.agency)
    elif event == "closure_proposed":
        outcome = message.outcome if message.outcome in Outcome.values else Outcome.RESOLVED
        case_services.propose_closure(report, actor=actor, outcome=outcome, explanation=text)
    elif event == "declined":
        hop.active = False
        hop.bounces += 1
        hop.save(update_fields=["active", "bounces"])
        case_services.return_from_outside(report, reason=text)
    elif event == "referred":
        hop.bounces += 1
        hop.save(update_fields=["bounces"])
        record(
            "federation.referred_at_peer",
            actor_ref=f"peer:{peer.deployment_id}",
            object_type="report",
            object_ref=report.tracking_id,
            payload={"peer": peer.deployment_id, "bounces": hop.bounces},
        )
    else:
        raise RefusedError("wrong_direction", "event", _("This event does not flow this way."))


def _apply_at_receiver(report: Report, message: Message) -> None:
    """What the citizen did at the origin, replayed here."""
    event, text = message.event, message.text.strip()
    if event == "reporter_message":
        case_services.post_reporter_reply(report, text=text)
    elif event == "confirmed":
        case_services.confirm_closure(report, rating=message.rating, comment=text)
    elif event == "disputed":
        case_services.dispute_closure(report, reason=text or "-")
    elif event == "appealed":
        case_services.appeal_case(report, reason=text or "-")
    else:
        raise RefusedError("wrong_direction", "event", _("This event does not flow this way."))
