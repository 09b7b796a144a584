"""Suggestion latency per report on one core: the classifier alone, and the whole service.

    export LAYANI_DATA_DIR=/tmp/routing-bench    # migrated, with `layani load_categories`
    .venv/bin/layani routing train --csv bench/routing/generated.csv --text-col text --label-col category
    .venv/bin/python bench/routing/bench_suggest.py --reports 500

"classifier" is normalisation + scoring + explanation (`Router.predict_proba` and `explain`);
"suggest_for_report" adds the active-version check, the category lookup and up to five
responsibility-matrix queries (SQLite), without storing the decision.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=500)
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.dev")
    import django

    django.setup()
    from layani.demo.texts import SUPPORTED_CATEGORIES, generate_report_text
    from layani.directory.models import Region
    from layani.directory.regions import load_regions
    from layani.intake.models import Report
    from layani.routing.selectors import current_router
    from layani.routing.services import suggest_for_report

    if not Region.objects.filter(code="34.04.07.2001").exists():
        load_regions({"34"})
    rng = random.Random(9)
    codes = sorted(SUPPORTED_CATEGORIES)
    reports = []
    for _ in range(args.reports):
        title, description = generate_report_text(
            rng, rng.choice(codes), "Desa Sumberadi", "pengaduan"
        )
        reports.append(Report(title=title, description=description, region_id="34.04.07.2001"))
    router, _version, label = current_router()

    def classify(report: Report) -> None:
        text = f"{report.title}. {report.description}"
        probabilities = router.predict_proba([text])[0]
        router.explain(text, str(router.classes_[probabilities.argmax()]))

    for name, run in (
        ("classifier", classify),
        ("suggest_for_report", lambda r: suggest_for_report(r, save=False)),
    ):
        run(reports[0])  # warm-up: caches, lazy imports
        times = []
        for report in reports:
            started = time.perf_counter()
            run(report)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(  # noqa: T201
            f"{name:<20} model {label:<22} median {statistics.median(times):5.2f} ms  "
            f"p95 {times[int(0.95 * len(times))]:5.2f} ms  ({len(times)} reports)"
        )


if __name__ == "__main__":
    main()
