"""Building new router versions from the deployment's history or from a CSV of past reports.

A new version's configuration is chosen among candidates by cross-validation on the examples
(`selection`; the comparison is kept in its metrics), then it is trained on 80 % of the examples,
scored and calibrated on the other 20 % (so its metrics and confidences are honest), then
retrained on everything and stored. Versions are never
overwritten: activating one deactivates the previous one, and any can be re-activated.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from sklearn.model_selection import train_test_split

from layani.accounts.models import User

from .classifier import Router, RouterConfig
from .evaluation import scores
from .models import ModelVersion, TrainingSource
from .selection import select_config
from .selectors import current_taxonomy, verified_reports
from .services import report_text

#: Categories with fewer verified examples than this are left to the taxonomy documents.
MIN_EXAMPLES_PER_CATEGORY = 2


@dataclass
class Examples:
    texts: list[str]
    labels: list[str]

    def __len__(self) -> int:
        return len(self.texts)


class TrainingDataError(ValueError):
    """The examples cannot train a router (too few, unknown columns)."""


def history_examples() -> Examples:
    """(text, category code) for every verified report; a coordinator's final choice wins.

    The final category recorded by `record_final_decision` is preferred over the report's own
    category, so a correction counts even before the workflow has updated the report.
    """
    texts, labels = [], []
    for report in verified_reports().iterator(chunk_size=2000):
        decision = getattr(report, "routing_decision", None)
        final = decision.final_category if decision and decision.final_category_id else None
        category = final or report.category
        if category is not None:
            texts.append(report_text(report))
            labels.append(category.code)
    return Examples(texts, labels)


def csv_examples(path: Path, text_col: str, label_col: str) -> Examples:
    """(text, label) pairs from a CSV with a header row; rows with an empty text or label are skipped.

    Raises `TrainingDataError` naming the problem: a missing column (with the columns found), a
    file without a header or without any usable row.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            found = [name for name in (reader.fieldnames or ()) if name is not None]
            if not found:
                raise TrainingDataError(f"{path.name} is empty: no header row.")
            missing = [c for c in (text_col, label_col) if c not in found]
            if missing:
                raise TrainingDataError(
                    f"Column(s) not in {path.name}: {', '.join(missing)}; "
                    f"columns found: {', '.join(found)}"
                )
            rows = [((r[text_col] or "").strip(), (r[label_col] or "").strip()) for r in reader]
    except csv.Error as error:
        raise TrainingDataError(f"{path.name} is not a readable CSV: {error}") from error
    except UnicodeDecodeError as error:
        raise TrainingDataError(f"{path.name} is not UTF-8 text.") from error
    pairs = [(t, label) for t, label in rows if t and label]
    if not pairs:
        raise TrainingDataError(
            f"{path.name} has no row with both a {text_col!r} and a {label_col!r} value."
        )
    return Examples([t for t, _ in pairs], [label for _, label in pairs])


def _usable(examples: Examples) -> Examples:
    counts = Counter(examples.labels)
    keep = [
        i for i, label in enumerate(examples.labels) if counts[label] >= MIN_EXAMPLES_PER_CATEGORY
    ]
    return Examples([examples.texts[i] for i in keep], [examples.labels[i] for i in keep])


def train_model_version(
    examples: Examples,
    *,
    source: str,
    actor: User | None = None,
    note: str = "",
    activate: bool = True,
    progress: Callable[[str], None] | None = None,
) -> ModelVersion:
    """Train, measure, calibrate and store a new router version (and make it active).

    Works with no examples at all (a taxonomy-only version), which lets a deployment pin its cold
    start as a version of its own.
    """
    step = progress or (lambda _message: None)
    examples = _usable(examples)
    taxonomy = current_taxonomy()
    metrics: dict[str, object] = {"examples": len(examples)}
    config = RouterConfig()
    if len(examples) >= 50 and len(set(examples.labels)) >= 2:
        step("model selection")
        selection = select_config(examples.texts, examples.labels, taxonomy)
        config = selection.config
        metrics["selection"] = selection.as_metrics()
        step("held-out check")
        train_x, test_x, train_y, test_y = train_test_split(
            examples.texts, examples.labels, test_size=0.2, random_state=0, stratify=examples.labels
        )
        router = Router(taxonomy, config).fit(train_x, train_y)
        held_out = scores(test_y, router.predict(test_x))
        metrics.update(accuracy=held_out["accuracy"], macro_f1=held_out["macro_f1"])
        metrics["temperature"] = router.calibrate(test_x, test_y)
        temperature = router.temperature
        step("final fit")
        router = Router(taxonomy, config).fit(examples.texts, examples.labels)
        router.temperature = temperature
    else:
        step("fit")
        router = Router(taxonomy, config).fit(examples.texts, examples.labels)
    step("store")
    with transaction.atomic():
        version = ModelVersion.objects.create(
            source=source if examples.texts else TrainingSource.TAXONOMY,
            note=note,
            example_count=len(examples),
            category_count=len(router.classes_),
            metrics=metrics,
            artefact=router.dumps(),
            created_by=actor,
        )
        if activate:
            activate_model_version(version)
    return version


@transaction.atomic
def activate_model_version(version: ModelVersion) -> None:
    """Make `version` the one suggestions come from (one active version at a time)."""
    ModelVersion.objects.filter(is_active=True).exclude(pk=version.pk).update(is_active=False)
    ModelVersion.objects.filter(pk=version.pk).update(is_active=True)
    version.is_active = True
