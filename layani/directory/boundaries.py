"""Region boundaries: reading the upstream SQL, the packaged data, and loading `Boundary` rows.

The polygons come from cahyadsn/wilayah_boundaries (MIT; data/boundaries/README.md and NOTICE):
one ``INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES (...)`` row per region, the
path a JSON array in **[lat, lng]** order, either one polygon (a list of rings) or a multipolygon
(a list of polygons). Everything in Layani keeps them in GeoJSON order, **[lng, lat]**, as a
multipolygon (``[[[[lng, lat], ...], ...], ...]``), with coordinates rounded to 1e-5° (about
1 m). Rings are tested with the even–odd rule, so whether a later ring of a polygon is a hole or
another part does not matter (docs/geography.md).

Two kinds of packaged file live in ``data/boundaries/`` (gzip'd JSON, format below):
``NN.json.gz`` holds one province's province, regency, district and village polygons;
``provinces.json.gz`` holds every province's outline, simplified, to tell "outside Indonesia" from
"in another province".
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db import transaction

from .geometry import MultiPolygon, Ring, bbox
from .models import Boundary, Region, RegionLevel

DATA_DIR = Path(__file__).resolve().parent / "data" / "boundaries"
OUTLINES_FILE = DATA_DIR / "provinces.json.gz"
FORMAT = "layani-boundaries/1"
#: Decimal places kept (1e-5° is about 1.1 m on the ground).
PRECISION = 5
BATCH_SIZE = 500


@dataclass
class SourceBoundary:
    """One region's boundary as read from a source: code, name, centroid and shape ([lng, lat])."""

    code: str
    name: str
    centroid: tuple[float, float] | None  # (lng, lat)
    polygons: MultiPolygon = field(repr=False)

    @property
    def level(self) -> int:
        return level_of_code(self.code)

    @property
    def province(self) -> str:
        return self.code[:2]


def level_of_code(code: str) -> int:
    """The RegionLevel of a dotted Kemendagri code (by its number of parts)."""
    return min(code.count(".") + 1, RegionLevel.VILLAGE)


# ---------------------------------------------------------------------------------------------
# The upstream SQL


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^'\\]|\\.|'')*')
      | (?P<null>NULL\b)
      | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    )\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_INSERT = re.compile(r"INSERT\s+INTO\s+`?wilayah_boundaries`?\s*\(([^)]*)\)\s*VALUES", re.I)


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)|''", lambda m: m.group(1) or "'", body)


def _values(text: str, start: int) -> Iterator[tuple[list[Any], int]]:
    """The tuples of one VALUES list starting at `start`; yields (values, end offset)."""
    pos, n = start, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= n or text[pos] != "(":
            return
        pos += 1
        row: list[Any] = []
        while True:
            m = _TOKEN.match(text, pos)
            if not m:
                raise ValueError(f"Unreadable value at offset {pos}: {text[pos : pos + 40]!r}")
            if m.group("string") is not None:
                row.append(_unquote(m.group("string")))
            elif m.group("null") is not None:
                row.append(None)
            else:
                row.append(float(m.group("number")))
            pos = m.end()
            if text[pos] == ",":
                pos += 1
                continue
            if text[pos] == ")":
                pos += 1
                break
            raise ValueError(f"Expected ',' or ')' at offset {pos}: {text[pos : pos + 40]!r}")
        yield row, pos
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if pos < n and text[pos] == ";":
            return


def parse_sql(text: str) -> Iterator[SourceBoundary]:
    """Every boundary row in one upstream SQL file (comments and DELETEs are skipped)."""
    for insert in _INSERT.finditer(text):
        columns = [c.strip(" `") for c in insert.group(1).split(",")]
        for row, _end in _values(text, insert.end()):
            record = dict(zip(columns, row, strict=True))
            path = record.get("path")
            if not path:
                continue
            lat, lng = record.get("lat"), record.get("lng")
            yield SourceBoundary(
                code=str(record["kode"]).strip(),
                name=str(record["nama"]).strip(),
                centroid=(_round(lng), _round(lat))
                if lat is not None and lng is not None
                else None,
                polygons=normalize_path(json.loads(path)),
            )


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, list) and value:
        depth += 1
        value = value[0]
    return depth


