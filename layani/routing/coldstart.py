"""The cold start: category suggestions from the taxonomy alone, before a deployment has history.

Two readers of the taxonomy (names, descriptions, keywords that admins edit):

* the keyword router — today's cold start: a `Router` trained on nothing but the taxonomy's
  pseudo-documents, which finds a category when the report shares its words or their
  character n-grams;
* `MeaningColdStart` — the keyword router's scores plus the similarity of the report's sentence
  embedding to each category's (the optional extra, `embeddings`), each standardised per report
  and added with a weight. Meaning reaches reports that name the problem in words the taxonomy
  does not list ("ratan ambles", "PJU padam").

`cold_start_router` chooses: the meaning-based one only when asked for (the setting
`ROUTING_COLD_START_BY_MEANING`, or `meaning=True`) and the extra is installed. It is off by
default because no real report has shown it better yet (bench/routing/SOURCES.md,
docs/benchmarks.md "Routing on real complaints"); `bench/routing/real/compare_cold_start.py`
measures both on any labelled file. Cold start never disposes automatically (services).
Pure Python, no ORM.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .classifier import Explanation, Router, RouterConfig, TaxonomyEntry
from .embeddings import TextEncoder, available, shared_encoder

#: Without history the taxonomy documents are the only examples; a looser margin fits them
#: better (measured in docs/decisions/0005-routing.md).
KEYWORD_CONFIG = RouterConfig(c=1.0)

#: Weight of the embedding similarity against the keyword scores (both standardised). 0.5 was
#: the best of 0.5 / 1 / 2 on bench/routing/handwritten.csv — our own text, so a starting point
#: to re-measure on a deployment's reports, not a finding.
DEFAULT_WEIGHT = 0.5


def keyword_cold_start(taxonomy: Sequence[TaxonomyEntry]) -> Router:
    """Today's cold start: the router trained on the taxonomy's pseudo-documents only."""
    return Router(taxonomy, KEYWORD_CONFIG).fit([], [])


def category_texts(taxonomy: Sequence[TaxonomyEntry], code: str) -> list[str]:
    """What a category is, in a few short texts: its name, its keywords, and its main category's
    name and description; the embedding of a category is the mean of theirs."""
    by_code = {entry.code: entry for entry in taxonomy}
    entry = by_code[code]
    parent = by_code.get(entry.parent_code)
    texts = [entry.name]
    if entry.keywords:
        texts.append(f"{entry.name}: {', '.join(entry.keywords)}")
        texts.extend(entry.keywords)
    if entry.description:
        texts.append(f"{entry.name}. {entry.description}")
    if parent is not None:
        texts.append(f"{entry.name}. {parent.name}. {parent.description}".strip(". "))
    return [t for t in texts if t.strip()]


def _standardise(scores: np.ndarray) -> np.ndarray:
    """Per row: minus the mean, over the standard deviation (a constant row becomes zeros)."""
    centred = scores - scores.mean(axis=1, keepdims=True)
    spread = scores.std(axis=1, keepdims=True)
    return np.asarray(centred / np.where(spread == 0, 1.0, spread))


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


class MeaningColdStart:
    """Keyword scores plus embedding similarity to each category, for a deployment without history.

    Speaks the part of `Router` that suggestions use (`classes_`, `predict`, `predict_proba`,
    `explain`, `temperature`), so it can stand where the cold-start router stands.
    """

    def __init__(
        self,
        taxonomy: Sequence[TaxonomyEntry],
        *,
        encoder: TextEncoder | None = None,
        weight: float = DEFAULT_WEIGHT,
    ) -> None:
        self.taxonomy = tuple(taxonomy)
        self.weight = float(weight)
        self._encoder = encoder
        self.keywords = Router(self.taxonomy, KEYWORD_CONFIG)
        self.classes_: np.ndarray = np.array([])
        self._centroids = np.zeros((0, 0), dtype=np.float32)
        #: Softmax temperature over the combined, standardised scores (not calibrated: a cold
        #: start has no held-out decisions to calibrate on, and never disposes automatically).
        self.temperature = 1.0

    @property
    def encoder(self) -> TextEncoder:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    def fit(self, texts: Sequence[str] = (), labels: Sequence[str] = ()) -> MeaningColdStart:
        """Build from the taxonomy alone; examples belong to a trained version, not here."""
        if len(texts) or len(labels):
            raise ValueError("A cold start learns from the taxonomy only, not from examples.")
        self.keywords.fit([], [])
        self.classes_ = self.keywords.classes_
        rows = []
        for code in self.classes_:
            vectors = self.encoder.encode(category_texts(self.taxonomy, str(code)), query=True)
            centroid = vectors.mean(axis=0)
            norm = float(np.linalg.norm(centroid))
            rows.append(centroid / norm if norm else centroid)
        self._centroids = np.vstack(rows).astype(np.float32)
        return self

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        if not len(self.classes_):
            raise RuntimeError("fit first")
        keyword = self.keywords._scores(texts)
        if self.weight == 0:
            return np.asarray(keyword)
        similarity = self.encoder.encode(list(texts), query=True) @ self._centroids.T
        return np.asarray(_standardise(keyword) + self.weight * _standardise(similarity))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return _softmax(self._scores(texts) * self.temperature)

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [str(self.classes_[i]) for i in self._scores(texts).argmax(axis=1)]

    def explain(self, text: str, label: str, limit: int = 5) -> Explanation:
        """The keyword router's reasons (an embedding has no words to show)."""
        return self.keywords.explain(text, label, limit)


def meaning_requested() -> bool:
    """The deployment's choice (`settings.ROUTING_COLD_START_BY_MEANING`, default off)."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        return bool(getattr(settings, "ROUTING_COLD_START_BY_MEANING", False))
    except ImproperlyConfigured:  # used outside a configured project (a bench script)
        return False


def cold_start_router(
    taxonomy: Sequence[TaxonomyEntry], *, meaning: bool | None = None
) -> Router | MeaningColdStart:
    """The router for a deployment without a trained version.

    Meaning-based when asked for (`meaning`, else the setting) and the extra is installed;
    otherwise — and always when the extra is missing — today's keyword router.
    """
    wanted = meaning_requested() if meaning is None else meaning
    if wanted and available():
        return MeaningColdStart(taxonomy).fit()
    return keyword_cold_start(taxonomy)


def describe(router: Any) -> str:
    """A short name for what a cold-start router reads, for notes and logs."""
    if isinstance(router, MeaningColdStart):
        return f"keywords + sentence embeddings (weight {router.weight:g})"
    return "keywords"
