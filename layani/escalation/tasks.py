"""Queue entry points for the periodic jobs (adapters over the services)."""

from __future__ import annotations

import logging

from django_tasks import task

from layani.audit.services import create_checkpoint
from layani.intake.selectors import report_counts
from layani.notifications.services import send_digests

from .sweep import sweep

logger = logging.getLogger(__name__)


@task()
def run_sweep() -> dict[str, int]:
    """One pass of the service clock (see ``sweep``)."""
    counts = dict(sweep())
    logger.info("sla sweep: %s", counts)
    return counts


@task()
def create_audit_checkpoint() -> int | None:
    """Sign the audit chain's head so it can be published on /transparansi/audit/."""
    checkpoint = create_checkpoint()
    return checkpoint.entry_sequence if checkpoint is not None else None


@task()
def send_daily_digests() -> int:
    """Send each digest user's held notifications as one e-mail."""
    return send_digests()


@task()
def refresh_report_counts() -> int:
    """Count the home page's figures anew into the cache; returns the number of reports."""
    return sum(report_counts(fresh=True).by_status.values())
