"""Queue entry points for notifications (adapters over ``services``)."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def deliver_notification(notification_id: int) -> str:
    """Send one recorded notification (retries are queued by ``services.deliver``)."""
    return services.deliver(notification_id)


@task()
def send_daily_digests() -> int:
    """Group every digest user's held notifications into one e-mail each."""
    return services.send_digests()
