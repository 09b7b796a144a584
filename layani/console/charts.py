"""Server-drawn SVG geometry for the dashboards (the template writes the SVG, no JavaScript).

Each chart's numbers are also in a table next to it, with every number a link to the cases behind
it; the SVG itself is hidden from screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 340
HEIGHT = 150
LABEL_ROW = 18


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    series: int
    x: float
    y: float
    height: float
    text_y: float


@dataclass(frozen=True)
class ColumnChart:
    """Vertical columns in groups (one group per label, one column per series)."""

    columns: list[Column]
    labels: list[tuple[str, float]]
    width: int = WIDTH
    height: int = HEIGHT + LABEL_ROW
    baseline: int = HEIGHT
    column_width: float = 0.0


def column_chart(groups: list[tuple[str, list[int]]]) -> ColumnChart:
    """``groups`` is [(label, [value per series])]; columns scale to the largest value."""
    top = max((v for _, values in groups for v in values), default=0)
    per_group = max((len(values) for _, values in groups), default=1)
    slot = WIDTH / max(1, len(groups))
    width = round(slot * 0.8 / per_group, 1)
    room = HEIGHT - 16
    columns, labels = [], []
    for g, (label, values) in enumerate(groups):
        left = g * slot + slot * 0.1
        labels.append((label, round(g * slot + slot / 2, 1)))
        for s, value in enumerate(values):
            height = round(room * value / top, 1) if top else 0.0
            y = round(HEIGHT - height, 1)
            x = round(left + s * width, 1)
            columns.append(Column(label, value, s, x, y, height, round(y - 4, 1)))
    return ColumnChart(columns, labels, column_width=width)
