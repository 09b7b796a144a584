"""Public Musrenbang pages: regions, candidates and proposals, one proposal's history, supports,
and the accountability figures beside /statistik/. Reads go through `planning.selectors`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from layani.directory.models import Region, RegionLevel
from layani.directory.names import region_label
from layani.intake.errors import SubmissionError
from layani.intake.supports import Outcome
from layani.planning import selectors
from layani.planning.accountability import figures
from layani.planning.clustering import candidates
from layani.planning.models import PlanningYear, Proposal
from layani.planning.supports import challenge as issue_challenge
from layani.planning.supports import support_proposal, supports
from layani.portal.places import map_settings
from layani.portal.supporting import (
    challenge_response,
    remember_supporter,
    supporter_from,
    supporter_key,
)
from layani.transparency.scorecards import minimum_cases


def _region_or_404(code: str) -> Region:
    region = Region.objects.filter(code=code, level__gte=RegionLevel.REGENCY).first()
    if region is None:
        raise Http404(_("There is no such region."))
    return region


def _proposal_or_404(code: str) -> Proposal:
    proposal = selectors.proposal(code)
    if proposal is None:
        raise Http404(_("There is no proposal with this code."))
    return proposal


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning_web/index.html",
        {"regions": selectors.planning_regions(), "year": selectors.current_year()},
    )


@require_GET
def region_page(request: HttpRequest, code: str) -> HttpResponse:
    region = _region_or_404(code)
    year = selectors.current_year()
    context: dict[str, Any] = {
        "region": region,
        "label": region_label(region),
        "year": year,
        "candidates": candidates(region.code)[:50],
        "proposals": selectors.proposals_in(region.code, year)[:200],
        "sub_regions": selectors.sub_regions(region) if region.level < RegionLevel.VILLAGE else [],
        **map_settings(),
    }
    return render(request, "planning_web/region.html", context)


@require_GET
def region_points(request: HttpRequest, code: str) -> JsonResponse:
    """Candidates and proposals with a point, in the shape portal/map.js draws."""
    region = _region_or_404(code)
    markers: list[dict[str, Any]] = []
    for c in candidates(region.code)[:200]:
        centre = c.public_centre()
        if centre:
            url = reverse("planning_web:region", args=[c.region_code])
            markers.append({"lat": centre[0], "lng": centre[1], "title": c.title, "url": url})
    for p in selectors.proposals_in(region.code, selectors.current_year())[:200]:
        if p.latitude is not None and p.longitude is not None:
            url = reverse("planning_web:proposal", args=[p.code])
            markers.append(
                {"lat": float(p.latitude), "lng": float(p.longitude), "title": p.title, "url": url}
            )
    extent = None
    if markers:
        lats = [float(m["lat"]) for m in markers]
        lngs = [float(m["lng"]) for m in markers]
        extent = [[min(lats), min(lngs)], [max(lats), max(lngs)]]
    if request.GET.get("bbox"):
        extent = None
    return JsonResponse(
        {"markers": markers, "clusters": [], "total": len(markers), "extent": extent}
    )


@require_GET
def proposal_page(request: HttpRequest, code: str) -> HttpResponse:
    proposal = _proposal_or_404(code)
    context = {
        "proposal": proposal,
        "label": region_label(proposal.region),
        "history": selectors.history(proposal),
        "reports": selectors.public_reports_behind(proposal),
        "citizens": selectors.citizens_behind(proposal),
        "supported": supports(proposal, supporter_key(request)),
        "stopped": proposal.status in ("rejected", "deferred", "merged"),
    }
    return render(request, "planning_web/proposal.html", context)


@never_cache
@require_GET
def challenge(request: HttpRequest, code: str) -> JsonResponse:
    return challenge_response(issue_challenge(_proposal_or_404(code)))


@require_POST
def support(request: HttpRequest, code: str) -> HttpResponse:
    """Support a proposal once: the portal's supporter cookie and the intake rule, reused."""
    proposal = _proposal_or_404(code)
    supporter, new_cookie = supporter_from(request)
    page = reverse("planning_web:proposal", args=[proposal.code])
    try:
        outcome = support_proposal(proposal, supporter)
    except SubmissionError as error:
        messages.error(request, error.message)
        return redirect(page + "#support")
    if outcome is Outcome.COUNTED:
        messages.success(request, _("Thank you — your support was counted."))
    elif outcome is Outcome.ALREADY:
        messages.info(request, _("You already support this proposal."))
    else:
        messages.warning(
            request,
            _("Your support was not counted: too many supports from this network today."),
        )
    return remember_supporter(request, redirect(page + "#support"), new_cookie)


@require_GET
def accountability(request: HttpRequest) -> HttpResponse:
    years = list(PlanningYear.objects.order_by("-year"))
    year = next((y for y in years if str(y.year) == request.GET.get("tahun")), None)
    year = year or (years[0] if years else None)
    code = request.GET.get("wilayah", "")
    regions = list(selectors.planning_regions())
    region = next((r for r in regions if r.code == code), regions[0] if regions else None)
    total, rows = figures(region, year) if (region and year) else (None, [])
    context = {
        "years": years,
        "year": year,
        "regions": regions,
        "region": region,
        "total": total,
        "rows": rows,
        "minimum": minimum_cases(),
    }
    return render(request, "planning_web/accountability.html", context)
