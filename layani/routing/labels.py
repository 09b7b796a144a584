"""Label sets for evaluation: the packaged taxonomy, and maps from foreign labels to Layani's.

A data scientist's file is often labelled with someone else's classes (six broad classes, the
SP4N-LAPOR! main categories). A label map says which Layani category each of those classes is;
read backwards, it tells which foreign class a Layani category (or its main category) counts as,
so the taxonomy documents and the cold start's predictions can be scored on the foreign labels.
Pure Python, no ORM: evaluation must run without a database.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from layani.directory.default_categories import DEFAULT_CATEGORIES

from .classifier import TaxonomyEntry


class LabelMapError(ValueError):
    """The label map cannot be read or names categories the taxonomy does not have."""


def default_taxonomy() -> list[TaxonomyEntry]:
    """Layani's packaged default categories (`layani load_categories`), as the router sees them."""
    entries: list[TaxonomyEntry] = []
    for main in DEFAULT_CATEGORIES:
        entries.append(
            TaxonomyEntry(
                code=main["code"],
                name=main["name"],
                description=main["description"],
                keywords=tuple(main["keywords"]),
            )
        )
        for sub in main["subs"]:
            entries.append(
                TaxonomyEntry(
                    code=sub["code"],
                    name=sub["name"],
                    parent_code=main["code"],
                    keywords=tuple(sub.get("keywords", [])),
                )
            )
    return entries


def read_label_map(path: Path) -> dict[str, str]:
    """Foreign label -> Layani category code, from JSON (one object) or CSV (two columns, header).

    A CSV's first column is the foreign label and its second the Layani code, whatever the header
    calls them.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise LabelMapError(f"Cannot read the label map {path}: {error.strerror}") from error
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise LabelMapError(f"{path.name} is not valid JSON: {error.msg}") from error
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise LabelMapError(
                f"{path.name} must be one JSON object of foreign label -> category code."
            )
        mapping = {k.strip(): v.strip() for k, v in data.items()}
    else:
        rows = [row for row in csv.reader(text.splitlines()) if any(c.strip() for c in row)]
        if len(rows) < 2:
            raise LabelMapError(f"{path.name} has no mapping rows below its header.")
        short = [i for i, row in enumerate(rows[1:], start=2) if len(row) < 2]
        if short:
            raise LabelMapError(f"{path.name}: row {short[0]} needs two columns (label, code).")
        mapping = {row[0].strip(): row[1].strip() for row in rows[1:]}
    if not mapping:
        raise LabelMapError(f"{path.name} maps no labels.")
    return mapping


def check_label_map(mapping: dict[str, str], taxonomy: Sequence[TaxonomyEntry]) -> None:
    known = {entry.code for entry in taxonomy}
    unknown = sorted({code for code in mapping.values() if code not in known})
    if unknown:
        raise LabelMapError(
            f"The label map names categories the taxonomy does not have: {', '.join(unknown)}"
        )


def codes_to_labels(
    taxonomy: Sequence[TaxonomyEntry],
    labels: Iterable[str],
    mapping: dict[str, str] | None = None,
) -> dict[str, str]:
    """Taxonomy code -> evaluation label: what a prediction of that category counts as.

    Without a map the labels are taken to be Layani codes (sub or main categories), and a
    sub-category counts as its main category when only the main category is a label. With a map,
    a category counts as the foreign label mapped to it, or else to its main category; when two
    foreign labels map to the same category the first one wins. Categories that count as no label
    are left out.
    """
    wanted = set(labels)
    if mapping is None:
        direct = {code: code for code in (e.code for e in taxonomy) if code in wanted}
    else:
        direct = {}
        for label, code in mapping.items():
            if label in wanted:
                direct.setdefault(code, label)
    result = dict(direct)
    for entry in taxonomy:
        if entry.code not in result and entry.parent_code in direct:
            result[entry.code] = direct[entry.parent_code]
    return result
