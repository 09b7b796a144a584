"""The background task that runs a delivery pass (django-tasks; the worker is `layani db_worker`).

Cron or the worker's scheduler runs `layani webhooks deliver` (or enqueues this task) every
minute; retries fall due on later passes, so no task ever sleeps waiting for a backoff.
"""

from __future__ import annotations

from django_tasks import task

from .delivery import run_pass


@task(queue_name="background")
def deliver_webhooks() -> dict[str, int]:
    """Queue new events for every subscription and send every due delivery, once."""
    return run_pass().as_dict()
