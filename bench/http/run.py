"""`make bench`: Layani over HTTP at N reports, on SQLite and PostgreSQL, in one go.

    .venv/bin/python bench/http/run.py --reports 1000000 --db both

For each database: bring it to N reports (bench/http/prepare.py; seeded once, kept afterwards:
SQLite under var/bench/sqlite/, PostgreSQL database `bench`), start gunicorn with the bench
settings (layani.config.settings.bench: production-like, rate limits lifted, plus /bench/bare/),
load each scenario with wrk on loopback, read the workers' memory, run the routing benchmarks, and
write the "HTTP and scale" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess  # nosec B404 — runs this repository's own tools
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.http import growth, processes, report, wrk

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv" / "bin"
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")


def pg_url(reports: int, sizes: int) -> str:
    """The database for a size: `bench_<size>` (bench_100k, bench_1m, bench_10m …), so every size
    is seeded once and kept; BENCH_DATABASE_URL overrides it for a run of one size."""
    if sizes == 1 and os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    return f"{PG_SERVER}/bench_{growth.label(reports).lower().replace(',', '')}"


def _env(db: str, url: str = "") -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "layani.config.settings.bench"}
    env["PYTHONPATH"] = str(ROOT)
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = url
        env["REDIS_URL"] = REDIS_URL
        name = url.rsplit("/", 1)[-1]
        env["LAYANI_DATA_DIR"] = str(ROOT / "var" / "bench" / f"postgres-{name}")
    else:
        env["LAYANI_DATA_DIR"] = str(ROOT / "var" / "bench" / "sqlite")
    return env


def _ensure_database(url: str) -> None:
    """Create the PostgreSQL database of `url` when it does not exist yet."""
    server, name = url.rsplit("/", 1)
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        sys.exit(f"Database name {name!r}: use letters, digits and underscores only.")
    admin = f"{server}/postgres"
    exists = subprocess.run(  # noqa: S603  # nosec B603
        ["psql", admin, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S607, S608  # nosec B608 - name checked above
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if exists != "1":
        _say(f"creating database {name}")
        subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{name}"'], check=True)  # noqa: S603, S607  # nosec B603


def _disk_mb(env: dict[str, str]) -> float | None:
    if "DATABASE_URL" not in env:
        path = Path(env["LAYANI_DATA_DIR"]) / "layani.sqlite3"
        return round(path.stat().st_size / 2**20, 1) if path.exists() else None
    return round(_count(env, "SELECT pg_database_size(current_database())") / 2**20, 1)


def _say(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)  # noqa: T201


def _python(script: str, env: dict[str, str], *args: str, capture: bool = True) -> str:
    out = subprocess.run(  # noqa: S603  # nosec B603
        [str(VENV / "python"), str(ROOT / script), *args],
        env=env,
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return out.stdout or ""


def _pending(env: dict[str, str]) -> int:
    """Submissions waiting in the intake journal, read straight from the database."""
    return _count(env, "SELECT count(*) FROM intake_journalentry WHERE state = 'pending'")


def _wait_for_journal(env: dict[str, str], db: str, seconds: float = 1800) -> dict[str, float]:
    """After the intake load: how many submissions were still waiting to be recorded as reports,
    and how long the worker took to record them all."""
    started = time.monotonic()
    waiting = _pending(env)
    left = waiting
    while left and time.monotonic() - started < seconds:
        time.sleep(2)
        left = _pending(env)
    took = time.monotonic() - started
    rate = (waiting - left) / took if waiting and took else 0.0
    _say(f"{db}: journal: {waiting} waiting after the load, {left} left after {took:.0f} s")
    return {"waiting": waiting, "left": left, "seconds": round(took, 1), "rate": round(rate, 1)}


def bench_database(
    db: str, reports: int, args: argparse.Namespace, workdir: Path
) -> dict[str, object]:
    url = pg_url(reports, len(args.reports)) if db == "postgres" else ""
    if url:
        _ensure_database(url)
    env = _env(db, url)
    if url:  # db 12 is the bench's own cache: no figure cached for another size survives
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    load_before = os.getloadavg()
    _say(f"{db}: preparing {reports:,} reports (seeded once, kept in {env['LAYANI_DATA_DIR']})")
    started = time.monotonic()
    flags = ["--no-rollup"] if reports > args.rollup_up_to else []
    output = _python("bench/http/prepare.py", env, f"--reports={reports}", *flags)
    prepared = json.loads(output.strip().splitlines()[-1])  # the last line; commands print too
    prepared["prepare_s"] = round(time.monotonic() - started, 1)
    _say(f"{db}: {prepared}")
    fixtures = json.loads(_python("bench/http/fixtures.py", env).strip().splitlines()[-1])
    tag = url.rsplit("/", 1)[-1] if url else db  # kept for bench/http/explain.py
    (workdir / f"fixtures-{tag}.json").write_text(json.dumps(fixtures))
    port = int(os.environ.get("BENCH_PORT") or processes.free_port())
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            str(VENV / "gunicorn"), "layani.config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
            "--pythonpath", str(ROOT), "--timeout", "120", "--log-level", "warning",
        ],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    # The worker records what intake acknowledged (the intake journal), as in production, and at
    # the lower CPU priority docs/deploy.md recommends where workers share cores with web processes.
    # Its lines (one per task) go to var/bench/db_worker-DB.log, not between the results.
    # Two workers, as docs/deploy.md runs them (decision 0026): one for the `intake` queue only,
    # one (niced) for every other queue.
    worker_log = (workdir / f"db_worker-{db}.log").open("w")
    worker = subprocess.Popen(  # noqa: S603  # nosec B603
        [str(VENV / "layani"), "db_worker", "--queue-name", "intake", "--interval", "0.5"],
        env=env,
        cwd=ROOT,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    other = subprocess.Popen(  # noqa: S603  # nosec B603
        ["nice", "-n", "10", str(VENV / "layani"), "db_worker", "--queue-name", "*",  # noqa: S607
         "--exclude-queues", "intake", "--interval", "1"],
        env=env,
        cwd=ROOT,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    results: dict[str, object] = {
        "db": db,
        "size": reports,
        "prepared": prepared,
        "scenarios": [],
        "load_before": load_before,
        "disk_mb": _disk_mb(env),
    }
    try:
        processes.wait_until_up(f"{base}/", gunicorn)
        scenarios = [
            s
            for s in report.scenarios(fixtures)
            if (not args.only or s[0] in args.only) and (not args.pages or s[3] == "GET")
        ]
        for name, path, cookie, kind in scenarios:
            url = base + path
            if kind == "GET":
                status = processes.status(url, cookie)
                _say(f"{db}: {name} {path} → HTTP {status}; {args.seconds} s of load")
                script = wrk.get_script(cookie)
            else:
                status = 0
                _say(f"{db}: {name} POST {path}; {args.seconds} s of load")
                script = wrk.post_script(
                    fixtures["api_key"], fixtures["service_code"], fixtures["villages"]
                )
            # Warm-up, not measured: every worker compiles templates and fills its caches.
            wrk.run(url, script, workdir, seconds=args.warmup, connections=args.connections)
            intake = kind == "POST" and path.startswith("/open311/")
            if intake:  # the warm-up's submissions recorded first, so the counts are this run's
                _wait_for_journal(env, db)
                cpu_before = processes.cpu_seconds([*processes.children(gunicorn.pid), worker.pid])
                reports_before = _count(env, "SELECT count(*) FROM intake_report")
            load_started = time.monotonic()
            result = wrk.run(
                url, script, workdir, seconds=args.seconds, connections=args.connections
            )
            load_ended = time.monotonic()
            _say(
                f"{db}: {name}: {result.rate:,.1f} req/s, p50 {result.p50_ms:.1f} ms, "
                f"p95 {result.p95_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, "
                f"errors {result.errors}, non-2xx {result.non2xx}"
            )
            results["scenarios"].append(  # type: ignore[attr-defined]
                {"name": name, "path": path, "status": status, **result.__dict__}
            )
            # Requests still running when wrk stopped end within about the longest latency seen.
            time.sleep(min(result.max_ms / 1000 * 1.2, 30))
            processes.drain(base)
            if intake:
                results["journal"] = _wait_for_journal(env, db)
                recorded_at = time.monotonic()
                recorded = _count(env, "SELECT count(*) FROM intake_report") - reports_before
                cpu = (
                    processes.cpu_seconds([*processes.children(gunicorn.pid), worker.pid])
                    - cpu_before
                )
                acked = result.requests - result.non2xx
                ack_rate = acked / result.seconds if result.seconds else 0.0
                e2e_rate = recorded / (recorded_at - load_started)
                results["intake"] = {
                    "acknowledged": acked,
                    "recorded": recorded,
                    "ack_rate": round(ack_rate, 1),
                    "end_to_end_rate": round(e2e_rate, 1),
                    "end_to_end_per_ack": round(e2e_rate / ack_rate, 3) if ack_rate else None,
                    "drain_after_load_s": round(recorded_at - load_ended, 1),
                    "cpu_ms_per_recorded": round(cpu * 1000 / recorded, 3) if recorded else None,
                }
                _say(f"{db}: intake: {results['intake']}")
        workers = processes.children(gunicorn.pid)
        results["memory_mb"] = [processes.memory_mb(pid) for pid in workers]
        results["master_mb"] = processes.memory_mb(gunicorn.pid)
        results["worker_mb"] = processes.memory_mb(worker.pid)
        if (not args.only and not args.pages) or args.lag:
            results["lag"] = _lag(env, db, base, fixtures, args.backlog)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        worker.send_signal(signal.SIGTERM)
        other.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=60)
        worker.wait(timeout=120)
        other.wait(timeout=120)
        worker_log.close()
    if not args.only and not args.pages:
        results["routing"] = _routing(env, db)
    results["load_after"] = os.getloadavg()
    (workdir / f"results-{tag}.json").write_text(json.dumps({"runs": [results]}, indent=1))
    return results


def _count(env: dict[str, str], query: str) -> int:
    return processes.sql_int(env, query)


def _lag(
    env: dict[str, str], db: str, base: str, fixtures: dict[str, object], backlog: int
) -> dict[str, object]:
    """The recording lag behind a backlog of notifications (bench/http/lag.py)."""
    _say(f"{db}: recording lag behind {backlog:,} queued notifications (bench/http/lag.py)")
    villages = fixtures["villages"]
    if not isinstance(villages, list):
        raise TypeError("fixtures: villages must be a list")
    out = _python(
        "bench/http/lag.py", env, f"--base={base}", f"--api-key={fixtures['api_key']}",
        f"--service={fixtures['service_code']}", f"--region={villages[0]}",
        f"--backlog={backlog}",
    )  # fmt: skip
    lag = dict(json.loads(out.strip().splitlines()[-1]))
    _say(f"{db}: lag: {lag}")
    return lag


def _routing(env: dict[str, str], db: str) -> dict[str, str]:
    """The routing scripts from bench/routing/, against this database's N reports."""
    _say(f"{db}: duplicate detection (bench/routing/bench_duplicates.py) at this size")
    duplicates = _python(
        "bench/routing/bench_duplicates.py", env, "--reports=1", "--probes=50",
        "--full-scan-probes=0", "--window-probes=3",
    )  # fmt: skip
    _say(f"{db}: routing suggestions (bench/routing/bench_suggest.py)")
    suggest = _python("bench/routing/bench_suggest.py", env, "--reports=300")
    return {"duplicates": duplicates.strip(), "suggest": suggest.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--reports",
        type=int,
        nargs="+",
        default=[1_000_000],
        help="One size or a ladder (100000 1000000 10000000): PostgreSQL database bench_<size> each.",
    )
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3, help="Unmeasured seconds per scenario.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, default=ROOT / "docs" / "benchmarks.json")
    parser.add_argument(
        "--backlog", type=int, default=10_000, help="Queued notifications behind the lag probe."
    )
    parser.add_argument(
        "--lag", action="store_true", help="With --only: measure the recording lag too."
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="Write the headline figures to var/bench/benchmarks-smoke.json, not docs/.",
    )
    parser.add_argument(
        "--rollup-up-to",
        type=int,
        default=2_000_000,
        help="Build the statistics rollups for sizes up to this many reports (the full rebuild "
        "is a Python pass over every report).",
    )
    parser.add_argument(
        "--pages",
        action="store_true",
        help="Only the GET scenarios (no intake, floor, lag or routing); recorded as usual.",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="SCENARIO",
        help="Run only these scenarios (their full names); the report is not written.",
    )
    args = parser.parse_args()
    if min(args.reports) < 1000:
        parser.error("--reports must be at least 1000.")
    workdir = ROOT / "var" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    facts = processes.machine()
    _say(f"machine: {facts}")
    started = time.monotonic()
    runs = []
    for reports in args.reports:
        for db in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
            runs.append(bench_database(db, reports, args, workdir))
    facts["total_s"] = round(time.monotonic() - started)
    sizes = " ".join(str(n) for n in args.reports)
    command = f"make bench REPORTS='{sizes}' BENCH_DB={args.db}" + (
        " BENCH_ARGS=--pages" if args.pages else ""
    )
    commit = subprocess.run(  # nosec B603
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True, text=True, cwd=ROOT, check=False,
    ).stdout.strip()  # fmt: skip
    entries = [report.headline(run, cast(int, run["size"]), commit) for run in runs]
    _say(f"headline: {json.dumps(entries)}")
    target = workdir / "benchmarks-smoke.json" if args.smoke or args.only else args.json
    report.write_json(target, entries)
    if args.only:
        (workdir / "results-only.json").write_text(json.dumps({"runs": runs}, indent=1))
        _say(f"done in {facts['total_s']} s; partial run, results in var/bench/results-only.json")
        return
    (workdir / "results.json").write_text(json.dumps({"machine": facts, "runs": runs}, indent=1))
    section = "national" if args.db == "postgres" else "http"
    report.write_section(args.out, command, facts, runs, args, section)
    if not args.smoke:
        all_entries = json.loads(args.json.read_text())["runs"]
        growth.write(all_entries, args.out, args.out.parent / "benchmarks-growth.svg")
    _say(f"done in {facts['total_s']} s; results in {args.out} and var/bench/results.json")


if __name__ == "__main__":
    main()
