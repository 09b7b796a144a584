"""The canary crawler's reach (tests/test_canary_crawl.py): every URL pattern the project routes,
made concrete for the seeded reports, and a response read as text (headers, XLSX cells too)."""

from __future__ import annotations

import io
import re

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from layani.cases.models import Task
from layani.intake.models import Report

#: Patterns not fetched, with the reason. Everything else the project routes is crawled.
NOT_FETCHED = {
    "admin/(?P<url>.*)$": "the admin's catch-all (redirects to the admin's own URLs)",
    "admin/r/<path:content_type_id>/<path:object_id>/": "the admin's view-on-site redirect",
    "open311/^v2/.*?(?:\\.(?P<fmt>xml|json))?$": "Open311's catch-all 404 (fetched once below)",
    "konsol/keluar/": "signs the crawler out",
    "akun/keluar/": "signs the crawler out",
}


def patterns(resolver=None, prefix: str = ""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name or ""


_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>(?P<body>[^)]*)\)")


def _admin_model(name: str):
    for model in apps.get_models():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    return None


def urls_for(
    pattern: str, name: str, reports: list[Report], slugs: tuple[str, ...], *, admin_objects: bool
) -> list[str]:
    """Concrete URLs for one pattern; raises KeyError naming a parameter nobody taught us."""
    params = [m.group("name") or m.group("rname") for m in _PARAM.finditer(pattern)]
    choices: list[dict[str, str]] = [{}]

    def expand(values_for):  # each choice × each value for it
        nonlocal choices
        choices = [{**c, **v} for c in choices for v in values_for(c)]

    for param in params:
        if param in ("tracking_id", "request_id"):
            expand(
                lambda c, param=param: [
                    {"tracking_id": r.tracking_id, param: r.tracking_id} for r in reports
                ]
            )
        elif param == "attachment_id":
            expand(
                lambda c: [
                    {"attachment_id": str(a.pk)}
                    for a in Report.objects.get(tracking_id=c["tracking_id"]).attachments.all()
                ]
            )
        elif param == "task_id":
            expand(
                lambda c: (
                    [
                        {"task_id": str(t.pk)}
                        for t in Task.objects.filter(case__report__tracking_id=c["tracking_id"])
                    ]
                    if "tracking_id" in c
                    else [{"task_id": str(t.pk)} for t in Task.objects.all()[:3]]
                )
            )
        elif param == "action":
            expand(lambda c: [{"action": "verify"}])
        elif param == "slug":
            expand(lambda c: [{"slug": slug} for slug in slugs])
        elif param == "fmt":
            formats = ("json", "xml") if "xml|json" in pattern else ("csv", "json", "xlsx")
            expand(lambda c, formats=formats: [{"fmt": f} for f in formats])
        elif param == "code" and pattern.startswith("musrenbang/wilayah"):
            codes = sorted({r.region.code for r in reports if r.region_id})
            expand(lambda c, codes=codes: [{"code": code} for code in codes])
        elif param == "code" and pattern.startswith("musrenbang/usulan"):
            from layani.planning.models import Proposal

            codes = list(Proposal.objects.values_list("code", flat=True)[:5])
            expand(lambda c, codes=codes: [{"code": code} for code in codes])
        elif param == "code":
            expand(lambda c: [{"code": "air-minum"}])
        elif param == "deployment_id":
            expand(lambda c: [{"deployment_id": "canary-peer"}])
        elif param == "token":
            expand(lambda c: [{"token": reports[0].tracking_id}])
        elif param == "app_label":
            expand(lambda c: [{"app_label": "intake"}])
        elif param in ("object_id", "id"):
            model = _admin_model(name)
            pks = (
                [str(pk) for pk in model.objects.order_by("-pk").values_list("pk", flat=True)[:3]]
                if model is not None and admin_objects
                else []
            )
            if model is not None and model._meta.model_name in ("report", "casemessage"):
                pks = [str(r.pk) for r in reports] if admin_objects else []
            expand(lambda c, pks=pks, param=param: [{param: pk} for pk in pks])
        else:
            raise KeyError(param)
    urls = []
    for c in choices:
        url = "/" + _PARAM.sub(lambda m, c=c: c[m.group("name") or m.group("rname")], pattern)
        urls.append(url.replace("^", "").replace("$", "").replace("\\.", "."))
    return urls


#: A few query strings that show more of the same pages (search, extensions, filters).
EXTRA = [
    "/laporan/?q=pdam",
    "/laporan/peta.json?bbox=110,-8,111,-7&zoom=15",
    "/laporan/peta.json?bbox=110,-8,111,-7&zoom=8",
    "/open311/v2/requests.json?extensions=true",
    "/open311/v2/requests.xml?extensions=true",
    "/open311/v2/servicerequestupdates.json",
    "/open311/v2/nothing.json",
    "/konsol/antrean/?show=open",
    "/lapor/bantuan/?description=Air+PDAM+mati+tiga+hari&region=34.04.07.2001",
]


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True)
        cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
        text = "\n".join(cells)
    else:
        text = content.decode("utf-8", errors="replace")
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + text
