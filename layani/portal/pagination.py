"""Pagination over a million public reports without counting them on every page view.

`COUNT(*)` over the public reports scans most of the table (about 0.3–0.5 s at a million reports on
PostgreSQL, whatever the index), and the list shows the total on every page. The total is kept in
the shared cache for a minute per filter combination and newest report
(`intake.selectors.cached_count`): a new report starts a new count at once, while a status change
(a report archived or merged leaves the public list) may take up to `COUNT_SECONDS` to show in
"N reports found". The rows themselves are never cached.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from layani.intake.selectors import cached_count

COUNT_SECONDS = 60


class CachedCountPaginator(Paginator):
    """A Paginator whose total comes from the cache, keyed by `count_key` (the filters)."""

    def __init__(self, object_list: Any, per_page: int, *, count_key: str) -> None:
        super().__init__(object_list, per_page)
        self.count_key = f"portal:list:{count_key}"

    @cached_property
    def count(self) -> int:
        return cached_count(self.object_list, self.count_key, COUNT_SECONDS)  # type: ignore[arg-type]
