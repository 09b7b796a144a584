"""Cold start by keywords vs by meaning, on any labelled CSV, in one run. No database needed.

Scores, on every row of the file (a cold start is trained on nothing but the taxonomy):

* `keyword` — today's cold start (`coldstart.keyword_cold_start`);
* `meaning@W` — `coldstart.MeaningColdStart`: the keyword scores plus the sentence-embedding
  similarity to each category, weighted W (needs the extra: pip install 'layani[embeddings]');
* `embeddings-only` — the similarity alone (the same class with the keyword part weighted 0 is
  `keyword`; this one shows what the embeddings know by themselves).

A prediction counts as the file's label of its category or of its main category, as in
`routing evaluate`; `--label-map` (CSV `label,code` or a JSON object) maps foreign labels to
Layani categories, e.g. six broad classes. The packaged default taxonomy is used.

    .venv/bin/python bench/routing/real/compare_cold_start.py --csv bench/routing/handwritten.csv \
        --main-category
    .venv/bin/python bench/routing/real/compare_cold_start.py --csv real.csv \
        --text-col text --label-col label --label-map six_classes.csv --weights 0.5,1,2

Prints one JSON object: {"rows": N, "results": {name: {accuracy, macro_f1, per_class}}, ...}.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path


def read_rows(path: Path, text_col: str, label_col: str) -> tuple[list[str], list[str]]:
    """(texts, labels) of the rows with both; a clear message for a missing column."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        found = list(reader.fieldnames or [])
        missing = [c for c in (text_col, label_col) if c not in found]
        if missing:
            sys.exit(f"{path.name}: no column {', '.join(missing)}; columns: {', '.join(found)}")
        pairs = [((r[text_col] or "").strip(), (r[label_col] or "").strip()) for r in reader]
    pairs = [(t, label) for t, label in pairs if t and label]
    if not pairs:
        sys.exit(f"{path.name} has no row with both a text and a label.")
    return [t for t, _ in pairs], [label for _, label in pairs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--label-col", default="category")
    parser.add_argument("--label-map", type=Path)
    parser.add_argument("--weights", default="0.5,1,2", help="comma-separated, e.g. 0.5,1,2")
    parser.add_argument(
        "--main-category",
        action="store_true",
        help="Score main categories: Layani sub-category labels count as their main category.",
    )
    parser.add_argument("--per-class", action="store_true", help="Also print F1 per class.")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from layani.routing import embeddings
    from layani.routing.coldstart import MeaningColdStart, keyword_cold_start
    from layani.routing.evaluation import scores
    from layani.routing.labels import (
        LabelMapError,
        check_label_map,
        codes_to_labels,
        default_taxonomy,
        read_label_map,
    )

    texts, labels = read_rows(args.csv, args.text_col, args.label_col)
    taxonomy = default_taxonomy()
    if args.main_category:
        parent = {e.code: e.parent_code for e in taxonomy if e.parent_code}
        labels = [parent.get(label, label) for label in labels]
    try:
        mapping = read_label_map(args.label_map) if args.label_map else None
        if mapping is not None:
            check_label_map(mapping, taxonomy)
    except LabelMapError as error:
        sys.exit(str(error))
    counts_as = codes_to_labels(taxonomy, set(labels), mapping)
    if not counts_as:
        sys.exit("No label of the file is a Layani category; pass --label-map.")

    def score(predicted: list[str]) -> dict[str, object]:
        figures = scores(labels, [counts_as.get(code, code) for code in predicted])
        if not args.per_class:
            figures.pop("per_class")
        return figures

    results: dict[str, object] = {}
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    results["keyword"] = score(keyword_cold_start(taxonomy).predict(texts))
    seconds["keyword"] = round(time.perf_counter() - start, 1)
    notes = []
    if embeddings.available():
        encoder = embeddings.Encoder()
        start = time.perf_counter()
        # Embed every text once; each weight reuses the vectors.
        vectors = encoder.encode(texts)

        class Cached:
            def encode(self, batch: list[str], *, query: bool = True) -> object:
                if batch == texts:
                    return vectors
                return encoder.encode(batch, query=query)

        meaning = MeaningColdStart(taxonomy, encoder=Cached(), weight=1.0).fit()
        similarity = vectors @ meaning._centroids.T
        results["embeddings-only"] = score([str(meaning.classes_[i]) for i in similarity.argmax(1)])
        for weight in (float(w) for w in args.weights.split(",") if w.strip()):
            meaning.weight = weight
            results[f"meaning@{weight:g}"] = score(meaning.predict(texts))
        seconds["embeddings"] = round(time.perf_counter() - start, 1)
    else:
        notes.append(f"embeddings not installed (pip install '{embeddings.EXTRA}'): keyword only")
    print(  # noqa: T201
        json.dumps(
            {
                "file": args.csv.name,
                "rows": len(texts),
                "labels": len(set(labels)),
                "level": "main category" if args.main_category else "as labelled",
                "results": results,
                "seconds": seconds,
                "notes": notes,
            }
        )
    )


if __name__ == "__main__":
    main()
