"""Bring a benchmark database to N reports (idempotent), with progress bars.

    DJANGO_SETTINGS_MODULE=layani.config.settings.bench [DATABASE_URL=…] \
        .venv/bin/python bench/http/prepare.py --reports 1000000

Migrates; loads regions and categories when missing; builds the demo deployment (agencies, staff,
the matrix, 300 reports played through the real workflow, with their audit entries) when there
are no agencies; tops the reports up to N with `layani seed`; then runs `layani rollup_stats --full`
when that command exists (not with --no-rollup). Prints one JSON line with what it did and how
long each step took.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import django

DEMO_REPORTS = 300


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--rollup", action="store_true", help="Run rollup_stats even if seeded.")
    parser.add_argument(
        "--no-rollup",
        action="store_true",
        help="Leave the statistics rollups unbuilt (their full rebuild reads every report in "
        "Python: hours at ten million on two cores).",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.bench")
    django.setup()
    from django.core.management import call_command, get_commands

    from layani.directory.models import Agency, Category, Region
    from layani.intake.models import Report

    steps: dict[str, float] = {}

    def step(name: str, *command: str, **options: object) -> None:
        started = time.monotonic()
        call_command(*command, **options)
        steps[name] = round(time.monotonic() - started, 1)

    step("migrate", "migrate", verbosity=0)
    if Region.objects.count() < 91_599:
        step("load_regions", "load_regions")
    if not Category.objects.exists():
        step("load_categories", "load_categories")
    if not Agency.objects.exists():
        step("seed_demo", "seed_demo", reports=DEMO_REPORTS)
    existing = Report.objects.count()
    seeded = max(0, args.reports - existing)
    if seeded:
        step("seed", "seed", reports=seeded)
    if (seeded or args.rollup) and not args.no_rollup and "rollup_stats" in get_commands():
        step("rollup_stats", "rollup_stats", "--full")
    from django.conf import settings

    # The last seeding's figures stay with the database, for runs that find it already seeded.
    record = Path(settings.DATA_DIR) / "seeded.json"
    if seeded:
        record.write_text(
            json.dumps(
                {
                    "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "seeded": seeded,
                    "seed_rate": round(seeded / steps["seed"]) if steps["seed"] else None,
                    "steps_s": steps,
                    "rollups_built": "rollup_stats" in steps,
                    "load": [round(x, 2) for x in os.getloadavg()],
                }
            )
        )
    print(  # noqa: T201
        json.dumps(
            {
                "reports": Report.objects.count(),
                "seeded": seeded,
                "seed_rate": round(seeded / steps["seed"]) if seeded and steps["seed"] else None,
                "rollup_stats": "rollup_stats" in get_commands(),
                "rollups_built": _rollups_built(),
                "steps_s": steps,
                "earlier": json.loads(record.read_text()) if record.exists() else None,
            }
        )
    )


def _rollups_built() -> bool:
    try:
        from layani.transparency import rollups
    except ImportError:
        return False
    built = rollups.state()
    return built is not None and built.watermark is not None


if __name__ == "__main__":
    main()
