"""Queue entry points for the statistics jobs (enqueued by ``layani sla scheduler``).

``update_statistics_rollups`` runs every few minutes (``LAYANI_ROLLUP_MINUTES``, default 5) and
folds in the reports changed since the last run (and refreshes the per-district counts of the
statistics map); ``write_opendata_snapshot`` writes the day's
open-data files once a day.
"""

from __future__ import annotations

import logging
from io import StringIO

from django.core.management import call_command
from django_tasks import task

from . import districts, rollups

logger = logging.getLogger(__name__)


@task(queue_name="background")
def update_statistics_rollups() -> int:
    """Fold the reports named in the audit log since the last run into the rollups, and count the
    reports per district for the statistics map anew (`districts`)."""
    done = rollups.update()
    districts.refresh()
    logger.info("statistics rollups: %d reports folded in", done)
    return done


@task(queue_name="background")
def write_opendata_snapshot() -> str:
    """Write today's open-data files (``layani opendata_snapshot``); returns its summary line."""
    out = StringIO()
    call_command("opendata_snapshot", stdout=out)
    summary = out.getvalue().strip()
    logger.info("open data: %s", summary)
    return summary
