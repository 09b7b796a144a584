"""Planning officers' pages (/konsol/perencanaan/): candidates, proposals and their moves, the
forum's spreadsheet out and its decisions back in. Every change is a `planning.services` call."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from layani.console.views.base import staff_view
from layani.directory.models import Agency, Region
from layani.planning import exchange, selectors, services
from layani.planning.clustering import candidates
from layani.planning.models import Proposal, Reason
from layani.planning.permissions import desks
from layani.planning.workflow import Move, TransitionError, allowed_moves

_MAX_UPLOAD = 5 * 1024 * 1024


def _desk_region(request: HttpRequest) -> tuple[Region, object]:
    found = desks(request.user)  # type: ignore[arg-type]
    if not found:
        raise Http404
    code = request.GET.get("wilayah") or found[0].region_code
    desk = next((d for d in found if d.covers(code)), None)
    if desk is None:
        raise Http404
    return Region.objects.get(code=code), desk


@staff_view
def desk(request: HttpRequest) -> HttpResponse:
    region, desk = _desk_region(request)
    year = selectors.current_year()
    if request.method == "POST":
        _handle(request, region, year)
        return redirect(request.get_full_path())
    proposals = list(selectors.proposals_in(region.code, year))
    for p in proposals:
        p.moves = allowed_moves(p.status, desk.scope)  # type: ignore[attr-defined]
    context = {
        "region": region,
        "year": year,
        "proposals": proposals,
        "candidates": candidates(region.code, public_only=False)[:100],
        "reasons": Reason.choices,
        "agencies": Agency.objects.filter(is_active=True).order_by("short_name")[:300],
    }
    return render(request, "planning_web/desk.html", context)


def _number(value: str, default: str = "0") -> Decimal:
    try:
        return Decimal((value or default).replace(",", "."))
    except InvalidOperation:
        raise TransitionError("number", _("Volume and cost must be numbers.")) from None


def _handle(request: HttpRequest, region: Region, year: object) -> None:
    post = request.POST
    user = request.user
    try:
        if post.get("action") == "create":
            if year is None:
                raise TransitionError("year", _("There is no planning year yet."))
            agency_pk = post.get("agency", "")
            agency = Agency.objects.filter(pk=agency_pk).first() if agency_pk.isdigit() else None
            draft = services.ProposalDraft(
                title=post.get("title", "")[:200] or _("Proposal"),
                location=post.get("location", "")[:300],
                problem=post.get("problem", "")[:4000],
                activity=post.get("activity", "")[:4000],
                volume=_number(post.get("volume", ""), "1"),
                unit=post.get("unit", "")[:40] or "unit",
                cost_estimate=_number(post.get("cost_estimate", "")),
                agency=agency,
            )
            ids = [t for t in post.get("reports", "").split() if t]
            kind = "complaint" if post.get("kind") == "complaint" else "aspiration"
            target = Region.objects.filter(code=post.get("region", region.code)).first() or region
            p = services.create_proposal(user, year, target, draft, ids, kind=kind)  # type: ignore[arg-type]
            messages.success(request, _("Proposal %(code)s created.") % {"code": p.code})
            return
        proposal = Proposal.objects.filter(code=post.get("code", "")).first()
        if proposal is None:
            raise TransitionError("missing", _("There is no proposal with this code."))
        move = Move(post.get("move", ""))
        kw: dict[str, object] = {"reason": post.get("reason", ""), "note": post.get("note", "")}
        if move == Move.FUND:
            kw["apbd_year"] = int(post.get("apbd_year") or 0)
            kw["apbd_amount"] = _number(post.get("apbd_amount", ""))
        if move == Move.MERGE:
            kw["merge_into"] = Proposal.objects.filter(code=post.get("into", "")).first()
        services.move_proposal(user, proposal, move, **kw)  # type: ignore[arg-type]
        messages.success(request, _("Proposal %(code)s moved.") % {"code": proposal.code})
    except (TransitionError, ValueError) as error:
        messages.error(
            request, str(error) if isinstance(error, TransitionError) else _("Invalid input.")
        )


@staff_view
def export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    region, _desk = _desk_region(request)
    rows = selectors.proposals_in(region.code, selectors.current_year())
    stage = request.GET.get("tahapan")
    if stage:
        rows = rows.filter(status=stage)
    name = f"usulan-{region.code}"
    if fmt == "csv":
        response = HttpResponse(exchange.to_csv(rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exchange.to_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@staff_view
def import_page(request: HttpRequest) -> HttpResponse:
    _desk_region(request)
    context: dict[str, object] = {}
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["problem"] = _("Choose a file to import.")
        elif upload.size and upload.size > _MAX_UPLOAD:
            context["problem"] = _("The file is larger than 5 MB.")
        else:
            try:
                context["result"] = exchange.import_decisions(
                    request.user,  # type: ignore[arg-type]
                    upload.read(),
                    upload.name or "",
                    dry_run=request.POST.get("apply") != "1",
                )
            except exchange.BadFileError as error:
                context["problem"] = str(error)
    status = 400 if context.get("problem") else 200
    return render(request, "planning_web/import.html", context, status=status)