def _round(value: float) -> float:
    return round(float(value), PRECISION)


def _ring(points: Iterable[list[float]], swap: bool) -> Ring | None:
    """A ring in [lng, lat], rounded, without repeated points, closed; None if degenerate."""
    ring: Ring = []
    for point in points:
        a, b = _round(point[0]), _round(point[1])
        xy = [b, a] if swap else [a, b]
        if not ring or ring[-1] != xy:
            ring.append(xy)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len({(x, y) for x, y in ring}) < 3:
        return None
    ring.append(list(ring[0]))
    return ring


def normalize_path(path: Any, *, swap: bool = True) -> MultiPolygon:
    """Any upstream path (a ring, a polygon or a multipolygon, [lat, lng]) as a multipolygon in
    [lng, lat]; degenerate rings are dropped. `swap=False` for input already in [lng, lat]."""
    depth = _depth(path)
    if depth == 2:
        path = [[path]]
    elif depth == 3:
        path = [path]
    elif depth != 4:
        raise ValueError(f"Unexpected boundary path nesting (depth {depth})")
    polygons: MultiPolygon = []
    for polygon in path:
        rings = [r for r in (_ring(ring, swap) for ring in polygon) if r is not None]
        if rings:
            polygons.append(rings)
    return polygons


def read_sql_dir(directory: Path, provinces: set[str]) -> Iterator[SourceBoundary]:
    """Boundaries of the given provinces from a directory holding upstream SQL files (searched
    recursively; files whose name says they hold another province are not read)."""
    named = re.compile(r"_(?:kab|kec|kel)_(\d\d)(?:\.\d\d)?\.sql$")
    for path in sorted(directory.rglob("*.sql")):
        m = named.search(path.name)
        if m and m.group(1) not in provinces:
            continue
        for boundary in parse_sql(path.read_text(encoding="utf-8")):
            if boundary.province in provinces:
                yield boundary


# ---------------------------------------------------------------------------------------------
# The packaged data


def package_path(province: str) -> Path:
    return DATA_DIR / f"{province}.json.gz"


def packaged_provinces() -> list[str]:
    """Province codes with a packaged boundary file."""
    return sorted(p.name.split(".")[0] for p in DATA_DIR.glob("[0-9][0-9].json.gz"))


def write_package(path: Path, meta: dict[str, Any], boundaries: Iterable[SourceBoundary]) -> None:
    """Write a packaged file: ``{"format", meta…, "boundaries": [{code, name, centroid,
    polygons}]}``, compact JSON, gzip'd without a timestamp (so the same input gives the same
    bytes)."""
    document = {
        "format": FORMAT,
        **meta,
        "boundaries": [
            {"code": b.code, "name": b.name, "centroid": b.centroid, "polygons": b.polygons}
            for b in sorted(boundaries, key=lambda b: b.code)
        ],
    }
    data = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


@lru_cache(maxsize=8)
def read_package(path: Path) -> tuple[dict[str, Any], tuple[SourceBoundary, ...]]:
    """(meta, boundaries) of a packaged file, parsed once per process; treat as read-only."""
    document = json.loads(gzip.decompress(path.read_bytes()))
    if document.get("format") != FORMAT:
        raise ValueError(f"{path.name}: unknown format {document.get('format')!r}")
    rows = document.pop("boundaries")
    boundaries = tuple(
        SourceBoundary(
            code=row["code"],
            name=row["name"],
            centroid=tuple(row["centroid"]) if row.get("centroid") else None,
            polygons=row["polygons"],
        )
        for row in rows
    )
    return document, boundaries


