"""The text classifier behind category suggestions: pure Python and scikit-learn, no ORM.

A `Router` reads normalised text (`text.normalize`) through two kinds of features:

* word unigrams and bigrams (TF-IDF) — what the report is about;
* character n-grams inside words (TF-IDF, "char_wb" 2–5) — robust to typos and spellings nobody
  listed ("lampuu", "smpah" still share most n-grams with the real word);

(and, switched off by default after measuring, consonant skeletons — "parkir" and "prkr" both
give "~prkr" — and Sastrawi stemming)

and a linear SVM, whose scores become confidences through a softmax with a temperature fitted on
held-out reports (`calibrate`, `confidence`). Training data is always padded with pseudo-documents
made from the taxonomy (names, descriptions, keywords that admins edit), which is how the cold
start works and why a category with no history yet can still be suggested.
docs/decisions/0005-routing.md has the measurements behind each choice.

This module imports numpy and scikit-learn: import it only to fit, load or score a model (the
plain-data names live in `features`; `classifier` re-exports both and loads this lazily).
"""

from __future__ import annotations

import io
import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from .confidence import DEFAULT_TEMPERATURE, fit_temperature, softmax
from .features import (
    Explanation,
    RouterConfig,
    TaxonomyEntry,
    keyword_index,
    keywords_in,
    plain,
    skeleton,
    taxonomy_documents,
)
from .text import normalize
from .vectorising import Analysers, analysers, feature_row


