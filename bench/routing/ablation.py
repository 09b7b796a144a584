"""Which parts of Layani's router help? Switch each off in turn, on the same folds as the baseline.

Needs the default categories in the database (for the taxonomy documents):

    export LAYANI_DATA_DIR=/tmp/routing-bench
    .venv/bin/layani migrate && .venv/bin/layani load_categories
    .venv/bin/python bench/routing/ablation.py --csv bench/routing/generated.csv --rows 3000 --folds 3

Prints one line per variant: accuracy, macro-F1 and the time for all folds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", type=Path, default=Path("bench/routing/generated.csv"))
    parser.add_argument("--rows", type=int, default=3000, help="use the first N rows")
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.dev")
    import django

    django.setup()
    from layani.routing.classifier import Router, RouterConfig
    from layani.routing.evaluation import Baseline, cross_validate
    from layani.routing.selectors import current_taxonomy
    from layani.routing.training import csv_examples

    examples = csv_examples(args.csv, "text", "category")
    texts, labels = examples.texts[: args.rows], examples.labels[: args.rows]
    taxonomy = current_taxonomy()

    def variant(**changes: bool) -> object:
        return lambda: Router(taxonomy, RouterConfig(**changes))  # type: ignore[arg-type]

    variants = {
        "baseline (TF-IDF + LinearSVC, raw text)": Baseline,
        "layani, full": variant(),
        "  without normalisation": variant(normalise=False, skeletons=False),
        "  without consonant skeletons": variant(skeletons=False),
        "  without char n-grams": variant(char_ngrams=False),
        "  without taxonomy documents": variant(taxonomy_documents=False),
        "  with Sastrawi stemming": variant(stem=True),
    }
    print(f"{len(texts)} rows, {args.folds}-fold stratified CV")  # noqa: T201
    for name, factory in variants.items():
        started = time.perf_counter()
        result = cross_validate(texts, labels, {name: factory}, folds=args.folds)[name]  # type: ignore[dict-item]
        seconds = time.perf_counter() - started
        print(  # noqa: T201
            f"{name:<42} accuracy {result['accuracy']:.4f}  macro-F1 {result['macro_f1']:.4f}"
            f"  ({seconds:.0f} s)"
        )


if __name__ == "__main__":
    main()
