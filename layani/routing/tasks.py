"""Queue entry point for the scheduled retrain of the router (`retraining.retrain_if_better`)."""

from __future__ import annotations

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task(queue_name="background")
def retrain_routing_model() -> str:
    """Build a new router version only if it beats the active one on held-out decisions, and
    recalibrate the auto-disposition threshold (the scheduler enqueues it, by default weekly)."""
    # Imported here: the scheduler imports this module, and should not load scikit-learn.
    from .retraining import retrain_if_better

    outcome = retrain_if_better()
    logger.info("routing retrain: %s", outcome.summary)
    return outcome.summary
