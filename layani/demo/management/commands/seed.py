"""`layani seed --reports N`: synthetic history for benchmarks, with progress."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from layani.demo.bulk import seed_reports


class Command(BaseCommand):
    help = (
        "Write N synthetic reports (identities, cases, tasks, follow-ups) in bulk, for benchmarks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reports", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=20_000)

    def handle(self, *args: Any, reports: int, seed: int, batch_size: int, **options: Any) -> None:
        if reports < 1:
            raise CommandError("--reports must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        started = time.monotonic()
        with tqdm(
            total=reports,
            unit="reports",
            desc="Seeding",
            disable=options["verbosity"] == 0,
            file=self.stderr._out,
        ) as bar:
            try:
                written = seed_reports(
                    reports, seed=seed, batch_size=batch_size, progress=bar.update
                )
            except LookupError as error:
                raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{written:,} reports in {elapsed:.0f} s ({written / elapsed:,.0f} per second)."
            )
        )
