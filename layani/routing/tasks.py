"""Queue entry point for the scheduled retrain of the router (`retraining.retrain_if_better`)."""

from __future__ import annotations

import logging

from django_tasks import task

from .retraining import retrain_if_better

logger = logging.getLogger(__name__)


@task()
def retrain_routing_model() -> str:
    """Build a new router version only if it beats the active one on held-out decisions."""
    outcome = retrain_if_better()
    logger.info("routing retrain: %s", outcome.summary)
    return outcome.summary
