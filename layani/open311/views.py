"""The GeoReport v2 endpoints: parse, call one selector or `submit_report`, render.

Every view runs inside `endpoint`, which picks the format from the path, answers in the language
the client's ``Accept-Language`` asks for, refuses other methods, and turns any refusal into the
spec's error list in that format, so invalid input never becomes a 500. Refusals name the parameter
as the client sent it (``attribute[ukuran]``, not the internal ``answers.ukuran``).
``jurisdiction_id`` is accepted everywhere (query or body) and ignored: one deployment serves one
jurisdiction, which the spec allows. See docs/open311.md.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from layani.cases.presentation import Audience, plates_masked
from layani.cases.workflow import WorkflowError
from layani.intake import journal
from layani.intake.models import FINAL_STATUSES, JournalEntry, Report
from layani.intake.services import SubmissionError
from layani.intake.tracking import format_tracking_id, normalize_tracking_id

from . import conf, inbound, redaction, selectors
from .formats import Open311Error, render, render_errors
from .keys import required_key
from .params import RequestFilters, bad, parse_int, parse_moment, request_filters
from .representations import (
    request_item,
    service_definition,
    service_item,
    update_item,
    waiting_item,
)
from .submission import build_submission, client_field

View = Callable[..., HttpResponse]


def endpoint(*methods: str) -> Callable[[View], View]:
    def wrap(view: View) -> View:
        @functools.wraps(view)
        def run(
            request: HttpRequest, *args: Any, fmt: str | None = None, **kwargs: Any
        ) -> HttpResponse:
            fmt = fmt or "xml"
            language = client_language(request)
            with translation.override(language):
                response = _answer(view, methods, request, args, fmt, kwargs)
            response.headers["Content-Language"] = language
            return response

        return csrf_exempt(run)

    return wrap


def _answer(
    view: View,
    methods: tuple[str, ...],
    request: HttpRequest,
    args: tuple[Any, ...],
    fmt: str,
    kwargs: dict[str, Any],
) -> HttpResponse:
    try:
        _refuse_nul(request, kwargs)
        # HEAD answers as GET does (monitors and some clients probe with it); servers drop the body.
        allowed = (*methods, "HEAD") if "GET" in methods else methods
        if methods and request.method not in allowed:
            raise Open311Error(
                400, _("This resource does not accept %(m)s.") % {"m": request.method}
            )
        return view(request, *args, fmt=fmt, **kwargs)
    except Open311Error as error:
        return render_errors([error], fmt)
    except SubmissionError as error:
        status = 404 if error.code == "unknown_category" else 400
        name = client_field(error.field, request.POST)
        return render_errors([Open311Error(status, f"{name}: {error.message}")], fmt)
    except WorkflowError as error:
        return render_errors([Open311Error(400, error.message)], fmt)


def client_language(request: HttpRequest) -> str:
    """The language the client's Accept-Language asks for among the deployment's, else the one
    the locale middleware chose (the deployment's default for a client that asks for none)."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header[:200]):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return get_language() or settings.LANGUAGE_CODE


def _refuse_nul(request: HttpRequest, path_values: dict[str, Any]) -> None:
    # PostgreSQL cannot store or even compare text holding NUL; refuse it before any query.
    if any("\x00" in str(value) for value in path_values.values()):
        raise Open311Error(400, _("The path contains a NUL character."))
    queries = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for query in queries:
        for key, values in query.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                raise bad(key.replace("\x00", ""), _("contains a NUL character."))


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:root"))
    data = {
        "changeset": conf.CHANGESET,
        "contact": conf.contact(),
        "key_service": conf.key_service(),
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base.rstrip("/"),
                "changeset": conf.CHANGESET,
                "type": conf.endpoint_type(),
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(data, fmt, root="discovery")


@endpoint("GET")
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    data = [service_item(c) for c in selectors.services()]
    return render(data, fmt, root="services", item="service")


@endpoint("GET")
def service_detail(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    service = selectors.service(code)
    if service is None:
        raise Open311Error(404, _("service_code %(code)s was not found.") % {"code": code[:80]})
    return render(service_definition(service), fmt, root="service_definition")


@endpoint("GET", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    filters = request_filters(request.GET)
    seconds = int(getattr(settings, "LAYANI_OPEN311_LIST_CACHE_SECONDS", 0))
    key = _list_cache_key(request, fmt)
    if seconds > 0:
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached[0], content_type=cached[1])
    reports = list(_page(_filtered(selectors.public_requests(), filters), filters))
    # Asked for by ID, a request still being recorded is listed too (newest, so first).
    found = {r.tracking_id for r in reports}
    missing = [i for i in filters.ids if i not in found] if filters.page == 1 else []
    waiting = journal.public_waiting_many(missing) if missing else []
    response = _render_requests(
        request, reports, fmt, extensions=filters.extensions, waiting=waiting[::-1]
    )
    if seconds > 0 and response.status_code == 200 and not waiting:
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response


def _list_cache_key(request: HttpRequest, fmt: str) -> str:
    """One cached answer per format, language, host and query: integrators poll the same lists,
    and a page of 1,000 requests costs a worker about 0.2 s to build (docs/benchmarks.md)."""
    parts = [fmt, get_language() or "", request.get_host(), request.scheme or ""]
    parts += [f"{k}={v}" for k, values in sorted(request.GET.lists()) for v in values]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"open311:requests:{digest}"


@endpoint("GET")
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    extensions = request.GET.get("extensions", "").strip().lower() in ("true", "1")
    waiting = journal.public_waiting(request_id)
    if waiting is not None:
        return _render_requests(request, [], fmt, extensions=extensions, waiting=[waiting])
    report = _public_report(request_id)
    return _render_requests(request, [report], fmt, extensions=extensions)


@endpoint("GET")
def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """The token is the request's own ID, final from the moment the POST was answered (even while
    the request waits in the intake journal); kept for clients that ask."""
    waiting = journal.public_waiting(token)
    if waiting is not None:
        data = [{"service_request_id": format_tracking_id(waiting.tracking_id), "token": token}]
        return render(data, fmt, root="service_requests", item="request")
    report = _public_report(token, what="token")
    data = [{"service_request_id": report.display_tracking_id, "token": token}]
    return render(data, fmt, root="service_requests", item="request")


@endpoint("GET", "POST")
def updates(request: HttpRequest, fmt: str) -> HttpResponse:
    """mySociety's ``servicerequestupdates``: GET lists public events on public reports, oldest
    first; POST takes an update from the client's side (`inbound.post_update`)."""
    if request.method == "POST":
        data = [inbound.post_update(request, request.POST)]
        return render(data, fmt, root="service_request_updates", item="request_update")
    now = timezone.now()
    end = parse_moment(request.GET, "end_date") or now
    start = parse_moment(request.GET, "start_date") or end - timedelta(
        days=conf.DEFAULT_WINDOW_DAYS
    )
    if end < start:
        raise bad("end_date", _("comes before start_date."))
    limit = parse_int(request.GET, "page_size", conf.MAX_RESULTS, 1, conf.MAX_RESULTS)
    data = [update_item(e, r) for e, r in selectors.public_updates(start, end, limit)]
    return render(data, fmt, root="service_request_updates", item="request_update")


@endpoint()
def not_found(request: HttpRequest, fmt: str = "xml", **_kwargs: Any) -> HttpResponse:
    raise Open311Error(404, _("No such Open311 resource."))


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    form = request.POST
    key = required_key(request)
    code = form.get("service_code", "").strip()
    if not code:
        raise bad("service_code", _("required."))
    service = selectors.postable_service(code)
    if service is None:
        raise Open311Error(404, _("service_code %(code)s was not found.") % {"code": code[:80]})
    # Acknowledged once it is in the journal; the worker records it as a report moments later.
    accepted = journal.accept(build_submission(request, form, service, key))
    data = [
        {
            "service_request_id": format_tracking_id(accepted.tracking_id),
            "service_notice": None,
            "account_id": None,
        }
    ]
    return render(data, fmt, root="service_requests", item="request")


def _public_report(raw_id: str, what: str = "service_request_id") -> Report:
    canonical = normalize_tracking_id(raw_id)
    report = (
        selectors.public_requests().filter(tracking_id=canonical).first() if canonical else None
    )
    if report is None:
        raise Open311Error(
            404, _("%(what)s %(id)s was not found.") % {"what": what, "id": raw_id[:40]}
        )
    return report


def _filtered(reports: QuerySet[Report], f: RequestFilters) -> QuerySet[Report]:
    if f.ids:
        return reports.filter(tracking_id__in=f.ids)
    if f.service_codes:
        reports = reports.filter(category__code__in=f.service_codes)
    if f.statuses == {"open"}:
        reports = reports.exclude(status__in=FINAL_STATUSES)
    elif f.statuses == {"closed"}:
        reports = reports.filter(status__in=FINAL_STATUSES)
    if f.start:
        reports = reports.filter(submitted_at__gte=f.start)
    if f.end:
        reports = reports.filter(submitted_at__lte=f.end)
    if f.updated_after:
        reports = reports.filter(updated_at__gt=f.updated_after)
    if f.updated_before:
        reports = reports.filter(updated_at__lt=f.updated_before)
    if f.near:
        reports = reports.filter(_box(*f.near))
    return reports


def _box(lat: float, lng: float, radius_m: float) -> Q:
    """A square around the point, `radius_m` from the centre to each side (an indexable filter)."""
    d_lat = radius_m / 111_320
    d_lng = radius_m / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return Q(
        latitude__gte=lat - d_lat,
        latitude__lte=lat + d_lat,
        longitude__gte=lng - d_lng,
        longitude__lte=lng + d_lng,
    )


def _page(reports: QuerySet[Report], f: RequestFilters) -> QuerySet[Report]:
    offset = (f.page - 1) * f.page_size
    return reports[offset : offset + f.page_size]


def _render_requests(
    request: HttpRequest,
    reports: list[Report],
    fmt: str,
    *,
    extensions: bool,
    waiting: list[JournalEntry] | None = None,
) -> HttpResponse:
    """Reports as requests, after any `waiting` journal entries (requests still being recorded)."""
    waiting = waiting or []
    plates = plates_masked(Audience.PUBLIC)
    redaction.prime(
        [t for r in reports for t in (r.description, r.address, r.title if extensions else "")],
        plates=plates,
    )
    agencies = selectors.lead_agencies(reports)
    notes = selectors.public_notes(r.tracking_id for r in reports) if extensions else {}
    photos = selectors.first_photos(reports)
    waiting_regions = [str(e.submission.get("region_code") or "") for e in waiting]
    places = selectors.locations([*(r.region_id for r in reports), *waiting_regions])
    regions = selectors.regions(waiting_regions) if waiting else {}

    def media(report: Report) -> str | None:
        if report.pk not in photos:
            return None
        path = reverse("portal:report-attachment", args=[report.tracking_id, photos[report.pk]])
        return request.build_absolute_uri(path)

    data = [
        waiting_item(
            entry,
            region=regions.get(code),
            location=places.get(code, ""),
            plates=plates,
            extensions=extensions,
        )
        for entry, code in zip(waiting, waiting_regions, strict=True)
    ]
    data += [
        request_item(
            r,
            agency=agencies.get(r.pk),
            notes=notes.get(r.tracking_id),
            extensions=extensions,
            media_url=media(r),
            plates=plates,
            location=places.get(r.region_id),
        )
        for r in reports
    ]
    return render(data, fmt, root="service_requests", item="request")
