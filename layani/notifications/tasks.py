"""Queue entry points for notifications (adapters over ``services``; ``services`` never imports
this module). They run on the ``notifications`` queue, so a backlog of messages never delays the
recording of reports (the ``intake`` queue, decision 0026). The app's ``ready`` imports this
module, which tells ``services`` how to queue a delivery."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from . import services

#: Deliveries and digests (run a worker with ``--queue-name '*' --exclude-queues intake``).
NOTIFICATIONS_QUEUE = "notifications"


@task(queue_name=NOTIFICATIONS_QUEUE)
def deliver_notification(notification_id: int) -> str:
    """Send one recorded notification (retries are queued by ``services.deliver``)."""
    return services.deliver(notification_id)


@task(queue_name=NOTIFICATIONS_QUEUE)
def send_daily_digests() -> int:
    """Group every digest user's held notifications into one e-mail each."""
    return services.send_digests()


def _enqueue_delivery(notification_id: int, run_after: datetime | None) -> None:
    queued = deliver_notification
    if run_after is not None:
        if not queued.get_backend().supports_defer:
            return  # the sweep (`services.retry_due`) queues it when it is due
        queued = queued.using(run_after=run_after)
    queued.enqueue(notification_id)


services.set_delivery_queue(_enqueue_delivery)
