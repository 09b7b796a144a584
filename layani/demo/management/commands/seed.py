"""`layani seed --reports N`: synthetic history for benchmarks, with a progress bar and an ETA."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from layani.demo.bulk import seed_reports

_REBUILD = {"auto": None, "yes": True, "no": False}


class Command(BaseCommand):
    help = (
        "Write N synthetic reports (identities, cases, tasks, follow-ups) in bulk, for benchmarks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reports", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=20_000)
        parser.add_argument(
            "--processes",
            type=int,
            default=None,
            help="Processes generating rows beside the writer (default: one per core, at most 2).",
        )
        parser.add_argument(
            "--rebuild-indexes",
            choices=sorted(_REBUILD),
            default="auto",
            help="PostgreSQL: set secondary indexes and foreign keys aside while writing and "
            "rebuild them at the end (auto: for 100,000 reports or more that at least double "
            "the reports).",
        )

    def handle(self, *args: Any, reports: int, seed: int, batch_size: int, **options: Any) -> None:
        if reports < 1:
            raise CommandError("--reports must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        processes = options.get("processes")
        if processes is not None and processes < 1:
            raise CommandError("--processes must be at least 1.")
        quiet = options["verbosity"] == 0
        started = time.monotonic()
        with tqdm(
            total=reports,
            unit="reports",
            desc="Seeding",
            disable=quiet,
            file=self.stderr._out,
            mininterval=1.0,
        ) as bar:

            def say(message: str) -> None:
                if not quiet:
                    bar.write(message, file=self.stderr._out)

            try:
                written = seed_reports(
                    reports,
                    seed=seed,
                    batch_size=batch_size,
                    progress=bar.update,
                    processes=processes,
                    rebuild_indexes=_REBUILD[options.get("rebuild_indexes") or "auto"],
                    say=say,
                )
            except LookupError as error:
                raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{written:,} reports in {elapsed:.0f} s ({written / elapsed:,.0f} per second)."
            )
        )