# ---------------------------------------------------------------------------------------------
# Loading Boundary rows


@dataclass
class LoadSummary:
    province: str
    source: str
    written: int = 0
    by_level: dict[int, int] = field(default_factory=dict)
    unknown_codes: list[str] = field(default_factory=list)

    def line(self) -> str:
        levels = ", ".join(
            f"{n} {RegionLevel(level).label.lower()}" for level, n in sorted(self.by_level.items())
        )
        missing = Region.objects.filter(
            code__startswith=f"{self.province}.", level=RegionLevel.VILLAGE
        ).exclude(boundary__isnull=False)
        text = f"{self.province}: {self.written} boundaries ({levels}) from {self.source}"
        if self.unknown_codes:
            text += f"; {len(self.unknown_codes)} codes not among the regions, skipped"
        count = missing.count()
        if count:
            text += f"; {count} villages without a polygon (their district is used)"
        return text


def source_boundaries(
    province: str, source_dir: Path | None = None
) -> tuple[str, list[SourceBoundary]]:
    """(source tag, boundaries) of one province, from the package or an upstream directory."""
    if source_dir is None:
        path = package_path(province)
        if not path.exists():
            raise FileNotFoundError(
                f"No packaged boundaries for province {province} (packaged: "
                f"{', '.join(packaged_provinces()) or 'none'}); use --from DIR."
            )
        meta, boundaries = read_package(path)
        return f"{meta['source']}@{meta['commit'][:10]}", list(boundaries)
    return f"sql:{source_dir.name}"[:80], list(read_sql_dir(source_dir, {province}))


def load_boundaries(
    province: str,
    source_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    loaded: tuple[str, list[SourceBoundary]] | None = None,
) -> LoadSummary:
    """Replace one province's Boundary rows with those of the source, in one transaction.

    Rows whose code is not a known Region are skipped (and counted); the source may follow a
    newer decree than the loaded regions. `loaded`: the (source, boundaries) already read."""
    source, boundaries = loaded or source_boundaries(province, source_dir)
    summary = LoadSummary(province=province, source=source)
    codes = {b.code for b in boundaries}
    known = set(Region.objects.filter(code__in=codes).values_list("code", flat=True))
    with transaction.atomic():
        # Only the ids are read for the deletion signals, not the polygons.
        Boundary.objects.filter(region_id=province).only("id", "region").delete()
        Boundary.objects.filter(region__code__startswith=f"{province}.").only(
            "id", "region"
        ).delete()
        batch: list[Boundary] = []
        seen: set[str] = set()
        for b in boundaries:
            if b.code not in known:
                summary.unknown_codes.append(b.code)
                continue
            if b.code in seen or not b.polygons:
                continue
            seen.add(b.code)
            batch.append(boundary_row(b, source))
            summary.by_level[b.level] = summary.by_level.get(b.level, 0) + 1
            if len(batch) >= BATCH_SIZE:
                summary.written += _flush(batch, progress)
        summary.written += _flush(batch, progress)
        transaction.on_commit(_forget_located)
    _forget_located()
    return summary


def boundary_row(b: SourceBoundary, source: str) -> Boundary:
    min_lng, min_lat, max_lng, max_lat = bbox(b.polygons)
    centroid = b.centroid or ((min_lng + max_lng) / 2, (min_lat + max_lat) / 2)
    return Boundary(
        region_id=b.code,
        level=b.level,
        min_lat=min_lat,
        min_lng=min_lng,
        max_lat=max_lat,
        max_lng=max_lng,
        centroid_lat=centroid[1],
        centroid_lng=centroid[0],
        polygon=json.dumps(b.polygons, separators=(",", ":")),
        source=source,
    )


def _flush(batch: list[Boundary], progress: Callable[[int], None] | None) -> int:
    n = len(batch)
    if n:
        Boundary.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        batch.clear()
        if progress:
            progress(n)
    return n


def _forget_located() -> None:
    from . import geography

    geography.forget()
