"""The delivery pass: scan the audit log for each subscription, then send what is due.

At-least-once: a delivery counts as done only when the receiver answered 2xx; until then it is
retried with exponential backoff (30 s, 1 min, 2 min … capped at 6 h; 10 attempts in about 10
hours), and receivers drop repeats by the event id. Exactly one `Delivery` row exists per
(subscription, sequence): the scan inserts with the unique constraint as the arbiter, and each
attempt updates that row. Before an attempt the row is *claimed* by pushing `next_attempt_at` one
lease ahead with a conditional UPDATE, so two workers running passes at once never send the same
attempt twice, and a worker that dies mid-request leaves a row that is simply retried later.

Outbound HTTP goes only to the subscription's URL: no redirects are followed, no proxy from the
environment is used, and the request times out.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from layani.audit.models import AuditEntry

from .events import event_body, relevant_entries
from .models import Delivery, Subscription
from .signing import EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signature

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
#: How long a claimed delivery stays with the worker that claimed it.
CLAIM_LEASE = timedelta(minutes=2)
REQUEST_TIMEOUT_SECONDS = 10
SCAN_BATCH = 500


@dataclass
class PassResult:
    scanned: int = 0
    queued: int = 0
    delivered: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return self.__dict__.copy()


def backoff(attempt: int) -> timedelta:
    """The wait after failed attempt number `attempt` (1-based): doubling, capped."""
    return min(FIRST_RETRY * 2 ** (attempt - 1), LONGEST_WAIT)


def run_pass(*, now: datetime | None = None, send_limit: int = 200) -> PassResult:
    """One pass: queue new events for every active subscription, then send the due deliveries."""
    result = PassResult()
    for subscription_id in Subscription.objects.filter(active=True).values_list("pk", flat=True):
        scanned, queued = scan_subscription(subscription_id, now=now)
        result.scanned += scanned
        result.queued += queued
    now = now or timezone.now()
    due = (
        Delivery.objects.filter(
            delivered_at__isnull=True, next_attempt_at__lte=now, subscription__active=True
        )
        .order_by("next_attempt_at", "sequence")
        .values_list("pk", flat=True)[:send_limit]
    )
    for delivery_id in list(due):
        outcome = attempt_delivery(delivery_id, now=now)
        if outcome is True:
            result.delivered += 1
        elif outcome is False:
            result.failed += 1
    return result


def scan_subscription(subscription_id: int, *, now: datetime | None = None) -> tuple[int, int]:
    """Turn the audit entries after the cursor into deliveries; return (scanned, queued)."""
    now = now or timezone.now()
    scanned = queued = 0
    while True:
        with transaction.atomic():
            subscription = (
                Subscription.objects.select_for_update()
                .select_related("agency")
                .filter(pk=subscription_id, active=True)
                .first()
            )
            if subscription is None:
                return scanned, queued
            batch = list(
                AuditEntry.objects.filter(sequence__gt=subscription.cursor).order_by("sequence")[
                    :SCAN_BATCH
                ]
            )
            if not batch:
                return scanned, queued
            chosen = relevant_entries(subscription, batch)
            Delivery.objects.bulk_create(
                [
                    Delivery(
                        subscription=subscription,
                        sequence=e.sequence,
                        action=e.action,
                        created_at=now,
                        next_attempt_at=now,
                    )
                    for e in chosen
                ],
                ignore_conflicts=True,
            )
            subscription.cursor = batch[-1].sequence
            subscription.save(update_fields=["cursor"])
        scanned += len(batch)
        queued += len(chosen)
        if len(batch) < SCAN_BATCH:
            return scanned, queued


def attempt_delivery(delivery_id: int, *, now: datetime | None = None) -> bool | None:
    """Send one due delivery once. True: delivered; False: failed (retry or give up); None: not
    ours to send (already delivered, not yet due, or claimed by another worker)."""
    now = now or timezone.now()
    delivery = (
        Delivery.objects.select_related("subscription__agency")
        .filter(pk=delivery_id, delivered_at__isnull=True, next_attempt_at__lte=now)
        .first()
    )
    if delivery is None:
        return None
    claimed = Delivery.objects.filter(
        pk=delivery.pk, delivered_at__isnull=True, next_attempt_at=delivery.next_attempt_at
    ).update(next_attempt_at=now + CLAIM_LEASE)
    if not claimed:
        return None
    subscription = delivery.subscription
    entry = AuditEntry.objects.get(sequence=delivery.sequence)
    status, error = post_event(subscription, entry)
    attempt = delivery.attempt + 1
    ok = status is not None and 200 <= status < 300
    fields: dict[str, object] = {"attempt": attempt, "status_code": status, "error": error[:300]}
    if ok:
        fields.update(delivered_at=now, next_attempt_at=None)
    elif attempt >= MAX_ATTEMPTS:
        fields["next_attempt_at"] = None
    else:
        fields["next_attempt_at"] = now + backoff(attempt)
    Delivery.objects.filter(pk=delivery.pk).update(**fields)
    log = logger.info if ok else logger.warning
    log(
        "webhook event=%s action=%s subscription=%s attempt=%s status=%s error=%s%s",
        delivery.sequence,
        delivery.action,
        subscription.pk,
        attempt,
        status,
        error or "-",
        " (giving up)" if not ok and attempt >= MAX_ATTEMPTS else "",
    )
    return ok


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx is then an answer like any other non-2xx: the attempt failed


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


def post_event(subscription: Subscription, entry: AuditEntry) -> tuple[int | None, str]:
    """POST one signed event to the subscription's URL; (HTTP status or None, error text)."""
    body = event_body(entry, subscription)
    timestamp = int(time.time())
    request = urllib.request.Request(  # noqa: S310 (scheme checked when the subscription is made)
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Layani-Webhooks/1",
            EVENT_ID_HEADER: str(entry.sequence),
            EVENT_HEADER: entry.action,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: signature(subscription.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, f"{type(error).__name__}: {getattr(error, 'reason', error)}"
