"""`layani routing evaluate` on any file: no database needed, foreign labels, clear errors."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from layani.demo.texts import generate_report_text
from layani.routing.classifier import TaxonomyEntry
from layani.routing.labels import LabelMapError, codes_to_labels, default_taxonomy, read_label_map

ROOT = Path(__file__).resolve().parents[3]

#: Foreign broad classes, as an outside annotator might name them, and Layani codes they mean.
FOREIGN = {
    "Jalan dan Jembatan": ("infrastruktur", ("jalan-rusak", "jembatan")),
    "Kebersihan": ("lingkungan", ("sampah",)),
    "Kependudukan": ("kependudukan", ("ktp-el", "kk")),
}


def _write(path: Path, rows: list[tuple[str, str]], header: tuple[str, str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _foreign_rows(per_label: int = 8) -> list[tuple[str, str]]:
    rng = random.Random(5)
    rows = []
    for label, (_main, subs) in FOREIGN.items():
        for i in range(per_label):
            title, description = generate_report_text(
                rng, subs[i % len(subs)], "Desa Sumberadi", "pengaduan"
            )
            rows.append((f"{title}. {description}", label))
    return rows


@pytest.fixture
def foreign_csv(tmp_path: Path) -> Path:
    return _write(tmp_path / "foreign.csv", _foreign_rows(), ("isi", "kelas"))


@pytest.fixture
def label_map(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "map.csv",
        [(label, main) for label, (main, _subs) in FOREIGN.items()],
        ("label", "code"),
    )


def _run_without_database(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process whose database file cannot even be opened."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "layani.config.settings.test",
        "DATABASE_URL": "sqlite:////nonexistent-layani-dir/none.sqlite3",
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), "routing", "evaluate", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_evaluate_runs_with_the_database_unreachable(foreign_csv, label_map):
    result = _run_without_database(
        "--csv", str(foreign_csv), "--text-col", "isi", "--label-col", "kelas",
        "--folds", "3", "--json", "--with-cold-start", "--label-map", str(label_map),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"layani", "baseline", "cold_start"}
    assert set(figures["layani"]["per_class"]) == set(FOREIGN)
    assert set(figures["layani"]) == {"accuracy", "macro_f1", "per_class"}  # shape kept
    # One selection per fold; 16 training rows are too few to compare, so the default router.
    assert "layani selected: router, router, router" in result.stderr
    assert "packaged default" in result.stderr
    # Generated texts of three very different classes: cold start from the packaged taxonomy
    # must recognise most of them once the labels are mapped.
    assert figures["cold_start"]["accuracy"] > 0.6


def test_a_missing_column_is_named_with_the_columns_found_even_without_a_database(foreign_csv):
    result = _run_without_database("--csv", str(foreign_csv), "--label-col", "kelas")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Column(s) not in foreign.csv: text; columns found: isi, kelas" in result.stderr


@pytest.mark.django_db
def test_cold_start_scores_on_foreign_labels_only_with_a_label_map(
    categories, foreign_csv, label_map
):
    def cold_start(*extra: str) -> float:
        out = _call("--csv", str(foreign_csv), "--folds", "3", "--with-cold-start", *extra)
        return float(json.loads(out)["cold_start"]["accuracy"])

    assert cold_start() == 0.0  # no Layani category is called "Kebersihan"
    assert cold_start("--label-map", str(label_map)) > 0.6


def test_a_json_label_map_reads_like_a_csv_one(tmp_path, label_map):
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps({k: v for k, (v, _subs) in FOREIGN.items()}), encoding="utf-8")
    assert read_label_map(as_json) == read_label_map(label_map)


@pytest.mark.django_db
def test_a_label_map_naming_an_unknown_category_is_refused(categories, foreign_csv, tmp_path):
    bad = _write(tmp_path / "bad.csv", [("Kebersihan", "kebersihan-kota")], ("label", "code"))
    with pytest.raises(CommandError, match="does not have: kebersihan-kota"):
        _call("--csv", str(foreign_csv), "--folds", "3", "--label-map", str(bad))


def test_sub_categories_count_as_the_label_of_their_main_category():
    taxonomy = [
        TaxonomyEntry("infrastruktur", "PU"),
        TaxonomyEntry("jalan-rusak", "Jalan", parent_code="infrastruktur"),
        TaxonomyEntry("sampah", "Sampah", parent_code="lingkungan"),
    ]
    assert codes_to_labels(taxonomy, {"Jalan"}, {"Jalan": "infrastruktur"}) == {
        "infrastruktur": "Jalan",
        "jalan-rusak": "Jalan",
    }
    # Without a map, Layani main-category labels take in their sub-categories' predictions.
    assert codes_to_labels(taxonomy, {"infrastruktur"}) == {
        "infrastruktur": "infrastruktur",
        "jalan-rusak": "infrastruktur",
    }


def test_the_packaged_taxonomy_has_every_default_main_category_with_its_subs():
    taxonomy = default_taxonomy()
    mains = [e for e in taxonomy if not e.parent_code]
    assert {"infrastruktur", "lingkungan", "kependudukan"} <= {e.code for e in mains}
    assert all(e.parent_code in {m.code for m in mains} for e in taxonomy if e.parent_code)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty: no header row"),
        ("isi,kelas\n", "has no row with both a 'isi' and a 'kelas' value"),
        ("isi,kelas\n" + "jalan rusak parah,A\n" * 5 + "sampah,B\n" * 2, "'B' has 2"),
    ],
    ids=["empty file", "header only", "class smaller than folds"],
)
def test_bad_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        _call("--csv", str(path), "--folds", "5")


def test_a_broken_label_map_is_a_clear_error(tmp_path):
    path = tmp_path / "map.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(LabelMapError, match="one JSON object"):
        read_label_map(path)


def _call(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(
        "routing", "evaluate", "--text-col", "isi", "--label-col", "kelas", "--json", *args,
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    return out.getvalue()
