"""Queue entry point for the retention job (enqueued daily by ``layani sla scheduler``)."""

from __future__ import annotations

import logging

from django_tasks import task

from .erasure import erase_expired

logger = logging.getLogger(__name__)


@task(queue_name="background")
def erase_expired_personal_data() -> int:
    """Erase personal data past its retention period; returns the number of reports erased."""
    result = erase_expired()
    logger.info(
        "retention: %d reports erased of %d due, %d message receipts and %d sessions removed",
        len(result.erased),
        result.due,
        result.processed_messages,
        result.sessions,
    )
    return len(result.erased)
