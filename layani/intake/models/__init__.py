"""Reports and what came with them (`reports`), supports (`supports`), the intake journal
(`journal`). Everything is importable from ``layani.intake.models`` as before."""

from .journal import JournalEntry, JournalState
from .reports import (
    ANONYMOUS_TIERS,
    FINAL_STATUSES,
    PUBLIC_TIERS,
    Attachment,
    Channel,
    PrivacyTier,
    Report,
    ReporterIdentity,
    ReportQuerySet,
    ReportStatus,
    ReportType,
    attachment_path,
    public_coordinate,
)
from .supports import Support, SupportBudget, SupportKind

__all__ = [
    "ANONYMOUS_TIERS",
    "FINAL_STATUSES",
    "PUBLIC_TIERS",
    "Attachment",
    "Channel",
    "JournalEntry",
    "JournalState",
    "PrivacyTier",
    "Report",
    "ReportQuerySet",
    "ReportStatus",
    "ReportType",
    "ReporterIdentity",
    "Support",
    "SupportBudget",
    "SupportKind",
    "attachment_path",
    "public_coordinate",
]
