"""`layani load_regions`: load every Kemendagri region code, with a progress bar."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from layani.directory.regions import count_source_regions, load_regions


class Command(BaseCommand):
    help = "Load (or update) all Kemendagri regions from the packaged data, showing progress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Load only this province (two-digit code); repeat for several.",
        )

    def handle(self, *args: Any, provinces: list[str] | None = None, **options: Any) -> None:
        wanted = set(provinces) if provinces else None
        total = count_source_regions(wanted)
        started = time.monotonic()
        with tqdm(
            total=total,
            unit="regions",
            desc="Regions",
            disable=options["verbosity"] == 0,
            file=self.stderr._out,
        ) as bar:
            written = load_regions(wanted, progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {written:,} regions in {time.monotonic() - started:.1f} s.")
        )
