"""What a confidence is worth on the deployment's own decisions: the reliability table and the
auto-disposition threshold. Pure Python, no ORM, no numpy.

Given, for each held-out decision, the router's confidence in its best category and whether a
person finally chose that category:

* the **reliability table** puts the decisions into confidence bins (0.0–0.1 … 0.9–1.0) with their
  count, accuracy and mean confidence; the expected calibration error (ECE) is the
  count-weighted mean gap between accuracy and mean confidence;
* the **threshold** is the lowest confidence (never below 0.5) such that the decisions at or
  above it were right at least `target_precision` of the time; its coverage is the share of
  decisions it would have disposed automatically.

Auto-disposition stays off until `min_decisions` held-out decisions exist, and when no threshold
reaches the target; `Calibration.reason` says which, with the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

#: The lowest threshold ever chosen: below it the best category is not even a majority.
FLOOR = 0.5


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    accuracy: float | None
    mean_confidence: float | None


@dataclass
class Calibration:
    """A reliability table and the threshold chosen from it, as stored with a model version."""

    decisions: int
    min_decisions: int
    target_precision: float
    bins: list[Bin] = field(default_factory=list)
    ece: float | None = None
    threshold: float | None = None
    precision: float | None = None
    coverage: float | None = None
    #: What the decisions were held out from ("decisions made after this version was built", …).
    measured_on: str = ""
    measured_at: str = ""

    @property
    def needed(self) -> int:
        """How many more held-out decisions before auto-disposition may switch on."""
        return max(0, self.min_decisions - self.decisions)

    @property
    def ready(self) -> bool:
        return self.needed == 0 and self.threshold is not None

    @property
    def reason(self) -> str:
        """Why auto-disposition is on or off, in English (the console translates its own words)."""
        if self.needed:
            return (
                f"off: needs {self.needed} more held-out decisions "
                f"({self.decisions} of {self.min_decisions})"
            )
        if self.threshold is None:
            return (
                f"off: no threshold reaches precision {self.target_precision:.2f} "
                f"on {self.decisions} held-out decisions"
            )
        return (
            f"ready at confidence >= {self.threshold:.4f}: precision {self.precision:.4f}, "
            f"coverage {self.coverage:.4f} of {self.decisions} held-out decisions"
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(needed=self.needed, ready=self.ready, reason=self.reason)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Calibration:
        bins = [Bin(**b) for b in data.get("bins", [])]
        known = {
            k: data[k]
            for k in (
                "decisions",
                "min_decisions",
                "target_precision",
                "ece",
                "threshold",
                "precision",
                "coverage",
                "measured_on",
                "measured_at",
            )
            if k in data
        }
        return cls(bins=bins, **known)


def reliability_table(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> tuple[list[Bin], float | None]:
    """Equal-width confidence bins (the last one includes 1.0) and the ECE (None when empty)."""
    if len(confidences) != len(correct):
        raise ValueError("one correctness flag per confidence")
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in zip(confidences, correct, strict=True):
        index = min(bins - 1, max(0, int(confidence * bins)))
        members[index].append((confidence, right))
    table, gap = [], 0.0
    for index, rows in enumerate(members):
        low, high = round(index / bins, 4), round((index + 1) / bins, 4)
        if not rows:
            table.append(Bin(low, high, 0, None, None))
            continue
        accuracy = sum(r for _, r in rows) / len(rows)
        mean = sum(c for c, _ in rows) / len(rows)
        gap += len(rows) * abs(accuracy - mean)
        table.append(Bin(low, high, len(rows), round(accuracy, 4), round(mean, 4)))
    total = len(confidences)
    return table, (round(gap / total, 4) if total else None)


def lowest_threshold(
    confidences: Sequence[float], correct: Sequence[bool], target_precision: float
) -> tuple[float, float, float] | None:
    """(threshold, precision above it, coverage) for the lowest observed confidence ≥ `FLOOR`
    whose decisions at or above it reach `target_precision`; None when none does."""
    ranked = sorted(zip(confidences, correct, strict=True), key=lambda row: -row[0])
    best = None
    right = 0
    for seen, (confidence, ok) in enumerate(ranked, start=1):
        right += ok
        if confidence < FLOOR:
            break
        # Only at the last decision of a run of equal confidences is "at or above" complete.
        if seen < len(ranked) and ranked[seen][0] == confidence:
            continue
        if right / seen >= target_precision:
            best = (round(confidence, 4), round(right / seen, 4), round(seen / len(ranked), 4))
    return best


def calibrate(
    confidences: Sequence[float],
    correct: Sequence[bool],
    *,
    target_precision: float,
    min_decisions: int,
    bins: int = 10,
    measured_on: str = "",
    measured_at: str = "",
) -> Calibration:
    """The reliability table and, with enough decisions, the threshold (see the module text)."""
    table, ece = reliability_table(confidences, correct, bins)
    result = Calibration(
        decisions=len(confidences),
        min_decisions=min_decisions,
        target_precision=target_precision,
        bins=table,
        ece=ece,
        measured_on=measured_on,
        measured_at=measured_at,
    )
    if len(confidences) >= min_decisions and confidences:
        chosen = lowest_threshold(confidences, correct, target_precision)
        if chosen is not None:
            result.threshold, result.precision, result.coverage = chosen
    return result


def table_lines(result: Calibration) -> list[str]:
    """The reliability table and the outcome as plain text, for the command's output."""
    lines = [
        f"held-out decisions: {result.decisions} ({result.measured_on or 'not stated'})",
        "confidence    count  accuracy  mean confidence",
    ]
    for b in result.bins:
        accuracy = "-" if b.accuracy is None else f"{b.accuracy:.3f}"
        mean = "-" if b.mean_confidence is None else f"{b.mean_confidence:.3f}"
        lines.append(f"{b.low:.1f}-{b.high:.1f}   {b.count:>7}  {accuracy:>8}  {mean:>15}")
    ece = "-" if result.ece is None else f"{result.ece:.4f}"
    lines.append(f"ECE {ece}; target precision {result.target_precision:.2f}")
    lines.append(f"auto-disposition {result.reason}")
    return lines
