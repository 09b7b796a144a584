"""`layani intake_journal`: what waits in the intake journal; record it now; retry what failed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count, Min

from layani.intake import journal
from layani.intake.models import JournalEntry, JournalState
from layani.intake.tracking import format_tracking_id


class Command(BaseCommand):
    help = (
        "Show the intake journal (acknowledged submissions not yet recorded as reports); "
        "--record records them now, --retry puts failed entries back in line first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--record", action="store_true", help="Record waiting entries now.")
        parser.add_argument(
            "--retry", action="store_true", help="Put failed entries back in line, then record."
        )

    def handle(self, *args: Any, record: bool, retry: bool, **options: Any) -> None:
        if retry:
            self.stdout.write(f"{journal.retry_failed()} failed entries put back in line.")
        if record or retry:
            result = journal.record_pending()
            self.stdout.write(f"Recorded {result.recorded}; {result.failed} could not be.")
        rows = JournalEntry.objects.values("state").annotate(
            n=Count("id"), oldest=Min("received_at")
        )
        by_state = {row["state"]: row for row in rows}
        for state in JournalState:
            row = by_state.get(state.value)
            oldest = f", oldest received {row['oldest']:%Y-%m-%d %H:%M:%S %Z}" if row else ""
            self.stdout.write(f"{state.label}: {row['n'] if row else 0}{oldest}")
        for entry in JournalEntry.objects.filter(state=JournalState.FAILED)[:20]:
            self.stdout.write(
                f"  {format_tracking_id(entry.tracking_id)} after {entry.attempts} attempts: "
                f"{entry.error}"
            )
