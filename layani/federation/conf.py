"""This deployment's own name among peers, and the delivery schedule."""

from __future__ import annotations

import os
from datetime import timedelta

from django.conf import settings

#: Doubling waits between attempts, capped; after MAX_ATTEMPTS a message waits for `retry`.
FIRST_RETRY = timedelta(seconds=10)
LONGEST_WAIT = timedelta(hours=1)
MAX_ATTEMPTS = 40
#: How long a claimed message stays with the worker that claimed it.
CLAIM_LEASE = timedelta(minutes=2)
REQUEST_TIMEOUT_SECONDS = 10


def own_id() -> str:
    """The deployment id this deployment signs with (setting, then environment, then "layani")."""
    return (
        getattr(settings, "LAYANI_FEDERATION_ID", "")
        or os.environ.get("LAYANI_FEDERATION_ID", "")
        or "layani"
    )


def first_retry() -> timedelta:
    """The first wait (setting LAYANI_FEDERATION_FIRST_RETRY_SECONDS, else FIRST_RETRY): the
    end-to-end tests shorten it so that a retry falls due within a second or two."""
    seconds = getattr(settings, "LAYANI_FEDERATION_FIRST_RETRY_SECONDS", None)
    return FIRST_RETRY if seconds is None else timedelta(seconds=float(seconds))


def backoff(attempt: int) -> timedelta:
    """The wait after failed attempt number `attempt` (1-based): doubling, capped."""
    return min(first_retry() * 2 ** (max(attempt, 1) - 1), LONGEST_WAIT)
