"""``layani rollup_stats``: bring the statistics rollups up to date (``--full`` rebuilds them).

The incremental run folds in the reports the audit log names since the last run; the scheduler
runs it every few minutes. ``--full`` recomputes everything from the reports: after a bulk import,
an edit in the Django admin, or to check the incremental path (the figures must not change).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count
from tqdm import tqdm

from layani.audit.models import AuditEntry
from layani.intake.models import Report
from layani.transparency import rollups


class Command(BaseCommand):
    help = "Update the statistics rollups incrementally, or rebuild them with --full."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--full", action="store_true", help="Rebuild every fact and total from the reports."
        )

    def handle(self, *args: Any, full: bool, **options: Any) -> None:
        state = rollups.state()
        full = full or state is None or state.watermark is None
        if full:
            total = Report.objects.count()
            desc = "Rollups (full)"
        else:
            pending = AuditEntry.objects.filter(
                object_type=rollups.REPORT_OBJECT,
                sequence__gt=state.watermark,  # type: ignore[union-attr]
            )
            total = pending.aggregate(n=Count("object_ref", distinct=True))["n"]
            desc = "Rollups (changed reports)"
        with tqdm(
            total=total,
            unit="reports",
            desc=desc,
            disable=options["verbosity"] == 0,
            file=self.stderr._out,
        ) as bar:
            done = (
                rollups.rebuild(progress=bar.update)
                if full
                else rollups.update(progress=bar.update)
            )
        kind = "rebuilt from" if full else "updated with"
        self.stdout.write(self.style.SUCCESS(f"Statistics rollups {kind} {done:,} reports."))
