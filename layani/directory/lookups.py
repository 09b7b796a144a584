"""Reference-data lookups for the intake hot path, remembered per process for a few seconds.

Every submission names a region and usually a category (with its extra questions). Reading them
from the database took about a third of an Open311 submission's time (docs/benchmarks.md), yet
they change a few times a year. So each process keeps what it read for
``LAYANI_LOOKUP_CACHE_SECONDS`` (default 30; 0 turns the memory off): an edit in the admin reaches
every process within that time, and at once in the process that saved it (the signals below).

Regions are only remembered when they exist: a code typed wrong is asked again next time, and the
memory cannot be filled with junk codes. Both memories are bounded.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from .models import Category, CategoryQuestion, Region

#: At most this many entries per memory; the oldest go first (the country has ~84,000 villages).
MAX_ENTRIES = 20_000

_regions: dict[str, float] = {}
_categories: dict[str, tuple[float, Category | None]] = {}


def _seconds() -> float:
    return float(getattr(settings, "LAYANI_LOOKUP_CACHE_SECONDS", 30))


def _trim(memory: dict[str, Any]) -> None:
    while len(memory) >= MAX_ENTRIES:
        memory.pop(next(iter(memory)))


def region_exists(code: str) -> bool:
    """Whether `code` is a known Kemendagri region code."""
    seconds, now = _seconds(), time.monotonic()
    seen = _regions.get(code)
    if seconds > 0 and seen is not None and now - seen < seconds:
        return True
    found = len(code) <= 13 and Region.objects.filter(pk=code).exists()
    if found and seconds > 0:
        _trim(_regions)
        _regions[code] = now
    return found


def active_category(code: str) -> Category | None:
    """The active category with this code, its questions loaded, or None.

    The same instance is handed to every caller in the process: treat it as read-only."""
    seconds, now = _seconds(), time.monotonic()
    seen = _categories.get(code)
    if seconds > 0 and seen is not None and now - seen[0] < seconds:
        return seen[1]
    category = (
        Category.objects.filter(code=code, is_active=True)
        .select_related("parent")
        .prefetch_related("questions")
        .first()
    )
    if seconds > 0:
        _trim(_categories)
        _categories[code] = (now, category)
    return category


def forget(**_kwargs: Any) -> None:
    """Drop everything remembered (connected to saves and deletes of categories and questions)."""
    _categories.clear()
    _regions.clear()


for _model in (Category, CategoryQuestion, Region):
    post_save.connect(forget, sender=_model, dispatch_uid=f"lookups-save-{_model.__name__}")
    post_delete.connect(forget, sender=_model, dispatch_uid=f"lookups-delete-{_model.__name__}")
