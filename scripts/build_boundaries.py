"""Build the packaged boundary files from the upstream cahyadsn/wilayah_boundaries SQL.

    .venv/bin/python scripts/build_boundaries.py --repo /work/.mirror/cahyadsn+wilayah_boundaries/repo

writes, under layani/directory/data/boundaries/:

- ``34.json.gz`` (one per ``--province``): the province's province, regency, district and village
  polygons as upstream has them (only rounded to 1e-5° and turned to [lng, lat]);
- ``provinces.json.gz``: every province's outline simplified with Douglas–Peucker at
  ``--outline-tolerance`` degrees, parts smaller than that dropped.

`--repo` is a git repository (a bare mirror is fine: files are read at `--commit`, default HEAD);
the commit, its date and the decree the upstream README names are recorded in each file. The
format is described in layani/directory/data/boundaries/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess  # nosec B404
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _git(repo: Path, *args: str) -> str:
    git = shutil.which("git") or "git"
    return subprocess.run(  # noqa: S603  # nosec B603
        [git, "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--province", action="append", default=None)
    parser.add_argument("--outline-tolerance", type=float, default=0.001)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.test")
    import django

    django.setup()
    from layani.directory import boundaries as bd
    from layani.directory import geometry

    out = args.out or bd.DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    repo, commit = args.repo, _git(args.repo, "rev-parse", args.commit).strip()
    date = _git(repo, "show", "-s", "--format=%cI", commit).strip()
    readme = _git(repo, "show", f"{commit}:README.md")
    decree = re.search(r"Kepmendagri[^\n|]*", readme)
    files = _git(repo, "ls-tree", "-r", "--name-only", commit, "db/").split()
    meta = {
        "source": "cahyadsn/wilayah_boundaries",
        "url": "https://github.com/cahyadsn/wilayah_boundaries",
        "commit": commit,
        "commit_date": date,
        "decree": decree.group(0).strip() if decree else "",
        "license": "MIT, Copyright (c) 2024 Cahya DSN (see NOTICE)",
    }

    def read(path: str) -> list[bd.SourceBoundary]:
        return list(bd.parse_sql(_git(repo, "show", f"{commit}:{path}")))

    provinces = [b for f in files if f.startswith("db/prov/") for b in read(f)]
    for code in args.province or ["34"]:
        wanted = [
            f for f in files if re.search(rf"_(?:kab|kec)_{code}\.sql$|/kel/{code}/.*\.sql$", f)
        ]
        rows = [b for b in provinces if b.code == code]
        for f in wanted:
            rows.extend(b for b in read(f) if b.province == code)
        path = out / f"{code}.json.gz"
        bd.write_package(path, {**meta, "province": code, "simplified": 0}, rows)
        counts = {level: sum(1 for b in rows if b.level == level) for level in (1, 2, 3, 4)}
        print(f"{path}: {counts} {path.stat().st_size:,} bytes")  # noqa: T201

    outlines = []
    for b in provinces:
        kept = [
            polygon
            for polygon in geometry.simplify(b.polygons, args.outline_tolerance)
            if _size(polygon) >= args.outline_tolerance
        ]
        b.polygons = [[[[round(x, 4), round(y, 4)] for x, y in ring] for ring in p] for p in kept]
        outlines.append(b)
    path = out / "provinces.json.gz"
    bd.write_package(path, {**meta, "simplified": args.outline_tolerance}, outlines)
    points = sum(len(r) for b in outlines for p in b.polygons for r in p)
    print(  # noqa: T201
        f"{path}: {len(outlines)} provinces, {points:,} points, {path.stat().st_size:,} bytes"
    )


def _size(polygon: list[list[list[float]]]) -> float:
    xs = [p[0] for p in polygon[0]]
    ys = [p[1] for p in polygon[0]]
    return max(max(xs) - min(xs), max(ys) - min(ys))


if __name__ == "__main__":
    main()
