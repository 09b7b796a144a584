"""Federation lag between two live deployments (issue #21): how long a forward takes from the
coordinator's decision to the report recorded at the receiver, and a follow-up at the receiver to
the same follow-up on the origin's tracking page.

    .venv/bin/python bench/federation/lag.py [--reports 20] [--pause 0.5] [--db sqlite|postgres|both]

Starts the regency and the province with the end-to-end tests' harness
(tests/federation/harness.py) in production's delivery mode: the database task queue, decisions
enqueue the delivery task after commit, one `layani db_worker` per deployment (polling every
0.1 s) runs it. The origin's coordinator refers `--reports` reports to the province one after
another (`--pause` seconds apart); then the province's officer accepts each and posts a follow-up.
Both moments are read from the audit logs of the two deployments (same machine, same clock): the
origin's `report.disposed` → the receiver's `federation.received`, and the receiver's
`message.follow_up` → the origin's `message.follow_up`. Writes the "Federation lag (issue #21)"
section of docs/benchmarks.md (only that section) unless --no-write.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.federation.harness import Pair  # noqa: E402

BEGIN = "<!-- federation-lag:begin -->"
END = "<!-- federation-lag:end -->"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _wait(what: str, check: Any, seconds: float = 180) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        done, value = check()
        if done:
            return value
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}: {value}")
        time.sleep(0.5)


def _lags(start: dict[str, str | None], end: dict[str, str | None]) -> list[float]:
    return [
        datetime.fromisoformat(str(end[b])).timestamp()
        - datetime.fromisoformat(str(start[a])).timestamp()
        for a, b in zip(start, end, strict=True)
    ]


def measure(postgres_url: str | None, reports: int, pause: float) -> dict[str, Any]:
    pair = Pair(postgres_url, workers=True)
    try:
        pair.prepare()
        pair.start()
        origin, receiver = pair.origin, pair.receiver
        ids = origin.step(
            "submit_and_forward",
            count=reports,
            level="province",
            reason="Jalan provinsi",
            pause=pause,
        )["tracking_ids"]

        def arrived() -> tuple[bool, Any]:
            found = receiver.step("received", origin_tracking_ids=ids)
            return all(len(found[t]["by_hop"]) == 1 for t in ids), found

        found = _wait("the forwards at the receiver", arrived)
        remote = [found[t]["by_hop"][0] for t in ids]
        decided = origin.step("audit_times", tracking_ids=ids, action="report.disposed")
        received = receiver.step("audit_times", tracking_ids=remote, action="federation.received")
        receiver.step("take_on", tracking_ids=remote, text="Sudah ditinjau", pause=pause)

        def followed() -> tuple[bool, Any]:
            seen = origin.step("audit_times", tracking_ids=ids, action="message.follow_up")
            return all(seen.values()), seen

        shown = _wait("the follow-ups at the origin", followed)
        posted = receiver.step("audit_times", tracking_ids=remote, action="message.follow_up")
        duplicates = receiver.step("totals")
        origin_totals = origin.step("totals")
        return {
            "retried": duplicates["retried"] + origin_totals["retried"],
            "undelivered": duplicates["undelivered"] + origin_totals["undelivered"],
            "db": "PostgreSQL" if postgres_url else "SQLite",
            "reports": reports,
            "forward": _lags(decided, received),
            "follow_up": _lags(posted, shown),
            "arrived": duplicates["arrived"],
            "distinct": duplicates["distinct_keys"],
        }
    finally:
        pair.close()


def _row(db: str, name: str, lags: list[float]) -> str:
    return (
        f"| {db} | {name} | {percentile(lags, 0.5):.2f} s | {percentile(lags, 0.95):.2f} s | "
        f"{max(lags):.2f} s |"
    )


def section(runs: list[dict[str, Any]], command: str, args: argparse.Namespace) -> str:
    lines = [
        BEGIN,
        "## Federation lag (issue #21)",
        "",
        f"Command: `{command}` — run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on the shared "
        f"2-core development machine (load average {os.getloadavg()[0]:.1f} at the end; other "
        "engineers' tests were running, so the figures are an upper bound).",
        "",
        "Two live deployments (the regency and the province: tests/federation/harness.py), each "
        "with gunicorn (2 workers), its own database and one `layani db_worker` (interval 0.1 s); "
        "delivery as in production: the decision enqueues the delivery task after commit. "
        f"{args.reports} reports, one decision every {args.pause} s; then at the province, for "
        "each, disposal, acceptance and a follow-up. Times from the two audit logs (one clock).",
        "",
        "| backend | lag | p50 | p95 | max |",
        "|---|---|---|---|---|",
    ]
    for run in runs:
        lines.append(_row(run["db"], "decision → recorded at the receiver", run["forward"]))
        lines.append(_row(run["db"], "follow-up → on the origin's case", run["follow_up"]))
    lines += [
        "",
        "Every forward arrived once: "
        + "; ".join(
            f"{r['db']} {r['arrived']} reports for {r['distinct']} distinct keys, "
            f"{r['retried']} messages needed a second attempt, {r['undelivered']} undelivered"
            for r in runs
        )
        + ". The slowest forward was number "
        + ", ".join(f"{r['forward'].index(max(r['forward'])) + 1} ({r['db']})" for r in runs)
        + " of the run: the first one pays for the worker's and the receiver's first imports "
        "and connections. Without a running worker the lag is the interval at which cron or the "
        "scheduler runs `layani federation deliver` (one minute); after an outage, the backoff "
        "(10 s, doubling, at most 1 h).",
        END,
    ]
    return "\n".join(_wrapped(line) for line in lines) + "\n"


def _wrapped(line: str) -> str:
    """Prose wrapped at 100 columns like the rest of the file; table rows as they are."""
    if line.startswith(("|", "<!--", "#")) or len(line) <= 100:
        return line
    return textwrap.fill(line, width=100, break_long_words=False, break_on_hyphens=False)


def write(out: Path, text: str) -> None:
    current = out.read_text()
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)
    if pattern.search(current):
        current = pattern.sub(lambda _m: text, current)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    out.write_text(current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.5)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="A PostgreSQL server the bench may create two databases on",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    runs = []
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        run = measure(args.postgres_url if db == "postgres" else None, args.reports, args.pause)
        print(  # noqa: T201 - a bench reports on stdout
            run["db"],
            "forward p50/p95",
            f"{percentile(run['forward'], 0.5):.2f}/{percentile(run['forward'], 0.95):.2f} s;",
            "follow-up p50/p95",
            f"{percentile(run['follow_up'], 0.5):.2f}/{percentile(run['follow_up'], 0.95):.2f} s",
            flush=True,
        )
        runs.append(run)
    command = ".venv/bin/python bench/federation/lag.py " + " ".join(sys.argv[1:])
    text = section(runs, command.strip(), args)
    print(text)  # noqa: T201
    if not args.no_write:
        write(args.out, text)


if __name__ == "__main__":
    main()
