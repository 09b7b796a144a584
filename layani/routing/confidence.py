"""Turning a linear SVM's scores into confidences: a softmax with a fitted temperature.

Imported only where a router is fitted, loaded or scored (it needs numpy). What a confidence is
worth on a deployment's own decisions — the reliability table and the auto-disposition threshold —
is `calibration`'s business.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Used until `Router.calibrate` has seen held-out reports; fitted on the generated benchmark set.
DEFAULT_TEMPERATURE = 4.0
#: The temperatures tried, from "almost uniform" to "almost one-hot".
TEMPERATURES = np.geomspace(0.5, 50, 40)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by each row's maximum so that it never overflows."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def fit_temperature(
    scores: np.ndarray, classes: np.ndarray, labels: Sequence[str], current: float
) -> float:
    """The temperature whose softmax best predicts `labels` (lowest log-loss), or `current` when
    none of the labels is one of `classes`."""
    truth_labels = np.asarray(labels)
    known = np.isin(truth_labels, classes)
    if not known.any():
        return current
    truth = np.searchsorted(classes, truth_labels[known])
    scores = scores[known]
    best, best_loss = current, np.inf
    for temperature in TEMPERATURES:
        probabilities = softmax(scores * temperature)
        loss = -np.mean(np.log(probabilities[np.arange(len(truth)), truth] + 1e-12))
        if loss < best_loss:
            best, best_loss = float(temperature), float(loss)
    return best
