"""How many pixels one request may have decoded: the bound on image work per report.

`layani.intake.uploads.reencode_image` charges every picture it decodes to the budget of the current
scope, *before* decoding it (the size comes from the header), and refuses the picture that would go
over `uploads.MAX_REPORT_PIXELS` — so the pixels decoded in one scope never exceed it.

The scope is the HTTP request: Django's ``request_started`` opens a fresh budget and
``request_finished`` closes it, so a channel that takes files in a request (today the portal's
form; Open311, the API and assisted intake take none) is bounded without its code knowing. One
request carries one report's files; a caller outside a request (a management command, a worker)
may open a scope per report with `pixel_budget()`. Without a scope only the per-file bounds apply
(`MAX_IMAGE_PIXELS`, and the reduction to `MAX_STORED_PIXELS`).

A budget also remembers the digests of the pictures it produced, so that a file checked twice in
one request (the portal checks uploads early for its form, then `submit_report` checks them again)
is recognised as already clean and neither decoded nor charged a second time. Only bytes this
scope itself wrote are recognised, so nothing sent from outside can skip the re-encoding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.signals import request_finished, request_started


class PixelBudget:
    """The pixels decoded so far in one scope, and the pictures it wrote."""

    def __init__(self) -> None:
        self.used = 0
        self._written: set[bytes] = set()

    def charge(self, pixels: int, limit: int) -> bool:
        """Count `pixels` if they still fit under `limit`; False (and nothing counted) if not."""
        if self.used + pixels > limit:
            return False
        self.used += pixels
        return True

    def wrote(self, content: bytes) -> None:
        self._written.add(hashlib.sha256(content).digest())

    def written_here(self, content: bytes) -> bool:
        return hashlib.sha256(content).digest() in self._written


_current: ContextVar[PixelBudget | None] = ContextVar("layani_pixel_budget", default=None)


def current() -> PixelBudget | None:
    """The budget of the current request or `pixel_budget()` scope; None outside any."""
    return _current.get()


@contextmanager
def pixel_budget() -> Iterator[PixelBudget]:
    """A scope with its own budget (one report's files), e.g. in a command that imports reports."""
    budget = PixelBudget()
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def _open_for_request(**_kwargs: Any) -> None:
    _current.set(PixelBudget())


def _close_for_request(**_kwargs: Any) -> None:
    _current.set(None)


request_started.connect(_open_for_request, dispatch_uid="layani.intake.pixel_budget.open")
request_finished.connect(_close_for_request, dispatch_uid="layani.intake.pixel_budget.close")
