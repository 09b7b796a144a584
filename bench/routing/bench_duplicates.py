"""Duplicate search latency with many stored reports, against naive scans, in one run.

Seeds N reports straight into a fresh SQLite database (bulk insert; texts drawn from a pool of
demo-generator texts, points spread over DIY, times over three years), then times
`find_duplicates` for probe reports against two naive baselines:

* "window scan": every report of the last 30 days scored in Python (no spatial prefilter);
* "full scan": every stored report scored in Python (few probes: it is slow).

    export LAYANI_DATA_DIR=/tmp/routing-dup && rm -rf $LAYANI_DATA_DIR
    .venv/bin/layani migrate -v0
    .venv/bin/python bench/routing/bench_duplicates.py --reports 1000000

Seeding is skipped when the database already holds at least N reports.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--probes", type=int, default=50)
    parser.add_argument("--full-scan-probes", type=int, default=2)
    parser.add_argument("--window-probes", type=int, default=5)
    parser.add_argument(
        "--ordered-probes",
        type=int,
        default=20,
        help="Probes for the search as it was before issue #17 (the window read in time order).",
    )
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.dev")
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from tqdm import tqdm

    from layani.demo.texts import SUPPORTED_CATEGORIES, generate_report_text
    from layani.directory.models import Region
    from layani.directory.regions import load_regions
    from layani.intake.models import Report
    from layani.routing import duplicates
    from layani.routing.duplicates import (
        content_words,
        distance_m,
        find_duplicates,
        text_similarity,
    )

    rng = random.Random(5)
    now = timezone.now()
    if not Region.objects.filter(level=4).exists():
        load_regions({"34"})
    villages = list(Region.objects.filter(level=4).values_list("code", flat=True))
    codes = sorted(SUPPORTED_CATEGORIES)
    pool = [
        generate_report_text(rng, rng.choice(codes), "Desa Sumberadi", "pengaduan")
        for _ in range(20_000)
    ]

    def point() -> tuple[float, float]:
        return rng.uniform(-8.2, -7.55), rng.uniform(110.0, 110.8)

    existing = Report.objects.count()
    if existing < args.reports:
        with tqdm(total=args.reports - existing, desc="seeding", unit="report") as bar:
            for start in range(existing, args.reports, 5000):
                batch = []
                for i in range(start, min(start + 5000, args.reports)):
                    title, description = rng.choice(pool)
                    lat, lon = point()
                    batch.append(
                        Report(
                            tracking_id=f"B{i:09d}",
                            access_code_hash="-",
                            title=title[:200],
                            description=description,
                            region_id=rng.choice(villages),
                            latitude=f"{lat:.6f}",
                            longitude=f"{lon:.6f}",
                            channel="web",
                            submitted_at=now - timedelta(seconds=rng.uniform(0, 3 * 365 * 86400)),
                        )
                    )
                with transaction.atomic():
                    Report.objects.bulk_create(batch)
                bar.update(len(batch))
    total = Report.objects.count()

    probes = []
    for _ in range(args.probes):
        title, description = rng.choice(pool)
        lat, lon = point()
        probes.append((f"{title}. {description}", lat, lon, rng.choice(villages)))

    def timed(run, items):  # type: ignore[no-untyped-def]
        times = []
        for item in items:
            started = time.perf_counter()
            run(*item)
            times.append((time.perf_counter() - started) * 1000)
        return times

    def layani(text: str, lat: float, lon: float, region: str) -> object:
        return find_duplicates(text=text, latitude=lat, longitude=lon, region_code=region, at=now)

    def naive(reports, text: str, lat: float, lon: float) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
        words = content_words(text)
        scored = []
        for pk, title, description, rlat, rlon in (
            reports.filter(latitude__isnull=False)
            .values_list("pk", "title", "description", "latitude", "longitude")
            .iterator(chunk_size=5000)
        ):
            similarity = text_similarity(words, content_words(f"{title}. {description}"))
            if similarity >= 0.2 and distance_m(lat, lon, float(rlat), float(rlon)) <= 500:
                scored.append((similarity, pk))
        return sorted(scored, reverse=True)[:5]

    def window_scan(text: str, lat: float, lon: float, region: str) -> object:
        return naive(
            Report.objects.filter(submitted_at__gte=now - timedelta(days=30)), text, lat, lon
        )

    def full_scan(text: str, lat: float, lon: float, region: str) -> object:
        return naive(Report.objects.all(), text, lat, lon)

    layani_ms = timed(layani, probes)
    # Without the point index's key read, stage 1 is the query of before issue #17: the window
    # in `submitted_at` order, the bounding box checked row by row.
    box_keys, duplicates.MAX_BOX_KEYS = duplicates.MAX_BOX_KEYS, 0
    ordered_ms = timed(layani, probes[: args.ordered_probes])
    duplicates.MAX_BOX_KEYS = box_keys
    window_ms = timed(window_scan, probes[: args.window_probes])
    full_ms = timed(full_scan, probes[: args.full_scan_probes])

    def line(name: str, ms: list[float]) -> str:
        ms = sorted(ms)
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        return f"{name:<28} median {statistics.median(ms):9.1f} ms  p95 {p95:9.1f} ms  ({len(ms)} probes)"

    from django.db import connection

    print(f"{total:,} stored reports ({connection.vendor})")  # noqa: T201
    print(line("find_duplicates", layani_ms))  # noqa: T201
    if ordered_ms:
        print(line("  ordered window (before #17)", ordered_ms))  # noqa: T201
    if window_ms:
        print(line("naive scan, 30-day window", window_ms))  # noqa: T201
    if full_ms:
        print(line("naive scan, all reports", full_ms))  # noqa: T201


if __name__ == "__main__":
    main()
