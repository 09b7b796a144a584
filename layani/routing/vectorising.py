"""One report's feature row, computed as `TfidfVectorizer.transform` would, without its overhead.

Scoring one report at a time is what a suggestion does; scikit-learn's transform costs ~1 ms per
call in validation and sparse-matrix building. Here the fitted vectorisers' vocabularies and idf
weights are read directly: sublinear tf × idf, L2 norm per block, block columns offset so that
they line up with the router's weight matrix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

#: (fitted vectoriser, its analyser, the column offset of its block)
Analysers = list[tuple[Any, Callable[[str], list[str]], int]]


def analysers(vectorizers: Sequence[Any]) -> Analysers:
    """The analysers of fitted vectorisers with the offset of each one's columns."""
    found: Analysers = []
    offset = 0
    for vectorizer in vectorizers:
        found.append((vectorizer, vectorizer.build_analyzer(), offset))
        offset += len(vectorizer.vocabulary_)
    return found


def feature_row(blocks: Analysers, normalised: str) -> tuple[np.ndarray, np.ndarray]:
    """The feature columns and float32 values of one normalised text."""
    all_columns: list[np.ndarray] = []
    all_values: list[np.ndarray] = []
    for vectorizer, analyse, offset in blocks:
        counts = Counter(analyse(normalised))
        vocabulary = vectorizer.vocabulary_
        found = [(vocabulary[f], n) for f, n in counts.items() if f in vocabulary]
        if not found:
            continue
        columns = np.fromiter((c for c, _ in found), dtype=np.int64, count=len(found))
        tf = np.fromiter((n for _, n in found), dtype=np.float64, count=len(found))
        if vectorizer.sublinear_tf:
            tf = 1.0 + np.log(tf)
        values = tf * vectorizer.idf_[columns]
        all_columns.append(columns + offset)
        all_values.append(values / np.linalg.norm(values))
    if not all_columns:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(all_columns), np.concatenate(all_values).astype(np.float32)
