"""`layani load_boundaries 34 [--from DIR]`: load region boundaries, with a progress bar."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from layani.directory.boundaries import (
    OUTLINES_FILE,
    load_boundaries,
    package_path,
    packaged_provinces,
    read_package,
    source_boundaries,
)
from layani.directory.models import Boundary


class Command(BaseCommand):
    help = (
        "Load (replace) the boundary polygons of the given provinces, from the packaged data or "
        "from a directory of upstream wilayah_boundaries SQL files (--from)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("provinces", nargs="*", metavar="PROVINCE", help="e.g. 34")
        parser.add_argument(
            "--from",
            dest="source_dir",
            type=Path,
            metavar="DIR",
            help="A directory holding the upstream SQL files (db/prov, db/kab, db/kec, db/kel).",
        )
        parser.add_argument(
            "--list",
            dest="list_only",
            action="store_true",
            help="List packaged and loaded boundaries, then stop.",
        )

    def handle(
        self,
        *args: Any,
        provinces: list[str],
        source_dir: Path | None,
        list_only: bool,
        **options: Any,
    ) -> None:
        if list_only:
            self._list()
            return
        if not provinces:
            raise CommandError("Name at least one province code (e.g. 34), or use --list.")
        if source_dir is not None and not source_dir.is_dir():
            raise CommandError(f"--from {source_dir}: not a directory.")
        for code in provinces:
            if len(code) != 2 or not code.isdigit():
                raise CommandError(f"{code!r} is not a two-digit province code.")
        started = time.monotonic()
        total = 0
        for code in provinces:
            try:
                source, rows = source_boundaries(code, source_dir)
            except FileNotFoundError as exc:
                raise CommandError(str(exc)) from None
            if not rows:
                raise CommandError(f"No boundaries for province {code} in the source.")
            with tqdm(
                total=len(rows),
                unit="boundaries",
                desc=f"Boundaries {code}",
                disable=options["verbosity"] == 0,
                file=self.stderr._out,
            ) as bar:
                summary = load_boundaries(
                    code, source_dir, progress=bar.update, loaded=(source, rows)
                )
            total += summary.written
            self.stdout.write(summary.line())
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {total:,} boundaries in {time.monotonic() - started:.1f} s."
            )
        )

    def _list(self) -> None:
        for code in packaged_provinces():
            meta, rows = read_package(package_path(code))
            self.stdout.write(
                f"packaged {code}: {len(rows)} boundaries, {meta['source']}@{meta['commit'][:10]}"
                f" ({meta['commit_date'][:10]})"
            )
        meta, rows = read_package(OUTLINES_FILE)
        self.stdout.write(
            f"packaged outlines: {len(rows)} provinces (simplified {meta['simplified']}°)"
        )
        by_province: dict[str, dict[int, int]] = {}
        for code, level in Boundary.objects.values_list("region_id", "level"):
            counts = by_province.setdefault(code[:2], {})
            counts[level] = counts.get(level, 0) + 1
        for code, counts in sorted(by_province.items()):
            parts = ", ".join(f"level {lv}: {n}" for lv, n in sorted(counts.items()))
            self.stdout.write(f"loaded {code}: {parts}")
        if not by_province:
            self.stdout.write("loaded: none")
