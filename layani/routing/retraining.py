"""The scheduled retrain: a new router version only when it beats the active one.

The held-out set is the decisions the active version never saw: reports decided (or, without a
decision, submitted) after it was created. A candidate is trained by the usual procedure
(selection included) on everything else and both are scored on those decisions; only a
candidate with a higher macro-F1 is retrained on all history, stored and activated, with a
calibration (reliability table, auto-disposition threshold) measured on the candidate's confidences
for the people's decisions among those held out. When the active version is kept, it is
recalibrated on the decisions made since it was built. Rollback is `layani routing rollback` (or
`activate N`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import calibrating
from .classifier import Router
from .evaluation import scores
from .models import ModelVersion, TrainingSource
from .selection import SelectingRouter
from .selectors import COLD_START_CONFIG, current_taxonomy, verified_reports
from .services import report_text
from .training import Examples, train_model_version

#: Fewer new decisions than this say too little to replace a model.
MIN_HELD_OUT_DECISIONS = 30


@dataclass
class RetrainOutcome:
    built: ModelVersion | None
    summary: str
    figures: dict[str, Any] = field(default_factory=dict)


def dated_history() -> list[tuple[str, str, datetime, bool]]:
    """(text, category code, when decided, decided by a person) for every verified report; a
    final choice wins."""
    rows = []
    for report in verified_reports().iterator(chunk_size=2000):
        decision = getattr(report, "routing_decision", None)
        final = decision.final_category if decision and decision.final_category_id else None
        category = final or report.category
        when = decision.decided_at if decision and decision.decided_at else report.submitted_at
        by_person = bool(decision and decision.decided_at and decision.decided_by_id)
        if category is not None:
            rows.append((report_text(report), category.code, when, by_person))
    return rows


def retrain_if_better(min_decisions: int = MIN_HELD_OUT_DECISIONS) -> RetrainOutcome:
    active = ModelVersion.objects.filter(is_active=True).first()
    history = dated_history()
    if active is not None:
        held = [row for row in history if row[2] > active.created_at]
        rest = [row for row in history if row[2] <= active.created_at]
    else:
        history.sort(key=lambda row: row[2])
        cut = len(history) - max(len(history) // 5, min(min_decisions, len(history)))
        rest, held = history[:cut], history[cut:]
    if len(held) < min_decisions:
        return _kept(
            active, f"kept: {len(held)} new decisions, {min_decisions} needed to compare", {}
        )
    taxonomy = current_taxonomy()
    held_texts, held_labels = [r[0] for r in held], [r[1] for r in held]
    if active is not None:
        current = Router.loads(bytes(active.artefact))
    else:
        current = Router(taxonomy, COLD_START_CONFIG).fit([], [])
    figures: dict[str, Any] = {
        "held_out": len(held),
        "active": scores(held_labels, current.predict(held_texts)),
    }
    labels = [r[1] for r in rest]
    candidate = None
    if len(set(labels)) >= 2:
        candidate = SelectingRouter(taxonomy).fit([r[0] for r in rest], labels)
        figures["candidate"] = scores(held_labels, candidate.predict(held_texts))
    else:
        figures["candidate"] = {"accuracy": 0.0, "macro_f1": 0.0}
    for part in ("active", "candidate"):
        figures[part].pop("per_class", None)
    if candidate is None or figures["candidate"]["macro_f1"] <= figures["active"]["macro_f1"]:
        return _kept(
            active,
            f"kept v{active.pk if active else '-'}: candidate macro-F1 "
            f"{figures['candidate']['macro_f1']} <= {figures['active']['macro_f1']}",
            figures,
        )
    # People's decisions only: automatic dispositions would confirm the model's own guesses.
    decided = [r for r in held if r[3]]
    calibration = calibrating.measure(
        candidate.router,
        [r[0] for r in decided],
        [r[1] for r in decided],
        measured_on=calibrating.HELD_FROM_CANDIDATE,
    )
    version = train_model_version(
        Examples([r[0] for r in history], [r[1] for r in history]),
        source=TrainingSource.HISTORY,
        note="scheduled retrain (beat the active version on held-out decisions)",
    )
    version.metrics["compared_with_active"] = figures
    version.metrics["calibration"] = calibration.as_dict()
    version.save(update_fields=["metrics"])
    summary = f"built and activated v{version.pk}; auto-disposition {calibration.reason}"
    return RetrainOutcome(version, summary, figures)


def _kept(active: ModelVersion | None, summary: str, figures: dict[str, Any]) -> RetrainOutcome:
    """The active version stays; it is recalibrated on the decisions made since it was built."""
    if active is not None and active.source != TrainingSource.TAXONOMY:
        summary += f"; auto-disposition {calibrating.calibrate_version(active).reason}"
    return RetrainOutcome(None, summary, figures)
