"""Delivering the outbox: at least once, in order per hop, with backoff; the receiver dedupes.

A pass sends every due message oldest first. A message waits while an earlier message of the same
hop is undelivered (a follow-up never overtakes its forward, a confirmation never overtakes the
proposal). Before an attempt the row is claimed by pushing `next_attempt_at` one lease ahead with
a conditional UPDATE, so two workers never send one attempt twice and a worker that dies
mid-request leaves a row that is retried later. A 2xx marks it delivered; a network error, 5xx,
408 or 429 waits `conf.backoff(attempt)`; another 4xx (the peer refused it) is given up at once
and shown by `layani federation outbox` until an operator retries it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from layani.audit.models import Visibility
from layani.audit.services import record

from .conf import CLAIM_LEASE, MAX_ATTEMPTS, backoff
from .models import OutboxMessage
from .transport import remote_tracking_id, send
from .wire import WireError

logger = logging.getLogger(__name__)
RETRYABLE_4XX = (408, 425, 429)


@dataclass
class PassResult:
    delivered: int = 0
    failed: int = 0
    waiting: int = 0

    def as_dict(self) -> dict[str, int]:
        return self.__dict__.copy()


def due_messages(now: datetime, limit: int) -> list[int]:
    return list(
        OutboxMessage.objects.filter(
            delivered_at__isnull=True,
            given_up=False,
            next_attempt_at__lte=now,
            hop__peer__active=True,
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def run_pass(*, now: datetime | None = None, limit: int = 200) -> PassResult:
    """Send every due message once (earlier messages of a hop first).

    Each attempt reads the clock when it starts (unless `now` is given, as tests do): a pass
    that waits on a slow peer must not claim its later messages with a lease, or schedule their
    retries, from a moment already minutes in the past, or a second worker could take a message
    this pass is still sending.
    """
    result = PassResult()
    for pk in sorted(due_messages(now or timezone.now(), limit)):
        outcome = attempt(pk, now=now)
        if outcome is True:
            result.delivered += 1
        elif outcome is False:
            result.failed += 1
        else:
            result.waiting += 1
    return result


def attempt(pk: int, *, now: datetime | None = None) -> bool | None:
    """One attempt at one message. True: delivered; False: failed; None: not sent now."""
    now = now or timezone.now()
    message = (
        OutboxMessage.objects.select_related("hop__peer", "hop__report")
        .filter(pk=pk, delivered_at__isnull=True, given_up=False, next_attempt_at__lte=now)
        .first()
    )
    if message is None:
        return None
    earlier = OutboxMessage.objects.filter(
        hop=message.hop, pk__lt=message.pk, delivered_at__isnull=True
    ).exists()
    if earlier:
        return None
    claimed = OutboxMessage.objects.filter(
        pk=message.pk, delivered_at__isnull=True, next_attempt_at=message.next_attempt_at
    ).update(next_attempt_at=now + CLAIM_LEASE)
    if not claimed:
        return None
    hop, peer = message.hop, message.hop.peer
    payload = dict(message.payload)
    if payload.get("kind") == "update":
        payload["your_tracking_id"] = hop.remote_tracking_id
    status, body, error = send(peer, payload)
    attempts = message.attempts + 1
    if status is not None and 200 <= status < 300:
        try:
            _delivered(message, body, now)
        except WireError as problem:
            error = f"{problem.code}: {problem.message}"
        else:
            logger.info("federation message=%s peer=%s delivered", message.pk, peer.deployment_id)
            return True
    permanent = status is not None and 400 <= status < 500 and status not in RETRYABLE_4XX
    given_up = permanent or attempts >= MAX_ATTEMPTS
    if permanent and body:
        error = f"{error} {body[:200].decode('utf-8', 'replace')}"
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=attempts,
        last_error=error[:300],
        next_attempt_at=now + backoff(attempts),
        given_up=given_up,
    )
    logger.warning(
        "federation message=%s peer=%s attempt=%s status=%s%s",
        message.pk,
        peer.deployment_id,
        attempts,
        status,
        " (given up)" if given_up else "",
    )
    return False


@transaction.atomic
def _delivered(message: OutboxMessage, body: bytes, now: datetime) -> None:
    hop = message.hop
    if message.kind == "forward":
        hop.remote_tracking_id = remote_tracking_id(hop.peer, body)
        hop.delivered_at = now
        hop.save(update_fields=["remote_tracking_id", "delivered_at"])
        report = hop.report
        record(
            "federation.forwarded",
            actor_ref="system",
            object_type="report",
            object_ref=report.tracking_id,
            payload={"peer": hop.peer.deployment_id, "peer_tracking_id": hop.remote_tracking_id},
            visibility=Visibility.PUBLIC if report.is_public else Visibility.INTERNAL,
            now=now,
        )
    OutboxMessage.objects.filter(pk=message.pk).update(
        delivered_at=now, attempts=message.attempts + 1, last_error=""
    )


def retry(*, message_ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Put given-up or waiting messages back in line now (the operator's `outbox --retry`)."""
    now = now or timezone.now()
    rows = OutboxMessage.objects.filter(delivered_at__isnull=True)
    if message_ids:
        rows = rows.filter(pk__in=message_ids)
    return rows.update(given_up=False, next_attempt_at=now)
