"""The retention policy, as settings (see docs/decisions/0022-retention-and-subject-rights.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

#: Personal data of a finished report is kept this many years after its last final move.
DEFAULT_IDENTITY_YEARS = 5
#: Inbound-message receipts (kept so that a redelivered message changes nothing) are kept this long.
DEFAULT_PROCESSED_MESSAGE_DAYS = 30
#: Reports erased per transaction by the job.
DEFAULT_BATCH_SIZE = 100


@dataclass(frozen=True)
class RetentionPolicy:
    identity_years: int
    processed_message_days: int
    batch_size: int

    def identity_cutoff(self, now: datetime) -> datetime:
        # 365.25 days a year: leap days never shorten the period.
        return now - timedelta(days=round(365.25 * self.identity_years))

    def processed_message_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.processed_message_days)


def retention_policy() -> RetentionPolicy:
    policy = RetentionPolicy(
        identity_years=int(
            getattr(settings, "LAYANI_RETENTION_IDENTITY_YEARS", DEFAULT_IDENTITY_YEARS)
        ),
        processed_message_days=int(
            getattr(
                settings, "LAYANI_RETENTION_PROCESSED_MESSAGE_DAYS", DEFAULT_PROCESSED_MESSAGE_DAYS
            )
        ),
        batch_size=int(getattr(settings, "LAYANI_RETENTION_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
    )
    if policy.identity_years < 1 or policy.processed_message_days < 1 or policy.batch_size < 1:
        raise ValueError(
            "LAYANI_RETENTION_IDENTITY_YEARS, LAYANI_RETENTION_PROCESSED_MESSAGE_DAYS and "
            "LAYANI_RETENTION_BATCH_SIZE must be at least 1."
        )
    return policy
