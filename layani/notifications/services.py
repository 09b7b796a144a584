"""Creating, delivering and digesting notifications.

``notify`` records a notification in the caller's transaction and queues its delivery after
commit, so a rolled-back change never messages anyone. Delivery claims the row with one
conditional UPDATE (pending → sending), so a notification is handed to a channel by one worker
even when its delivery task runs twice. Failed attempts are retried with exponential backoff;
the periodic sweep (``retry_due``) re-queues anything whose retry is due, which also recovers
from lost queue entries and crashed workers (at-least-once towards the gateway, which
deduplicates on the ``X-Layani-Delivery`` id).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from layani.accounts.models import User

from .models import Channel, Delivery, DeliveryPreference, Notification, Status
from .senders import DeliveryError, sender_for

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
#: The first retry waits this long; each further one twice as long as the one before.
FIRST_RETRY_DELAY = timedelta(minutes=1)
#: A notification still "sending" after this long belonged to a worker that died mid-send.
STALE_SENDING_AFTER = timedelta(minutes=10)


def notify(
    *,
    recipient_ref: str,
    channel: str,
    address: str,
    event: str,
    subject: str,
    body: str,
    user: User | None = None,
    dedupe_key: str | None = None,
    now: datetime | None = None,
) -> Notification | None:
    """Record a notification and queue its delivery after commit.

    Returns None when there is no address, or when a notification with the same ``dedupe_key``
    already exists (it was created once; it is never created twice). A staff user who chose the
    daily digest gets e-mail held for the digest instead.
    """
    if not address:
        return None
    now = now or timezone.now()
    status = Status.PENDING
    if user is not None and channel == Channel.EMAIL:
        preference = DeliveryPreference.objects.filter(user=user).first()
        if preference is not None and preference.delivery == Delivery.DAILY_DIGEST:
            status = Status.HELD
    notification = Notification(
        recipient_ref=recipient_ref,
        user=user,
        channel=channel,
        event=event,
        subject=subject[:200],
        body=body,
        address=address,
        status=status,
        created_at=now,
        next_attempt_at=now,
        dedupe_key=dedupe_key,
    )
    try:
        with transaction.atomic():
            notification.save(force_insert=True)
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if status == Status.PENDING:
        transaction.on_commit(partial(enqueue_delivery, notification.pk))
    return notification


def notify_user(
    user: User,
    *,
    event: str,
    subject: str,
    body: str,
    dedupe_key: str | None = None,
    now: datetime | None = None,
) -> Notification | None:
    """Notify a staff user by e-mail, honouring their preference (digest, or e-mail off)."""
    preference = DeliveryPreference.objects.filter(user=user).first()
    if preference is not None and not preference.email_enabled:
        return None
    return notify(
        recipient_ref=f"user:{user.pk}",
        channel=Channel.EMAIL,
        address=user.email,
        event=event,
        subject=subject,
        body=body,
        user=user,
        dedupe_key=dedupe_key,
        now=now,
    )


#: How a delivery is put on the queue: set by ``tasks`` when it is imported (the app's ``ready``),
#: so this module never imports the queue's entry points (tasks call services, not back).
_delivery_queue: Callable[[int, datetime | None], None] | None = None


def set_delivery_queue(enqueue: Callable[[int, datetime | None], None]) -> None:
    """Name the function that queues one delivery (``tasks.deliver_notification``)."""
    global _delivery_queue
    _delivery_queue = enqueue


def enqueue_delivery(notification_id: int, run_after: datetime | None = None) -> None:
    """Put a delivery on the task queue (deferred when the backend supports it; otherwise the
    sweep picks the retry up when it is due)."""
    if _delivery_queue is None:
        logger.warning("No delivery queue is set (notifications.tasks not imported).")
        return
    _delivery_queue(notification_id, run_after)


def deliver(notification_id: int, *, now: datetime | None = None) -> str:
    """Try to send one notification; returns its status afterwards."""
    now = now or timezone.now()
    claimed = Notification.objects.filter(pk=notification_id, status=Status.PENDING).update(
        status=Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=now
    )
    notification = Notification.objects.get(pk=notification_id)
    if not claimed:
        return notification.status
    try:
        sender_for(notification.channel).send(notification)
    except DeliveryError as exc:
        notification.error = str(exc)[:500]
        if notification.attempts >= MAX_ATTEMPTS:
            notification.status, notification.address = Status.FAILED, ""
        else:
            notification.status = Status.PENDING
            delay = FIRST_RETRY_DELAY * 2 ** (notification.attempts - 1)
            notification.next_attempt_at = now + delay
        notification.save(update_fields=["status", "error", "address", "next_attempt_at"])
        if notification.status == Status.PENDING:
            enqueue_delivery(notification.pk, run_after=notification.next_attempt_at)
        return notification.status
    notification.status, notification.sent_at = Status.SENT, now
    notification.address, notification.error = "", ""
    notification.save(update_fields=["status", "sent_at", "address", "error"])
    return notification.status


def retry_due(*, now: datetime | None = None) -> int:
    """Queue every pending notification whose (re)try is due, and recover ones stuck in sending
    by a dead worker. Returns how many were queued."""
    now = now or timezone.now()
    Notification.objects.filter(
        status=Status.SENDING, last_attempt_at__lt=now - STALE_SENDING_AFTER
    ).update(status=Status.PENDING, next_attempt_at=now)
    due = list(
        Notification.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:1000]
    )
    for pk in due:
        enqueue_delivery(pk)
    return len(due)


def send_digests(*, now: datetime | None = None) -> int:
    """Group each user's held notifications into one digest e-mail. Returns digests created.

    Rows are claimed under a row lock (skipping rows another worker holds), so two digest runs
    never put one notification into two digests.
    """
    now = now or timezone.now()
    user_ids = set(
        Notification.objects.filter(status=Status.HELD).values_list("user_id", flat=True)
    )
    created = 0
    for user_id in sorted(uid for uid in user_ids if uid is not None):
        with transaction.atomic():
            rows = list(
                Notification.objects.select_for_update(skip_locked=True)
                .filter(user_id=user_id, status=Status.HELD)
                .order_by("created_at", "pk")
            )
            if not rows:
                continue
            digest = _digest_for(rows, now)
            if digest is None:
                continue
            Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
                status=Status.DIGESTED, digest=digest, address=""
            )
            created += 1
    return created


def _digest_for(rows: list[Notification], now: datetime) -> Notification | None:
    by_event: dict[str, list[Notification]] = defaultdict(list)
    for row in rows:
        by_event[row.event].append(row)
    lines = []
    for event, items in sorted(by_event.items()):
        lines.append(f"{event} ({len(items)})")
        lines.extend(f"  - {item.subject}" for item in items)
        lines.append("")
    count = len(rows)
    subject = ngettext(
        "Layani: %(count)d notification today", "Layani: %(count)d notifications today", count
    ) % {"count": count}
    body = _("Your daily digest:") + "\n\n" + "\n".join(lines)
    first = rows[0]
    return notify(
        recipient_ref=first.recipient_ref,
        channel=Channel.EMAIL,
        address=rows[-1].address,
        event="digest.daily",
        subject=subject,
        body=body,
        dedupe_key=f"digest:{first.user_id}:{rows[-1].pk}",
        now=now,
    )


def set_preference(user: User, *, delivery: str, email_enabled: bool = True) -> None:
    """Record how a staff user wants their e-mail: immediately or as a daily digest."""
    if delivery not in Delivery.values:
        raise ValueError(f"delivery must be one of {Delivery.values}")
    DeliveryPreference.objects.update_or_create(
        user=user, defaults={"delivery": delivery, "email_enabled": email_enabled}
    )
