"""How cost grows with the number of reports: a table and an SVG line chart of p95 per GET page.

Both are made from docs/benchmarks.json (the headline entries `make bench` appends): for each
database size the latest PostgreSQL entry, so sizes measured by different invocations meet in one
table. The chart is plain SVG written here (no plotting library): x is the number of reports on a
log scale, y the p95 in milliseconds, one line per scenario, a dashed line at the 300 ms target.
"""

from __future__ import annotations

import math
import re
from html import escape
from pathlib import Path
from typing import Any

BEGIN = "<!-- bench:growth:begin (written by `make bench`; edits here are overwritten) -->"
END = "<!-- bench:growth:end -->"
TARGET_MS = 300
#: Line colours, distinguishable in print and for the common colour-vision deficiencies.
COLOURS = (
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#f0e442",
    "#999999", "#882255", "#44aa99", "#117733", "#332288", "#aa4499",
)  # fmt: skip


def latest_by_size(entries: list[dict[str, Any]], database: str = "postgresql") -> dict[int, Any]:
    """The last entry for each size (entries are in the order they were run)."""
    by_size: dict[int, dict[str, Any]] = {}
    for entry in entries:
        if entry.get("database") == database and entry.get("p95_ms"):
            by_size[int(entry["reports"])] = entry
    return dict(sorted(by_size.items()))


def label(reports: int) -> str:
    if reports >= 1_000_000 and reports % 1_000_000 == 0:
        return f"{reports // 1_000_000}M"
    if reports >= 1000 and reports % 1000 == 0:
        return f"{reports // 1000}k"
    return f"{reports:,}"


def scenarios_of(by_size: dict[int, Any]) -> list[str]:
    names: list[str] = []
    for entry in by_size.values():
        names += [name for name in entry["p95_ms"] if name not in names]
    return names


def table(by_size: dict[int, Any]) -> list[str]:
    sizes = list(by_size)
    lines = [
        "| scenario | " + " | ".join(f"p95 ms at {label(n)}" for n in sizes) + " | growth |",
        "|---|" + "---|" * len(sizes) + "---|",
    ]
    for name in scenarios_of(by_size):
        values = [by_size[n]["p95_ms"].get(name) for n in sizes]
        cells = [
            "—" if v is None else (f"**{v:,.0f}**" if v >= TARGET_MS else f"{v:,.0f}")
            for v in values
        ]
        known = [v for v in values if v is not None]
        growth = f"× {known[-1] / known[0]:.1f}" if len(known) > 1 and known[0] else "—"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth} |")
    return lines


def svg(by_size: dict[int, Any], width: int = 760, height: int = 420) -> str:
    """A line chart of p95 (log y) against reports (log x), one line per scenario."""
    sizes = list(by_size)
    names = scenarios_of(by_size)
    values = [v for e in by_size.values() for v in e["p95_ms"].values() if v and v > 0]
    left, right, top, bottom = 60, 250, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    low_y = 10 ** math.floor(math.log10(min([*values, TARGET_MS / 10])))
    high_y = 10 ** math.ceil(math.log10(max([*values, TARGET_MS * 2])))
    low_x, high_x = math.log10(min(sizes)), math.log10(max(sizes))
    span_x = (high_x - low_x) or 1.0

    def x_of(reports: int) -> float:
        return left + (math.log10(reports) - low_x) / span_x * plot_w

    def y_of(ms: float) -> float:
        share = (math.log10(ms) - math.log10(low_y)) / (math.log10(high_y) - math.log10(low_y))
        return top + plot_h * (1 - share)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        "<title>p95 latency per page against the number of reports (PostgreSQL)</title>",
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="#444"/>',
    ]
    decade = low_y
    while decade <= high_y:
        y = y_of(decade)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{decade:g} ms</text>'
        )
        decade *= 10
    for n in sizes:
        x = x_of(n)
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{label(n)}</text>'
        )
    target = y_of(TARGET_MS)
    out.append(
        f'<line x1="{left}" y1="{target:.1f}" x2="{left + plot_w}" y2="{target:.1f}" '
        'stroke="#c00" stroke-dasharray="6 4"/>'
        f'<text x="{left + 4}" y="{target - 4:.1f}" fill="#c00">target {TARGET_MS} ms</text>'
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 12}" text-anchor="middle">'
        "reports in the database (log scale)</text>"
    )
    for i, name in enumerate(names):
        colour = COLOURS[i % len(COLOURS)]
        points = [
            (x_of(n), y_of(max(by_size[n]["p95_ms"][name], low_y)))
            for n in sizes
            if by_size[n]["p95_ms"].get(name)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            + "".join(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points
            )
        )
        legend_y = top + 14 * i + 8
        out.append(
            f'<line x1="{width - right + 12}" y1="{legend_y}" x2="{width - right + 30}" '
            f'y2="{legend_y}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{width - right + 34}" y="{legend_y + 4}">{escape(name[:38])}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(entries: list[dict[str, Any]], markdown: Path, chart: Path) -> bool:
    """Write the growth section of `markdown` and the chart; False when under two sizes."""
    by_size = latest_by_size(entries)
    if len(by_size) < 2:
        return False
    chart.write_text(svg(by_size))
    rows = []
    for n, entry in by_size.items():
        load = entry.get("load_average")
        rows.append(
            f"{label(n)}: commit {entry.get('commit', '?')}, {entry.get('date', '?')}"
            + (f", load average {', '.join(f'{x:.2f}' for x in load)}" if load else "")
        )
    section = "\n".join(
        [
            BEGIN,
            "### How cost grows: p95 per page at each size (PostgreSQL)",
            "",
            "From docs/benchmarks.json, the latest PostgreSQL entry per size ("
            + "; ".join(rows)
            + f"). Bold: p95 ≥ {TARGET_MS} ms.",
            "",
            *table(by_size),
            "",
            f"![p95 per page against reports]({chart.name})",
            END,
        ]
    )
    text = markdown.read_text() if markdown.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section, text)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    markdown.write_text(text)
    return True