class Router:
    """Suggests a category for a report text; see the module docstring for what it reads."""

    def __init__(
        self,
        taxonomy: Sequence[TaxonomyEntry] = (),
        config: RouterConfig | None = None,
        document_labels: Mapping[str, str] | None = None,
    ):
        self.config = config or RouterConfig()
        self.taxonomy = tuple(taxonomy)
        #: Taxonomy code -> training label for the taxonomy documents, when the labels are not
        #: Layani's codes (an evaluation on a foreign label set); codes left out add no documents.
        self.document_labels = dict(document_labels) if document_labels is not None else None
        self._memo: tuple[str, tuple[str, str, tuple[np.ndarray, np.ndarray]]] | None = None
        self.classes_: np.ndarray = np.array([])
        self._words = TfidfVectorizer(
            tokenizer=str.split,
            token_pattern=None,
            lowercase=False,
            ngram_range=(1, self.config.word_ngrams),
            sublinear_tf=self.config.sublinear_tf,
            min_df=1,
            max_features=60_000,
        )
        self._chars = TfidfVectorizer(
            analyzer="char_wb",
            lowercase=False,
            ngram_range=(2, 5),
            sublinear_tf=True,
            min_df=2,
            max_features=60_000,
        )
        self._model = self._svm()
        #: Softmax temperature that turns SVM scores into confidences; `calibrate` fits it.
        self.temperature = DEFAULT_TEMPERATURE
        self._weights = np.zeros((0, 0), dtype=np.float32)
        self._intercept = np.zeros(0, dtype=np.float32)
        self._analysers: Analysers | None = None
        self._keyword_index: dict[tuple[str, ...], set[str]] = {}
        self._keyword_names: dict[tuple[str, ...], str] = {}

    # --- training ------------------------------------------------------------------------------

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> Router:
        """Learn from (text, category code) pairs, padded with the taxonomy's pseudo-documents."""
        self._memo = None  # features of a remembered text would be stale after refitting
        texts, labels = list(texts), list(labels)
        if self.config.taxonomy_documents and self.taxonomy:
            extra_texts, extra_labels = taxonomy_documents(self.taxonomy, set(labels))
            relabel = getattr(self, "document_labels", None)
            if relabel is not None:
                pairs = [
                    (t, relabel[c])
                    for t, c in zip(extra_texts, extra_labels, strict=True)
                    if c in relabel
                ]
                extra_texts, extra_labels = [t for t, _ in pairs], [c for _, c in pairs]
            texts += extra_texts
            labels += extra_labels
        if len(set(labels)) < 2:
            raise ValueError("A router needs examples of at least two categories.")
        normalised = [self._normalize(t) for t in texts]
        self._keyword_index, self._keyword_names = keyword_index(self.taxonomy)
        blocks = [self._words.fit_transform(normalised)]
        if self.config.char_ngrams:
            blocks.append(self._chars.fit_transform(normalised))
        self._model.fit(sparse.hstack(blocks).tocsr(), labels)
        self.classes_ = self._model.classes_
        self._freeze()
        return self

    def calibrate(self, texts: Sequence[str], labels: Sequence[str]) -> float:
        """Choose the softmax temperature that best predicts held-out labels (lowest log-loss).

        Call it on reports the router was not trained on; confidences then mean what they say,
        which is what the auto-disposition threshold relies on.
        """
        self.temperature = fit_temperature(
            self._scores(texts), self.classes_, labels, self.temperature
        )
        return self.temperature

    # --- prediction ----------------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Confidences per class (columns in the order of `classes_`), summing to one per row."""
        return softmax(self._scores(texts) * self.temperature)

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [str(self.classes_[i]) for i in self._scores(texts).argmax(axis=1)]

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self._prepared(t)[2] for t in texts]
        return np.vstack([self._weights[cols].T @ vals + self._intercept for cols, vals in rows])

    def explain(self, text: str, label: str, limit: int = 5) -> Explanation:
        """The words of `text` that contribute most to `label`, and the taxonomy keywords found.

        Every feature belongs to one word (char_wb n-grams never cross a space, a skeleton comes
        from one word, a bigram's weight is split between its words), so summing weight × value per
        word tells which words drove the score: "lubang, aspal" is a reason a coordinator can check
        at a glance.
        """
        base, _normalised, (columns, values) = self._prepared(text)
        index = int(np.flatnonzero(self.classes_ == label)[0])
        contribution = dict(
            zip(columns.tolist(), (values * self._weights[columns, index]).tolist(), strict=True)
        )
        vocabulary = self._words.vocabulary_
        scores: dict[str, float] = defaultdict(float)
        words = base.split()
        for word in set(words):
            for feature in (word, skeleton(word) if self.config.skeletons else ""):
                scores[word] += contribution.get(vocabulary.get(feature, -1), 0.0)
        for first, second in itertools.pairwise(words):
            share = contribution.get(vocabulary.get(f"{first} {second}", -1), 0.0) / 2
            scores[first] += share
            scores[second] += share
        if self.config.char_ngrams:
            offset, grams, analyse = (
                len(vocabulary),
                self._chars.vocabulary_,
                self._chars.build_analyzer(),
            )
            for word in set(words):
                for gram in set(analyse(word)):
                    scores[word] += contribution.get(offset + grams.get(gram, -offset - 1), 0.0)
        ranked = sorted(((s, w) for w, s in scores.items() if s > 0 and len(w) > 2), reverse=True)
        found = keywords_in(self._keyword_index, self._keyword_names, words, label)
        return Explanation(words=[w for _, w in ranked[:limit]], keywords=found[:limit])

    # --- persistence ---------------------------------------------------------------------------

    def dumps(self) -> bytes:
        """The router as compressed bytes, to keep a model version in the database."""
        buffer = io.BytesIO()
        joblib.dump(self, buffer, compress=3)
        return buffer.getvalue()

    @staticmethod
    def loads(data: bytes) -> Router:
        # Only bytes this application wrote itself are ever loaded (ModelVersion.artefact).
        # Artefacts saved before the split name `layani.routing.classifier.Router`, which that
        # module still resolves (to this class).
        router = joblib.load(io.BytesIO(data))
        if not isinstance(router, Router):
            raise TypeError("Not a Layani router artefact.")
        return router

    # --- internals -----------------------------------------------------------------------------

    def _prepared(self, text: str) -> tuple[str, str, tuple[np.ndarray, np.ndarray]]:
        """(base words, normalised text, feature row) of `text`, remembered for the last text.

        A suggestion scores a report and then explains the winning label: both need the same
        normalisation and features, which cost more than the scoring itself. The memo holds one
        entry in one tuple, so concurrent threads at worst recompute, never mix two texts.
        """
        last = getattr(self, "_memo", None)  # artefacts saved before the memo existed lack it
        if last is not None and last[0] == text:
            return last[1]
        base = normalize(text, stem=self.config.stem) if self.config.normalise else plain(text)
        normalised = self._normalize(text)
        if self._analysers is None:
            self._analysers = analysers(self._vectorizers())
        prepared = (base, normalised, feature_row(self._analysers, normalised))
        self._memo = (text, prepared)
        return prepared

    def _normalize(self, text: str) -> str:
        if not self.config.normalise:
            return plain(text)
        normalised = normalize(text, stem=self.config.stem)
        if self.config.skeletons:
            normalised += " " + " ".join(skeleton(w) for w in normalised.split() if len(w) > 3)
        return normalised

    def _freeze(self) -> None:
        """Keep only what scoring needs, laid out for one-report-at-a-time speed.

        Weights go features × classes, C-contiguous, float32 (half the artefact; scores need no
        more precision), so scoring a report gathers the rows of its few hundred features. The
        fitted SVM itself is dropped.
        """
        self._weights = np.ascontiguousarray(self._model.coef_.T, dtype=np.float32)
        self._intercept = self._model.intercept_.astype(np.float32)
        self._model = self._svm()
        self._analysers = None

    def _svm(self) -> LinearSVC:
        return LinearSVC(
            C=self.config.c, class_weight=getattr(self.config, "class_weight", None), random_state=0
        )

    def _vectorizers(self) -> list[TfidfVectorizer]:
        return [self._words, self._chars] if self.config.char_ngrams else [self._words]

    def __getstate__(self) -> dict[str, object]:
        # Analysers are closures rebuilt on first use; they are not worth (or able) pickling.
        return {**self.__dict__, "_analysers": None, "_memo": None}
