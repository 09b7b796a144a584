"""`make bench-geo`: point → region lookups for DIY, against a brute-force baseline in the same run.

    .venv/bin/python bench/geo/locate.py [--points 20000] [--out docs/benchmarks.md]

Sets up a throw-away test database (layani.config.settings.test, SQLite unless DATABASE_URL
says otherwise), loads province 34's regions and packaged boundaries, then times, per point:

- ``locate()`` as served (the grid index; freshness checked every 30 s, the production default),
- ``locate()`` checking freshness on every call (the tests' setting: one aggregate query),
- a baseline: every village polygon, then every district polygon, tested in turn (no index),
- a baseline through the database: the bounding-box columns' index, then the same polygon test,

over random points inside DIY's bounding box (seeded) and one known interior point per village.
It checks that the indexed answers equal the brute-force ones and writes the "Point → region"
section of docs/benchmarks.md (only that section).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BEGIN = "<!-- bench:geo:begin (written by `make bench-geo`; edits here are overwritten) -->"
END = "<!-- bench:geo:end -->"


def _setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "layani.config.settings.test"  # a throw-away test db
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)


def _stats(samples_ns: list[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)

    def q(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] / 1000

    return {
        "median_us": round(statistics.median(ordered) / 1000, 1),
        "p95_us": round(q(0.95), 1),
        "p99_us": round(q(0.99), 1),
        "mean_us": round(statistics.fmean(ordered) / 1000, 1),
    }


def _timed(fn: Any, points: list[tuple[float, float]]) -> tuple[list[Any], list[int]]:
    answers, samples = [], []
    clock = time.perf_counter_ns
    for lat, lng in points:
        t0 = clock()
        answers.append(fn(lat, lng))
        samples.append(clock() - t0)
    return answers, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    started = time.monotonic()
    _setup()

    from django.conf import settings
    from django.db import connection

    from layani.directory import geography
    from layani.directory.boundaries import OUTLINES_FILE, load_boundaries, package_path
    from layani.directory.geography import LocateError, locate
    from layani.directory.geometry import Shape
    from layani.directory.models import Boundary, RegionLevel
    from layani.directory.regions import load_regions
    from layani.directory.tests.test_geography import _interior_point

    load_regions({"34"})
    t0 = time.perf_counter()
    summary = load_boundaries("34")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_boundaries("34")  # the package already parsed: what each test's fixture costs
    reload_s = time.perf_counter() - t0

    settings.LAYANI_GEOGRAPHY_CHECK_SECONDS = 30
    geography.forget()
    t0 = time.perf_counter()
    locate(-7.78294, 110.36704)
    build_ms = (time.perf_counter() - t0) * 1000

    rows = list(Boundary.objects.values_list("region_id", "level", "polygon"))
    villages = [Shape(c, lv, json.loads(p)) for c, lv, p in rows if lv == RegionLevel.VILLAGE]
    districts = [Shape(c, lv, json.loads(p)) for c, lv, p in rows if lv == RegionLevel.DISTRICT]
    x0 = min(s.bbox[0] for s in districts)
    y0 = min(s.bbox[1] for s in districts)
    x1 = max(s.bbox[2] for s in districts)
    y1 = max(s.bbox[3] for s in districts)
    rng = random.Random(args.seed)  # nosec B311 — reproducible test points
    random_points = [(rng.uniform(y0, y1), rng.uniform(x0, x1)) for _ in range(args.points)]
    known_points = []  # one well-inside point per village (the tests' scanline), and six places
    for _code, level, polygon in rows:
        if level == RegionLevel.VILLAGE:
            point = _interior_point(json.loads(polygon))
            if point is not None:
                known_points.append((point[1], point[0]))
    known_points += [
        (-7.78294, 110.36704),
        (-7.75202, 110.49147),
        (-8.0253, 110.3290),
        (-7.7926, 110.3658),
        (-7.8575, 110.1600),
        (-7.9656, 110.6005),
    ]

    def indexed(lat: float, lng: float) -> str:
        try:
            return locate(lat, lng).region.code
        except LocateError as exc:
            return exc.code

    def naive(lat: float, lng: float) -> str | None:
        for shape in villages + districts:  # every edge of every polygon, no box checks
            inside = False
            for _x0, _y0, _x1, _y1, xs, ys in shape.rings:
                xj, yj = xs[-1], ys[-1]
                for xi, yi in zip(xs, ys, strict=True):
                    if (yi > lat) != (yj > lat) and lng < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                        inside = not inside
                    xj, yj = xi, yi
            if inside:
                return shape.code
        return None

    def brute(lat: float, lng: float) -> str | None:
        for shape in villages:
            if shape.contains(lng, lat):
                return shape.code
        for shape in districts:
            if shape.contains(lng, lat):
                return shape.code
        return None

    def by_database(lat: float, lng: float) -> str | None:
        for level in (RegionLevel.VILLAGE, RegionLevel.DISTRICT):
            candidates = Boundary.objects.filter(
                level=level,
                min_lat__lte=lat,
                max_lat__gte=lat,
                min_lng__lte=lng,
                max_lng__gte=lng,
            ).order_by("region_id")
            for code, polygon in candidates.values_list("region_id", "polygon"):
                if Shape(code, level, json.loads(polygon)).contains(lng, lat):
                    return code
        return None

    results: dict[str, dict[str, Any]] = {}
    sets = {
        "random points in DIY's box": random_points,
        "a point well inside each village, and six places": known_points,
    }
    for label, points in sets.items():
        entry: dict[str, Any] = {"n": len(points)}
        answers, samples = _timed(indexed, points)
        entry["indexed"] = _stats(samples)
        settings.LAYANI_GEOGRAPHY_CHECK_SECONDS = 0
        _a, samples = _timed(indexed, points[:2000])
        entry["indexed_check"] = _stats(samples)
        settings.LAYANI_GEOGRAPHY_CHECK_SECONDS = 30
        brute_answers, samples = _timed(brute, points)
        entry["brute"] = _stats(samples)
        naive_answers, samples = _timed(naive, points[:500])
        entry["naive"] = _stats(samples)
        entry["naive_disagree"] = sum(
            1 for a, b in zip(naive_answers, brute_answers, strict=False) if a != b
        )
        db_answers, samples = _timed(by_database, points[:2000])
        entry["database"] = _stats(samples)
        # Agreement: wherever a polygon holds the point, locate() names the same region.
        disagree = [
            (p, a, b)
            for p, a, b in zip(points, answers, brute_answers, strict=True)
            if b is not None and a != b
        ]
        entry["disagree"] = len(disagree)
        entry["db_disagree"] = sum(
            1 for a, b in zip(db_answers, brute_answers, strict=False) if a != b
        )
        outcomes: dict[str, int] = {}
        for a in answers:
            kind = a if "_" in a else ("village" if a.count(".") == 3 else "district")
            outcomes[kind] = outcomes.get(kind, 0) + 1
        entry["outcomes"] = outcomes
        results[label] = entry
        sys.stdout.write(f"{label} {json.dumps(entry)}\n")

    facts = {
        "command": "make bench-geo",
        "when": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "python": platform.python_version(),
        "db": connection.vendor,
        "cpu": _cpu(),
        "load": os.getloadavg(),
        "summary": summary.line(),
        "load_s": round(load_s, 3),
        "reload_s": round(reload_s, 3),
        "build_ms": round(build_ms, 1),
        "package_kb": round(package_path("34").stat().st_size / 1024),
        "outlines_kb": round(OUTLINES_FILE.stat().st_size / 1024),
        "villages": len(villages),
        "districts": len(districts),
        "vertices": sum(len(r[4]) for s in villages for r in s.rings),
        "total_s": round(time.monotonic() - started, 1),
    }
    text = _section(facts, results)
    sys.stdout.write(text)
    if not args.no_write:
        _write(args.out, text)
    for entry in results.values():
        if entry["disagree"]:
            raise SystemExit("locate() disagreed with the brute-force scan")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip() + f", {os.cpu_count()} cores"
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _section(facts: dict[str, Any], results: dict[str, dict[str, Any]]) -> str:
    lines = [
        BEGIN,
        "## Point → region (issue 18)",
        "",
        f"Command: `{facts['command']}` (`.venv/bin/python bench/geo/locate.py`) — run "
        f"{facts['when']}, {facts['total_s']} s in all; Python {facts['python']}, "
        f"{facts['db']}, {facts['cpu']}, load average before "
        f"{', '.join(f'{x:.2f}' for x in facts['load'])} (a shared machine: compare figures "
        "within one run). Method: docs/geography.md.",
        "",
        f"Data: {facts['summary']}; {facts['villages']} village polygons with "
        f"{facts['vertices']:,} vertices. Package {facts['package_kb']} KB, national outlines "
        f"{facts['outlines_kb']} KB (gzip'd). Loading took {facts['load_s']} s the first time "
        f"(reading the package included) and {facts['reload_s']} s again (what the `boundaries` "
        f"test fixture costs per test); the first `locate()` built the index in "
        f"{facts['build_ms']} ms.",
        "",
        "Per lookup, in microseconds (median / p95 / p99):",
        "",
        "| points | n | `locate()` (grid index) | `locate()`, freshness checked every call | "
        "baseline: every polygon, boxes first | baseline: every edge of every polygon | "
        "database bbox index + polygon test | answers |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def cell(s: dict[str, float]) -> str:
        return f"{s['median_us']} / {s['p95_us']} / {s['p99_us']}"

    def first(e: dict[str, Any], n: int) -> str:
        return f"(first {n:,}) " if e["n"] > n else ""

    for label, e in results.items():
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(e["outcomes"].items()))
        lines.append(
            f"| {label} | {e['n']:,} | {cell(e['indexed'])} | {cell(e['indexed_check'])} "
            f"{first(e, 2000)}| {cell(e['brute'])} | {cell(e['naive'])} {first(e, 500)}| "
            f"{cell(e['database'])} {first(e, 2000)}| "
            f"{outcomes} |"
        )

    def ratio(e: dict[str, Any], key: str) -> str:
        return f"{e[key]['median_us'] / max(e['indexed']['median_us'], 0.1):.0f}×"

    lines += [
        "",
        "At the median the grid index is "
        + "; ".join(
            f"{ratio(e, 'brute')} faster than scanning every polygon (boxes first) and "
            f"{ratio(e, 'naive')} faster than testing every edge ({label})"
            for label, e in results.items()
        )
        + ": the same polygon test, process and points. Wherever some polygon holds a point, "
        "`locate()` named the same region as the scan "
        f"({', '.join(str(e['disagree']) for e in results.values())} disagreements). Points in "
        "no polygon go to the nearest district within 550 m, then to the national outlines "
        "(`outside_area`, `outside_indonesia`): the slower tail of the random points, since "
        "DIY's box holds parts of Jawa Tengah and the sea. Checking freshness on every call "
        "(the tests' setting) adds one aggregate query; production checks every 30 s.",
        END,
    ]
    return "\n".join(lines) + "\n"


def _write(out: Path, section: str) -> None:
    text = out.read_text()
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    out.write_text(text)


if __name__ == "__main__":
    main()
