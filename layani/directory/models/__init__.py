"""Regions, agencies and their units, the category taxonomy and the responsibility matrix, and the
regions' boundaries. Everything is importable from ``layani.directory.models`` as before.

This app imports no other Layani app (but `sla`'s service classes): everything else points down at it.
"""

from .agencies import (
    REGION_LEVEL_OF_GOVERNMENT,
    Agency,
    AgencyKind,
    GovernmentLevel,
    Unit,
)
from .categories import (
    Category,
    CategoryQuestion,
    QuestionType,
    Responsibility,
    lazy_localized_name,
    localized_name,
)
from .places import (
    Boundary,
    Region,
    RegionKind,
    RegionLevel,
)

__all__ = [
    "REGION_LEVEL_OF_GOVERNMENT",
    "Agency",
    "AgencyKind",
    "Boundary",
    "Category",
    "CategoryQuestion",
    "GovernmentLevel",
    "QuestionType",
    "Region",
    "RegionKind",
    "RegionLevel",
    "Responsibility",
    "Unit",
    "lazy_localized_name",
    "localized_name",
]
