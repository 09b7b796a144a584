"""Server-drawn bar charts: geometry only, the template writes the SVG.

No JavaScript and nothing inline to run, so the strict CSP holds; each chart's numbers are also
rendered as a table right below it for screen readers and for people who would rather read.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Drawing units: the SVG scales to its container through its viewBox.
WIDTH = 600
ROW = 28
LABEL = 230


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float
    text_x: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL
    width: int = WIDTH


def bar_chart(series: list[tuple[str, int]]) -> BarChart:
    """Horizontal bars scaled to the largest value, one row per item."""
    top = max((v for _, v in series), default=0)
    room = WIDTH - LABEL - 60
    bars = []
    for i, (label, value) in enumerate(series):
        width = room * value / top if top else 0.0
        bars.append(Bar(label, value, i * ROW, round(width, 1), round(LABEL + width + 6, 1)))
    return BarChart(bars, max(ROW, len(series) * ROW))
