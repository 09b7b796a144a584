"""The router's reliability on this deployment: a read-only page for coordinators and oversight.

It shows what `layani routing calibrate` (or the weekly retrain) stored with the active model
version — the reliability table and whether auto-disposition may run, and why not — and computes
nothing: reading the page writes nothing and scores no report.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from layani.accounts.models import Role, User
from layani.cases.permissions import region_scope
from layani.routing.calibrating import AutoStatus, auto_status
from layani.routing.models import ModelVersion, RoutingSettings

from .base import staff_view


def _percent(value: float | None) -> str:
    # number_format truncates; round first.
    return "–" if value is None else f"{number_format(round(value * 100, 1), 1)} %"


def _status_text(status: AutoStatus) -> str:
    c = status.calibration
    if status.code == "cold-start":
        return _(
            "Off: cold start. No model has been trained on this deployment's history yet, so no "
            "report is disposed automatically."
        )
    if status.code in ("missing", "uncalibrated") or c is None:
        return _("Off: the active model has not been calibrated yet (layani routing calibrate).")
    if status.code == "needs-decisions":
        return ngettext(
            "Off: needs %(needed)s more held-out decision (%(have)s of %(need)s).",
            "Off: needs %(needed)s more held-out decisions (%(have)s of %(need)s).",
            status.needed,
        ) % {"needed": status.needed, "have": c.decisions, "need": status.min_decisions}
    if status.code == "recalibrate":
        return _("Off: calibrated for a lower precision target; calibrate again.")
    if status.code == "no-threshold":
        return _(
            "Off: no threshold reaches the target precision of %(target)s on %(n)s held-out "
            "decisions."
        ) % {"target": _percent(c.target_precision), "n": c.decisions}
    return _(
        "Ready at confidence of at least %(threshold)s: right on %(precision)s of the held-out "
        "decisions above it, which are %(coverage)s of all %(n)s."
    ) % {
        "threshold": number_format(c.threshold or 0, 2),
        "precision": _percent(c.precision),
        "coverage": _percent(c.coverage),
        "n": c.decisions,
    }


@staff_view
def calibration(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not any(region_scope(user, r) is not None for r in (Role.COORDINATOR, Role.OVERSIGHT)):
        raise Http404
    version = ModelVersion.objects.defer("artefact").filter(is_active=True).first()
    status = auto_status(version)
    rows = []
    if status.calibration is not None:
        for b in status.calibration.bins:
            rows.append(
                {
                    "range": f"{number_format(b.low, 1)}–{number_format(b.high, 1)}",
                    "count": b.count,
                    "accuracy": _percent(b.accuracy),
                    "mean": _percent(b.mean_confidence),
                }
            )
    settings = RoutingSettings.current()
    return render(
        request,
        "console/routing_calibration.html",
        {
            "version": version,
            "status": status,
            "status_text": _status_text(status),
            "calibration": status.calibration,
            "ece": _percent(status.calibration.ece) if status.calibration else "–",
            "rows": rows,
            "switched_on": settings.auto_disposition_enabled,
            "floor": number_format(settings.auto_threshold, 2),
        },
    )
