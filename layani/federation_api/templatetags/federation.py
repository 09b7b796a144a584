"""`{% federation_refer report user %}`: the referral form for the console's case page."""

from __future__ import annotations

from typing import Any

from django import template

from layani.cases.permissions import is_coordinator_for
from layani.federation.models import Peer, PeerKind
from layani.intake.models import ReportStatus

register = template.Library()

REFERABLE = (ReportStatus.SUBMITTED, ReportStatus.ON_HOLD, ReportStatus.VERIFIED)


@register.inclusion_tag("federation_api/refer_fragment.html")
def federation_refer(report: Any, user: Any) -> dict[str, Any]:
    show = report.status in REFERABLE and is_coordinator_for(user, report)
    peers = list(Peer.objects.filter(active=True).select_related("agency")) if show else []
    hops = list(report.hops.select_related("peer__agency")) if show or report.pk else []
    return {"report": report, "peers": peers, "hops": hops, "lapor": PeerKind.LAPOR}
