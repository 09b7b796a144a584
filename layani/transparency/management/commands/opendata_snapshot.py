"""``layani opendata_snapshot``: write the day's open-data files, for cron once a day.

A national deployment should not redact millions of reports on every download: the snapshot
writes every format once, to ``<DATA_DIR>/opendata/<date>/`` (or ``--out``), each file first under a
temporary name and then renamed, so a reader never sees a half-written file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from layani.transparency import opendata
from layani.transparency.published import overview


def _write(path: Path, content: str | bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    if isinstance(content, str):
        temporary.write_text(content, encoding="utf-8")
    else:
        temporary.write_bytes(content)
    os.replace(temporary, path)


class Command(BaseCommand):
    help = "Write today's open-data files (public reports and statistics; CSV, JSON, XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", help="Directory to write into (default: DATA_DIR/opendata/<date>)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(
            options["out"]
            or Path(settings.DATA_DIR) / "opendata" / timezone.localdate().isoformat()
        )
        out.mkdir(parents=True, exist_ok=True)
        reports = list(opendata.public_report_rows())
        fields = list(opendata.FIELDS)
        stats = opendata.statistics_rows(overview())
        for stem, rows, columns in (
            ("laporan", reports, fields),
            ("statistik", stats, opendata.STATISTICS_COLUMNS),
        ):
            _write(out / f"{stem}.csv", "".join(opendata.to_csv(rows, columns)))
            _write(out / f"{stem}.json", opendata.to_json(rows))
            _write(out / f"{stem}.xlsx", opendata.to_xlsx(rows, columns, stem))
        self.stdout.write(
            f"{len(reports)} public reports and {len(stats)} figures written to {out}"
        )
