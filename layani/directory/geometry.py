"""Plane geometry for boundaries, in degrees: multipolygons prepared for point tests and a uniform
grid over their bounding boxes (`geography` builds its per-process index from these)."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

Ring = list[list[float]]
Polygon = list[Ring]
MultiPolygon = list[Polygon]

#: Grid cell size in degrees (about 2.2 km): a DIY village's box touches a handful of cells.
CELL_DEGREES = 0.02


class Shape:
    """A multipolygon prepared for point tests: every ring as flat coordinate tuples."""

    __slots__ = ("bbox", "code", "level", "rings")

    def __init__(self, code: str, level: int, polygons: list[Any]) -> None:
        self.code = code
        self.level = level
        rings = []
        min_x = min_y = math.inf
        max_x = max_y = -math.inf
        for polygon in polygons:
            for ring in polygon:
                xs = tuple(p[0] for p in ring)
                ys = tuple(p[1] for p in ring)
                rx0, rx1, ry0, ry1 = min(xs), max(xs), min(ys), max(ys)
                rings.append((rx0, ry0, rx1, ry1, xs, ys))
                min_x, min_y = min(min_x, rx0), min(min_y, ry0)
                max_x, max_y = max(max_x, rx1), max(max_y, ry1)
        self.bbox = (min_x, min_y, max_x, max_y)
        self.rings = rings

    def contains(self, x: float, y: float) -> bool:
        """Even–odd rule over every ring of every part: holes and parts need no telling apart.

        A crossing counts when the edge spans the ray's height half-open (one end strictly above,
        the other at or below) and meets the rightward ray strictly right of the point; so a
        point exactly on an edge shared by two neighbours lands in exactly one of them."""
        inside = False
        for rx0, ry0, rx1, ry1, xs, ys in self.rings:
            if x < rx0 or x > rx1 or y < ry0 or y > ry1:
                continue
            xj, yj = xs[-1], ys[-1]
            for xi, yi in zip(xs, ys):  # noqa: B905 — equal lengths by construction
                if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                    inside = not inside
                xj, yj = xi, yi
        return inside

    def distance(self, x: float, y: float) -> float:
        """Distance in degrees from the point to the nearest edge."""
        best = math.inf
        for _rx0, _ry0, _rx1, _ry1, xs, ys in self.rings:
            xj, yj = xs[-1], ys[-1]
            for xi, yi in zip(xs, ys):  # noqa: B905
                dx, dy = xi - xj, yi - yj
                if dx == 0 and dy == 0:
                    d = math.hypot(x - xj, y - yj)
                else:
                    t = max(0.0, min(1.0, ((x - xj) * dx + (y - yj) * dy) / (dx * dx + dy * dy)))
                    d = math.hypot(x - xj - t * dx, y - yj - t * dy)
                best = min(best, d)
                xj, yj = xi, yi
        return best


class Grid:
    """A uniform grid over bounding boxes: cell → the shapes whose box touches it."""

    def __init__(self, shapes: list[Shape], cell: float = CELL_DEGREES) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Shape]] = {}
        for shape in sorted(shapes, key=lambda s: s.code):
            x0, y0, x1, y1 = shape.bbox
            for ix in range(self._i(x0), self._i(x1) + 1):
                for iy in range(self._i(y0), self._i(y1) + 1):
                    self.cells.setdefault((ix, iy), []).append(shape)

    def _i(self, v: float) -> int:
        return math.floor(v / self.cell)

    def at(self, x: float, y: float) -> list[Shape]:
        return self.cells.get((self._i(x), self._i(y)), [])

    def near(self, x: float, y: float, radius: float) -> list[Shape]:
        found: dict[str, Shape] = {}
        for ix in range(self._i(x - radius), self._i(x + radius) + 1):
            for iy in range(self._i(y - radius), self._i(y + radius) + 1):
                for shape in self.cells.get((ix, iy), []):
                    found[shape.code] = shape
        return [found[c] for c in sorted(found)]

    def containing(self, x: float, y: float) -> Shape | None:
        """The first shape (by code) holding the point: deterministic where sources overlap."""
        for shape in self.at(x, y):
            x0, y0, x1, y1 = shape.bbox
            if x0 <= x <= x1 and y0 <= y <= y1 and shape.contains(x, y):
                return shape
        return None


def label_point(polygons: list[Any]) -> list[float] | None:
    """A point inside the largest part, for its name: the middle of the widest stretch of the
    horizontal line through the part's middle (a centroid can fall outside a crescent)."""
    best: tuple[float, list[Any]] | None = None
    for polygon in polygons:
        ring = polygon[0]
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        size = (max(xs) - min(xs)) * (max(ys) - min(ys))
        if best is None or size > best[0]:
            best = (size, polygon)
    if best is None:
        return None
    polygon = best[1]
    ys = [p[1] for p in polygon[0]]
    y = (min(ys) + max(ys)) / 2
    crossings: list[float] = []
    for ring in polygon:
        for (x0, y0), (x1, y1) in pairwise(ring):
            if (y0 > y) != (y1 > y):
                crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    crossings.sort()
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not spans:
        return None
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return [(a + b) / 2, y]


# Simplification (the packaged outlines, maps at coarse zooms)


def bbox(polygons: MultiPolygon) -> tuple[float, float, float, float]:
    """(min_lng, min_lat, max_lng, max_lat) of a multipolygon."""
    xs = [p[0] for polygon in polygons for ring in polygon for p in ring]
    ys = [p[1] for polygon in polygons for ring in polygon for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _segment_distance(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on an open polyline (iterative); the ends are always kept."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = -1.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Ring, tolerance: float) -> Ring | None:
    """A closed ring simplified to within `tolerance` degrees, or None if it collapses."""
    if tolerance <= 0 or len(ring) <= 4:
        return ring
    start = ring[0]
    far = max(
        range(len(ring) - 1), key=lambda i: math.hypot(*(ring[i][k] - start[k] for k in (0, 1)))
    )
    if far == 0:
        return None
    head = _douglas_peucker(ring[: far + 1], tolerance)
    tail = _douglas_peucker(ring[far:], tolerance)
    out = head[:-1] + tail
    return out if len(out) >= 4 else None


def simplify(polygons: MultiPolygon, tolerance: float) -> MultiPolygon:
    """Every ring simplified; rings (and parts) that collapse are dropped."""
    if tolerance <= 0:
        return polygons
    result: MultiPolygon = []
    for polygon in polygons:
        rings = [r for r in (simplify_ring(ring, tolerance) for ring in polygon) if r is not None]
        if rings:
            result.append(rings)
    return result
