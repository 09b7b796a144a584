"""The background task that delivers the outbox (django-tasks; the worker is `layani db_worker`).

Cron or the scheduler runs `layani federation deliver` (or enqueues this task) every minute, and
every decision that writes the outbox enqueues it after commit, so a forward usually leaves within
a second; retries fall due on later passes and no task sleeps waiting for a backoff.
"""

from __future__ import annotations

from django_tasks import task

from .delivery import run_pass


@task()
def deliver_federation() -> dict[str, int]:
    """Send every due outbox message once."""
    return run_pass().as_dict()
