"""Suggestions the console's pages show, computed on the queue rather than in the web process.

The coordinator's queue and case page read the suggestion stored in each report's
`RoutingDecision` (the sweep stores one for every new report within minutes). Where none is stored
yet — a report the sweep has not reached, or one verified before it was routed — the page asks for
one here instead of running the router itself: predicting needs the model and its numeric stack
(numpy, scipy, scikit-learn: about 110 MB per process), which web workers do without
(docs/decisions/0028-lean-workers-and-cheap-intake.md). The next view of the page shows it.
"""

from __future__ import annotations

import logging
import threading
import time

from django_tasks import task

from layani.cases.services.automatic import route_reports

logger = logging.getLogger(__name__)

#: How long a process remembers that it asked for a report's suggestion, so that coordinators
#: reloading the queue add no further task while the first one waits for a worker.
ASKED_SECONDS = 60.0
_ASKED_MAX = 10_000
_asked: dict[int, float] = {}
_asked_lock = threading.Lock()


@task()
def suggest_reports(report_ids: list[int]) -> int:
    """Store the router's suggestion for those of `report_ids` without one (and auto-dispose the
    new ones where allowed, as the sweep would); returns how many were stored."""
    return route_reports(report_ids)


def ask_for_suggestions(report_ids: list[int]) -> bool:
    """Queue one `suggest_reports` task for the reports this process has not asked for in the
    last `ASKED_SECONDS`; True when a task was queued. A task that ran at once (a backend that
    runs tasks in the request, as the tests' does) leaves nothing to remember."""
    now = time.monotonic()
    with _asked_lock:
        fresh = [pk for pk in report_ids if pk not in _asked or now - _asked[pk] >= ASKED_SECONDS]
    if not fresh:
        return False
    try:
        result = suggest_reports.enqueue(fresh)
    except Exception:  # a suggestion is a convenience; the sweep stores it within minutes anyway
        logger.warning("Could not queue suggestions for %d reports.", len(fresh), exc_info=True)
        return False
    if not result.is_finished:
        with _asked_lock:
            if len(_asked) + len(fresh) > _ASKED_MAX:
                _asked.clear()
            _asked.update(dict.fromkeys(fresh, now))
    return True
