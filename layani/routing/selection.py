"""Choosing the router's configuration on the deployment's own history, by cross-validation.

No configuration wins everywhere: on our generated text the normalised router beats a plain
TF-IDF + LinearSVC, on real complaints from one regency it lost to it (issue #17). So training
does not assume; it measures every candidate on the examples it is given (stratified k-fold,
macro-F1, so small categories count as much as large ones) and keeps the best. The plain
baseline is always a candidate, which is what makes the chosen model never clearly worse than
it. `SelectingRouter` wraps the whole procedure as one classifier, so that `routing evaluate`
can nest the selection inside each of its folds and report what a deployment would really get.
Pure Python and scikit-learn, no ORM.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sklearn.model_selection import StratifiedKFold

from .classifier import Router, RouterConfig, TaxonomyEntry
from .evaluation import scores

#: The plain baseline of `evaluation.Baseline`, expressed as a router configuration: raw words
#: (scikit-learn's tokenizer), unigrams, raw term counts, no taxonomy documents, C=1.
BASELINE_CONFIG = RouterConfig(
    normalise=False,
    char_ngrams=False,
    taxonomy_documents=False,
    word_ngrams=1,
    sublinear_tf=False,
    c=1.0,
)

#: What training chooses among, in order of preference when two measure the same.
CANDIDATES: dict[str, RouterConfig] = {
    "router": RouterConfig(),
    "router-balanced": RouterConfig(class_weight="balanced"),
    "baseline": BASELINE_CONFIG,
    "baseline-balanced": replace(BASELINE_CONFIG, class_weight="balanced"),
}

#: Below this many examples (or two per category) there is nothing to select on: the default
#: router, whose taxonomy documents carry a deployment with little history, is used.
MIN_EXAMPLES_FOR_SELECTION = 30
INNER_FOLDS = 3


@dataclass
class Selection:
    """The outcome of a selection: the chosen candidate and every candidate's figures."""

    chosen: str
    config: RouterConfig
    folds: int = 0
    candidates: dict[str, dict[str, float]] = field(default_factory=dict)
    reason: str = ""

    def as_metrics(self) -> dict[str, Any]:
        """For `ModelVersion.metrics["selection"]`: what was compared, and on how many folds."""
        data: dict[str, Any] = {"chosen": self.chosen, "folds": self.folds}
        data["candidates"] = self.candidates
        if self.reason:
            data["reason"] = self.reason
        return data


def select_config(
    texts: Sequence[str],
    labels: Sequence[str],
    taxonomy: Sequence[TaxonomyEntry] = (),
    *,
    document_labels: Mapping[str, str] | None = None,
    candidates: Mapping[str, RouterConfig] | None = None,
    folds: int = INNER_FOLDS,
    seed: int = 0,
) -> Selection:
    """Cross-validate every candidate on (texts, labels) and return the best by macro-F1."""
    pool = dict(candidates or CANDIDATES)
    first = next(iter(pool))
    counts = Counter(labels)
    if len(texts) < MIN_EXAMPLES_FOR_SELECTION or len(counts) < 2 or min(counts.values()) < 2:
        return Selection(first, pool[first], reason="too few examples to compare candidates")
    k = max(2, min(folds, min(counts.values())))
    texts, labels = list(texts), list(labels)
    predicted: dict[str, list[str]] = {name: [""] * len(texts) for name in pool}
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train, test in splitter.split(texts, labels):
        train_texts, train_labels = [texts[i] for i in train], [labels[i] for i in train]
        test_texts = [texts[i] for i in test]
        for name, config in pool.items():
            router = Router(taxonomy, config, document_labels=document_labels)
            router.fit(train_texts, train_labels)
            for i, label in zip(test, router.predict(test_texts), strict=True):
                predicted[name][i] = label
    table = {}
    for name, guesses in predicted.items():
        figures = scores(labels, guesses)
        table[name] = {"accuracy": figures["accuracy"], "macro_f1": figures["macro_f1"]}
    best = first
    for name in pool:
        if table[name]["macro_f1"] > table[best]["macro_f1"]:
            best = name
    return Selection(best, pool[best], folds=k, candidates=table)


class SelectingRouter:
    """Selection, then a router of the chosen configuration fitted on all examples.

    What `layani routing train` does, as one classifier: `routing evaluate` trains one per
    outer fold, so the selection never sees the fold it is scored on.
    """

    def __init__(
        self,
        taxonomy: Sequence[TaxonomyEntry] = (),
        *,
        document_labels: Mapping[str, str] | None = None,
        candidates: Mapping[str, RouterConfig] | None = None,
    ) -> None:
        self.taxonomy = list(taxonomy)
        self.document_labels = document_labels
        self.candidates = candidates
        self.selection: Selection | None = None
        self.router: Router | None = None

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SelectingRouter:
        self.selection = select_config(
            texts,
            labels,
            self.taxonomy,
            document_labels=self.document_labels,
            candidates=self.candidates,
        )
        self.router = Router(
            self.taxonomy, self.selection.config, document_labels=self.document_labels
        ).fit(texts, labels)
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        if self.router is None:
            raise RuntimeError("fit first")
        return self.router.predict(texts)
