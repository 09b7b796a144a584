"""The slow query behind each slow page: EXPLAIN (ANALYZE, BUFFERS), as markdown.

    DJANGO_SETTINGS_MODULE=layani.config.settings.bench DATABASE_URL=… PYTHONPATH=. \
        .venv/bin/python bench/http/explain.py --fixtures var/bench/fixtures-bench_10m.json \
        --results var/bench/results.json --over 300 > var/bench/explain-10m.md

For every GET scenario whose p95 in `--results` is at least `--over` ms (or the scenarios named
with `--only`), the page is requested once in-process with Django's test client (the signed-in
sessions the benchmark used, from the fixtures file run.py keeps), every query it makes is timed,
and the slowest SELECTs are explained with ANALYZE and BUFFERS (they run again: the plans show the
real row counts and the pages read from cache or disk).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _slow_names(results: Path, over: float, size: int | None) -> set[str]:
    runs = json.loads(results.read_text())["runs"]
    names = set()
    for run in runs:
        if run.get("db") != "postgres" or (size and run.get("size") != size):
            continue
        for s in run["scenarios"]:
            if s["status"] and s["p95_ms"] >= over:
                names.add(s["name"])
    return names


def explain_page(path: str, cookie: str, top: int) -> list[str]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie:
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
    with CaptureQueriesContext(connection) as captured:
        started = time.monotonic()
        response = client.get(path)
        took = (time.monotonic() - started) * 1000
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    total_sql = sum(float(q["time"]) for q in queries) * 1000
    lines = [
        f"`GET {path}` → HTTP {response.status_code} in {took:,.0f} ms, {len(queries)} queries "
        f"taking {total_sql:,.0f} ms in all; the slowest:",
        "",
    ]
    shown = 0
    for query in queries:
        sql = query["sql"]
        if shown >= top or not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        shown += 1
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        lines += [
            f"{shown}. {float(query['time']) * 1000:,.0f} ms:",
            "",
            "```sql",
            sql if len(sql) < 3000 else sql[:3000] + " …",
            "```",
            "",
            "```",
            plan,
            "```",
            "",
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", type=Path, required=True)
    parser.add_argument("--results", type=Path, help="results.json of the run (var/bench/)")
    parser.add_argument("--size", type=int, help="Only this size's run from --results.")
    parser.add_argument("--over", type=float, default=300.0, help="p95 threshold in ms.")
    parser.add_argument("--only", nargs="+", metavar="SCENARIO")
    parser.add_argument("--top", type=int, default=2, help="Slowest queries per page.")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.bench")
    import django

    django.setup()
    from bench.http import report

    fixtures: dict[str, Any] = json.loads(args.fixtures.read_text())
    if args.only:
        wanted = set(args.only)
    elif args.results:
        wanted = _slow_names(args.results, args.over, args.size)
    else:
        parser.error("give --results (with --over) or --only")
    from layani.intake.models import Report

    out = [f"Database: {Report.objects.count():,} reports.", ""]
    for name, path, cookie, kind in report.scenarios(fixtures):
        if kind != "GET" or name not in wanted:
            continue
        out += [f"#### {name}", "", *explain_page(path, cookie, args.top)]
    print("\n".join(out))  # noqa: T201


if __name__ == "__main__":
    main()
