"""Measuring the router against a plain baseline: stratified k-fold cross-validation, pure Python.

The baseline is what anyone would try first — TF-IDF over the raw text and a linear SVM
(scikit-learn defaults) — so "Layani's router is better" is a claim about the work in
`text` and `classifier`, measured on the same folds in the same run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.svm import LinearSVC


class TextClassifier(Protocol):
    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> Any: ...
    def predict(self, texts: Sequence[str]) -> Sequence[str]: ...


class Baseline:
    """TF-IDF over the raw text + LinearSVC, both with scikit-learn's defaults."""

    def __init__(self) -> None:
        self._pipeline: Pipeline = make_pipeline(TfidfVectorizer(), LinearSVC())

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> Baseline:
        self._pipeline.fit(list(texts), list(labels))
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [str(label) for label in self._pipeline.predict(list(texts))]


def scores(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 and F1 per class, rounded for printing and JSON."""
    labels = sorted(set(truth))
    per_class = f1_score(truth, predicted, labels=labels, average=None, zero_division=0)
    return {
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(
            float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)), 4
        ),
        "per_class": {
            label: round(float(f), 4) for label, f in zip(labels, per_class, strict=True)
        },
    }


def check_folds(labels: Sequence[str], folds: int) -> None:
    """Refuse a k-fold run that some category cannot fill: name the category and its count."""
    if folds < 2:
        raise ValueError(f"Cross-validation needs at least 2 folds, not {folds}.")
    counts = Counter(labels)
    if len(counts) < 2:
        raise ValueError("The file has only one category; there is nothing to tell apart.")
    small = sorted((n, label) for label, n in counts.items() if n < folds)
    if small:
        listed = ", ".join(f"{label!r} has {n}" for n, label in small[:5])
        if len(small) > 5:
            listed += f" and {len(small) - 5} more"
        raise ValueError(
            f"Every category needs at least {folds} rows for {folds}-fold cross-validation: "
            f"{listed}. Use fewer --folds or leave those rows out."
        )


def usable_folds(labels: Sequence[str], folds: int) -> int:
    """Stratified k-fold needs every class in every fold: cap k at the rarest class's count."""
    rarest = min(Counter(labels).values())
    if rarest < 2:
        raise ValueError("Every category needs at least two examples for cross-validation.")
    return max(2, min(folds, rarest))


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    factories: dict[str, Callable[[], TextClassifier]],
    *,
    folds: int = 5,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, dict[str, Any]]:
    """Out-of-fold predictions of every classifier on the same stratified folds, then scores."""
    texts, labels = list(texts), list(labels)
    k = usable_folds(labels, folds)
    predictions: dict[str, list[str]] = {name: [""] * len(texts) for name in factories}
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for fold, (train, test) in enumerate(splitter.split(texts, labels), start=1):
        for name, factory in factories.items():
            model = factory()
            model.fit([texts[i] for i in train], [labels[i] for i in train])
            for i, label in zip(test, model.predict([texts[i] for i in test]), strict=True):
                predictions[name][i] = label
            if progress:
                progress(f"fold {fold}/{k}: {name}")
    return {name: scores(labels, predicted) for name, predicted in predictions.items()}


def held_out(
    train_texts: Sequence[str],
    train_labels: Sequence[str],
    test_texts: Sequence[str],
    test_labels: Sequence[str],
    factories: dict[str, Callable[[], TextClassifier]],
) -> dict[str, dict[str, Any]]:
    """Train every classifier on one set and score it on another (e.g. hand-written reports)."""
    results = {}
    for name, factory in factories.items():
        model = factory()
        model.fit(list(train_texts), list(train_labels))
        results[name] = scores(list(test_labels), list(model.predict(list(test_texts))))
    return results
