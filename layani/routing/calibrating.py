"""Calibrating a model version on the deployment's own held-out decisions, and what follows for
auto-disposition.

Held out from a version are the decisions **people** made after it was built (`decided_by` set,
`decided_at` later than the version): the version never trained on those reports, since they were
still unverified when it was made. Automatic dispositions are left out — they would confirm the
model's own guesses. The version scores each report's text again; its best category and confidence
against the person's final category give `calibration.calibrate`'s table and threshold, which are
stored in `ModelVersion.metrics["calibration"]`. `routing retrain` stores a calibration measured
on a candidate trained without the decisions it is scored on (`retraining`).

Settings (Django settings, with these defaults):

* ``LAYANI_ROUTING_TARGET_PRECISION`` (0.95) — accuracy required above the threshold;
* ``LAYANI_ROUTING_CALIBRATION_DECISIONS`` (200) — held-out decisions needed before
  auto-disposition may switch on.

Cold start (no version, or one trained on the taxonomy alone) never disposes automatically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from .calibration import Calibration, calibrate
from .models import ModelVersion, RoutingDecision, TrainingSource
from .services import report_text

if TYPE_CHECKING:
    from .router import Router

AFTER_THE_VERSION = "decisions made after this version was built"
HELD_FROM_CANDIDATE = "decisions held out from the candidate this version was retrained from"
COLD_START_REASON = "off: cold start (no model trained on this deployment's history)"


def target_precision() -> float:
    return float(getattr(settings, "LAYANI_ROUTING_TARGET_PRECISION", 0.95))


def min_decisions() -> int:
    return int(getattr(settings, "LAYANI_ROUTING_CALIBRATION_DECISIONS", 200))


def held_out_decisions(version: ModelVersion) -> list[tuple[str, str]]:
    """(report text, final category code) of people's decisions made after `version` was built."""
    rows = (
        RoutingDecision.objects.filter(
            decided_at__gt=version.created_at,
            decided_by__isnull=False,
            final_category__isnull=False,
        )
        .select_related("report", "final_category")
        .order_by("decided_at", "pk")
    )
    return [
        (report_text(d.report), d.final_category.code)
        for d in rows.iterator(chunk_size=2000)
        if d.final_category is not None
    ]


def measure(
    router: Router | Any, texts: Sequence[str], labels: Sequence[str], *, measured_on: str
) -> Calibration:
    """The reliability table and threshold of `router` on (text, final category) decisions."""
    confidences: list[float] = []
    correct: list[bool] = []
    if texts:
        probabilities = router.predict_proba(list(texts))
        for row, label in zip(probabilities, labels, strict=True):
            best = int(row.argmax())
            confidences.append(float(row[best]))
            correct.append(str(router.classes_[best]) == label)
    return calibrate(
        confidences,
        correct,
        target_precision=target_precision(),
        min_decisions=min_decisions(),
        measured_on=measured_on,
        measured_at=timezone.now().isoformat(timespec="seconds"),
    )


def calibrate_version(version: ModelVersion, *, save: bool = True) -> Calibration:
    """Measure `version` on the decisions held out from it and (with `save`) store the result."""
    from .router import Router

    decisions = held_out_decisions(version)
    data = ModelVersion.objects.values_list("artefact", flat=True).get(pk=version.pk)
    router = Router.loads(bytes(data))
    result = measure(
        router, [t for t, _ in decisions], [c for _, c in decisions], measured_on=AFTER_THE_VERSION
    )
    if save:
        store(version, result)
    return result


def store(version: ModelVersion, result: Calibration) -> None:
    metrics = dict(ModelVersion.objects.values_list("metrics", flat=True).get(pk=version.pk) or {})
    metrics["calibration"] = result.as_dict()
    ModelVersion.objects.filter(pk=version.pk).update(metrics=metrics)
    version.metrics = metrics


def stored_calibration(metrics: dict[str, Any] | None) -> Calibration | None:
    data = (metrics or {}).get("calibration")
    return Calibration.from_dict(data) if isinstance(data, dict) else None


@dataclass
class AutoStatus:
    """Whether auto-disposition may use a version's suggestions: `code` is one of "cold-start",
    "missing", "uncalibrated", "needs-decisions", "recalibrate", "no-threshold", "ready"."""

    code: str
    calibration: Calibration | None = None
    needed: int = 0
    min_decisions: int = 0

    @property
    def threshold(self) -> float | None:
        return self.calibration.threshold if self.code == "ready" and self.calibration else None

    @property
    def reason(self) -> str:
        if self.code == "cold-start":
            return COLD_START_REASON
        if self.code == "missing":
            return "off: the model version no longer exists"
        if self.code == "uncalibrated":
            return "off: not calibrated yet (layani routing calibrate)"
        if self.code == "needs-decisions" and self.calibration is not None:
            return (
                f"off: needs {self.needed} more held-out decisions "
                f"({self.calibration.decisions} of {self.min_decisions})"
            )
        if self.code == "recalibrate":
            return "off: calibrated for a lower precision target; recalibrate"
        return self.calibration.reason if self.calibration else "off"


def auto_status(version: ModelVersion | None) -> AutoStatus:
    """Whether (and at which calibrated threshold) auto-disposition may use `version`'s
    suggestions. One query."""
    if version is None:
        return AutoStatus("cold-start")
    row = ModelVersion.objects.filter(pk=version.pk).values_list("source", "metrics").first()
    if row is None:
        return AutoStatus("missing")
    source, metrics = row
    if source == TrainingSource.TAXONOMY:
        return AutoStatus("cold-start")
    calibration = stored_calibration(metrics)
    if calibration is None:
        return AutoStatus("uncalibrated")
    needed = min_decisions() - calibration.decisions
    if needed > 0:
        return AutoStatus("needs-decisions", calibration, needed, min_decisions())
    if calibration.target_precision < target_precision():
        return AutoStatus("recalibrate", calibration)
    if calibration.threshold is None:
        return AutoStatus("no-threshold", calibration)
    return AutoStatus("ready", calibration)


def auto_threshold(version: ModelVersion | None) -> tuple[float | None, str]:
    """(threshold, reason): the calibrated threshold auto-disposition may use with `version`'s
    suggestions, or None with the reason it stays off. One query."""
    status = auto_status(version)
    return status.threshold, status.reason
