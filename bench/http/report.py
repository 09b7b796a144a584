"""The scenarios of the HTTP benchmark and the "HTTP and scale" section of docs/benchmarks.md."""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BEGIN = "<!-- bench:http:begin (written by `make bench`; edits here are overwritten) -->"
END = "<!-- bench:http:end -->"
#: Sections `write_section` can write: markers and heading. A PostgreSQL-only run (the size ladder
#: of issue #23) writes "national" and leaves the 1M SQLite/PostgreSQL comparison of issue #9.
SECTIONS = {
    "http": (BEGIN, END, "## HTTP and scale (issue #9)"),
    "national": (
        "<!-- bench:national:begin (written by `make bench`; edits here are overwritten) -->",
        "<!-- bench:national:end -->",
        "### National scale run: PostgreSQL by size (issue #23)",
    ),
}
TARGET_MS = 300


def scenarios(fixtures: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(name, path, cookie, method) in the order they run; the baseline first, the slowest last."""
    coordinator, officer, slug = (
        fixtures["coordinator_cookie"],
        fixtures["inbox_cookie"],
        fixtures["inbox_slug"],
    )
    listed = [
        ("bare Django JSON endpoint", "/bench/bare/", "", "POST"),
        ("durable floor: bare + one INSERT", "/bench/floor/", "", "POST"),
        ("intake: Open311 POST requests.json", "/open311/v2/requests.json", "", "POST"),
        (
            "Open311 GET requests.json (default: up to 1,000)",
            "/open311/v2/requests.json",
            "",
            "GET",
        ),
        (
            "Open311 GET requests.json?page_size=100",
            "/open311/v2/requests.json?page_size=100",
            "",
            "GET",
        ),
        ("public report list /laporan/", "/laporan/", "", "GET"),
        ("public map data /laporan/peta.json", "/laporan/peta.json", "", "GET"),
        (
            "public map data, one city at zoom 13",
            "/laporan/peta.json?bbox=110.30,-7.85,110.45,-7.72&zoom=13",
            "",
            "GET",
        ),
    ]
    if fixtures.get("public_report"):
        listed.append(("public report page", f"/laporan/{fixtures['public_report']}/", "", "GET"))
    listed += [
        ("public dashboard /statistik/", "/statistik/", "", "GET"),
        ("open data page /statistik/data/", "/statistik/data/", "", "GET"),
        ("coordinator's queue", "/konsol/antrean/", coordinator, "GET"),
        ("coordinator's dashboard /konsol/dasbor/", "/konsol/dasbor/", coordinator, "GET"),
        ("agency inbox (busiest agency)", f"/konsol/instansi/{slug}/", officer, "GET"),
        ("agency dashboard (busiest agency)", f"/konsol/instansi/{slug}/dasbor/", officer, "GET"),
        # Last: at a million reports their requests take long, and the ones still running when
        # wrk stops would slow the next scenario down.
        ("home page with live figures /", "/", "", "GET"),
        ("public search /laporan/?q=jalan+rusak", "/laporan/?q=jalan+rusak", "", "GET"),
    ]
    return listed


def _table(run: dict[str, Any]) -> list[str]:
    lines = [
        "| scenario | HTTP | requests/s | p50 ms | p95 ms | p99 ms | errors | p95 < 300 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in run["scenarios"]:
        rate = s["requests"] / s["seconds"] if s["seconds"] else 0
        status = s["status"] or "POST"
        ok = "yes" if s["p95_ms"] < TARGET_MS else "**no**"
        errors = s["errors"] + s["non2xx"]
        lines.append(
            f"| {s['name']} | {status} | {rate:,.1f} | {s['p50_ms']:.0f} | {s['p95_ms']:.0f} "
            f"| {s['p99_ms']:.0f} | {errors} | {ok} |"
        )
    return lines


def _ratio(run: dict[str, Any]) -> str:
    by = {s["name"]: s for s in run["scenarios"]}
    bare = by.get("bare Django JSON endpoint")
    intake = by.get("intake: Open311 POST requests.json")
    if not bare or not intake or not bare["seconds"] or not intake["seconds"]:
        return "Pages only in this run: no intake, floor or bare-endpoint load."
    bare_rate = bare["requests"] / bare["seconds"]
    intake_rate = intake["requests"] / intake["seconds"]
    ratio = intake_rate / bare_rate if bare_rate else 0
    verdict = "meets" if ratio >= 0.5 else "**misses**"
    text = (
        f"Intake {intake_rate:,.1f} submissions/s acknowledged against {bare_rate:,.1f} "
        f"requests/s for the bare endpoint on the same server: ratio **{ratio:.2f}** ({verdict} "
        "the target of 0.5)."
    )
    floor = by.get("durable floor: bare + one INSERT")
    if floor and floor["seconds"]:
        floor_rate = floor["requests"] / floor["seconds"]
        text += (
            f" The durable floor (the bare endpoint plus one committed INSERT, nothing else) ran "
            f"at {floor_rate:,.1f} requests/s, {floor_rate / bare_rate:.2f} of the bare rate: no "
            "intake that commits each submission on its own before answering can exceed that "
            f"ratio on this server. Intake reached {intake_rate / floor_rate:.2f} of the floor."
        )
    journal = run.get("journal")
    if journal:
        text += (
            f" Each acknowledged submission was durable in the intake journal; when the load "
            f"stopped, {journal['waiting']:,} were still waiting to become reports, and the worker "
            f"(one `layani db_worker`, running throughout) recorded them in {journal['seconds']} s "
            f"({journal['rate']:,.1f} reports/s while the server was idle); {journal['left']:,} "
            "were left when the wait ended."
        )
    return text


def write_section(
    out: Path,
    command: str,
    facts: dict[str, Any],
    runs: list[dict[str, Any]],
    args: argparse.Namespace,
    section: str = "http",
) -> None:
    begin, end, heading = SECTIONS[section]
    v = facts["versions"]
    lines = [
        begin,
        heading,
        "",
        f"Command: `{command}` — run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{facts['total_s']} s in all. Method: docs/decisions/0019-bulk-seed-and-benchmarks.md.",
        "",
        f"Machine: {facts['cpu']}, {facts['cores']} cores, {facts['ram_gb']} GB RAM, Linux "
        f"{facts['kernel']}; {v['python']}, Django {v['django']}, {v['gunicorn']}, {v['wrk']}, "
        f"{v['postgresql']}, SQLite {v['sqlite']}. Load average before the run "
        f"{', '.join(f'{x:.2f}' for x in facts['load_before'])} (the machine is shared with other "
        "work: compare figures within one run).",
        "",
        f"Server: gunicorn, {args.workers} sync workers, layani.config.settings.bench (production "
        "middleware, DEBUG off, rate limits lifted). Load: wrk on loopback, 2 threads, "
        f"{args.connections} connections, {args.seconds} s per scenario after {args.warmup} s of "
        "unmeasured warm-up; every intake request is a "
        "distinct valid Open311 submission (its own text, village and e-mail). Staff pages with a "
        "signed-in, second-factor-verified session.",
    ]
    for run in runs:
        p = run["prepared"]
        name = "PostgreSQL (Redis cache, db 12)" if run["db"] == "postgres" else "SQLite (WAL)"
        size = run.get("size")
        lines += ["", f"#### {name}, {p['reports']:,} reports", ""]
        if run.get("disk_mb") and size:
            lines.append(
                f"Database size {run['disk_mb'] / 1024:,.1f} GB "
                f"({run['disk_mb'] / 1024 / (p['reports'] / 1e6):,.2f} GB per million reports); "
                f"load average before {', '.join(f'{x:.2f}' for x in run['load_before'])}."
            )
            lines.append("")
        if p.get("seeded"):
            lines.append(
                f"Seeded in this run: {p['seeded']:,} reports in {p['steps_s'].get('seed')} s "
                f"({p['seed_rate']:,} reports/s); preparation {p['prepare_s']} s in all "
                f"(steps: {p['steps_s']})."
            )
        elif p.get("earlier"):
            e = p["earlier"]
            lines.append(
                f"Database seeded by an earlier run ({e['at']}): {e['seeded']:,} reports in "
                f"{e['steps_s'].get('seed')} s ({e['seed_rate']:,} reports/s, load average then "
                f"{', '.join(str(x) for x in e['load'])}; steps: {e['steps_s']}); preparation "
                f"in this run {p['prepare_s']} s."
            )
        else:
            lines.append(f"Database seeded by an earlier run (preparation {p['prepare_s']} s).")
        if not p.get("rollup_stats"):
            lines.append("`layani rollup_stats` did not exist at the time of this run.")
        elif p.get("rollups_built") is False:
            lines.append(
                "**Statistics rollups not built** at this size (`--rollup-up-to`): the pages "
                "that read them (statistics, open data, the home page's figures) show the "
                "not-yet-built state, so their times here do not measure a built deployment."
            )
        lines += ["", *_table(run), "", _ratio(run), ""]
        workers = run["memory_mb"]
        lines.append(
            "Memory after the load, per gunicorn worker (RSS / PSS, MB): "
            + "; ".join(f"{r:.0f} / {s:.0f}" for r, s in workers)
            + f"; master {run['master_mb'][0]:.0f} / {run['master_mb'][1]:.0f}"
            + (
                f"; queue worker {run['worker_mb'][0]:.0f} / {run['worker_mb'][1]:.0f}."
                if "worker_mb" in run
                else "."
            )
        )
        if run.get("intake"):
            lines += ["", f"End to end (acknowledged and recorded): {run['intake']}."]
        if run.get("lag"):
            lines += ["", f"Recording lag behind the notification backlog: {run['lag']}."]
        if run.get("routing"):
            lines += [
                "",
                "Duplicate detection and routing suggestions (bench/routing/, same database):",
                "",
                "```",
                run["routing"]["duplicates"],
                run["routing"]["suggest"],
                "```",
            ]
        lines += [
            "",
            "Load average after this database: "
            + ", ".join(f"{x:.2f}" for x in run["load_after"])
            + ".",
        ]
    lines.append(end)
    written = "\n".join(lines) + "\n"
    text = out.read_text() if out.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    text = (
        pattern.sub(lambda _m: written, text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + written
    )
    out.write_text(text)


def headline(run: dict[str, Any], reports: int, commit: str) -> dict[str, object]:
    """One entry of docs/benchmarks.json: the figures issue #23 asks for, from one run.

    `reports` is the size asked for (the growth table's column); the database holds a few more
    (the demo's played-through reports and earlier runs' submissions): `reports_in_database`.
    Figures a run did not measure (a pages-only run has no intake, lag or floor) are null."""
    rates = {s["name"]: s["requests"] / s["seconds"] for s in run["scenarios"] if s["seconds"]}
    floor = rates.get("durable floor: bare + one INSERT")
    intake = rates.get("intake: Open311 POST requests.json")
    rss = [m[0] for m in run.get("memory_mb", [])]
    # A page none of whose requests finished within the load has no p95 (null), not 0 ms.
    gets = {
        s["name"]: round(s["p95_ms"], 1) if s["requests"] else None
        for s in run["scenarios"]
        if s["status"]
    }
    return {
        "database": "postgresql" if run["db"] == "postgres" else "sqlite",
        "reports": reports,
        "commit": commit,
        "date": f"{datetime.now(UTC):%Y-%m-%d}",
        "p95_ms": gets,
        "intake_per_floor": round(intake / floor, 3) if intake and floor else None,
        "end_to_end_per_ack": run.get("intake", {}).get("end_to_end_per_ack"),
        "cpu_ms_per_recorded_report": run.get("intake", {}).get("cpu_ms_per_recorded"),
        "rss_mb_per_worker": round(sum(rss) / len(rss), 1) if rss else None,
        "recording_lag_p95_s": run.get("lag", {}).get("lag_p95_s"),
        "reports_in_database": run.get("prepared", {}).get("reports"),
        "disk_mb": run.get("disk_mb"),
        "load_average": [round(x, 2) for x in run["load_before"]] if "load_before" in run else None,
        "rollups_built": run.get("prepared", {}).get("rollups_built"),
    }


def write_json(path: Path, entries: list[dict[str, object]]) -> None:
    """Append this run's entries to docs/benchmarks.json (``{"runs": [...]}``)."""
    data = json.loads(path.read_text()) if path.exists() else {"runs": []}
    data["runs"].extend(entries)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
