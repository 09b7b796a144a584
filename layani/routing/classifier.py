"""The router's public names in one place, cheap to import.

The plain-data part (`TaxonomyEntry`, `RouterConfig`, `Explanation`, `skeleton`, `plain`,
`taxonomy_documents`) comes from `features`, which imports neither numpy nor scikit-learn.
`Router` and `DEFAULT_TEMPERATURE` are loaded from `router` / `confidence` on first access, so
importing this module costs nothing until a model is fitted, loaded or scored. Artefacts pickled
before the split refer to `layani.routing.classifier.Router`; unpickling resolves it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .features import (
    Explanation,
    RouterConfig,
    TaxonomyEntry,
    plain,
    skeleton,
    taxonomy_documents,
)

if TYPE_CHECKING:
    from .confidence import DEFAULT_TEMPERATURE
    from .router import Router

__all__ = [
    "DEFAULT_TEMPERATURE",
    "Explanation",
    "Router",
    "RouterConfig",
    "TaxonomyEntry",
    "plain",
    "skeleton",
    "taxonomy_documents",
]


def __getattr__(name: str) -> Any:
    if name == "Router":
        from .router import Router

        return Router
    if name == "DEFAULT_TEMPERATURE":
        from .confidence import DEFAULT_TEMPERATURE

        return DEFAULT_TEMPERATURE
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
