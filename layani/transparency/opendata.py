"""Open data: public reports and the statistics as rows anyone may download.

Rows come only from ``Report.objects.public()`` — rahasia and whistleblowing reports are never a
row here — and carry no identity: titles and descriptions are what the public may read
(``cases.presentation``), and coordinates are coarsened like the portal's map (about 100 m for
anonymous reports, 10 m otherwise).
The columns are described in ``FIELDS``, which is also what the data dictionary page shows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from layani.cases.presentation import public_texts
from layani.intake.models import Report, public_coordinate

from .selectors import Overview

#: Column name → what it holds. Order is the column order of every format.
FIELDS: dict[str, Promise] = {
    "tracking_id": _("Public tracking ID of the report."),
    "type": _("pengaduan (complaint), aspirasi (aspiration) or informasi (information request)."),
    "status": _("Current status code; see the workflow documentation."),
    "category": _("Category code (sub-category where one was chosen)."),
    "main_category": _("Code of the main category."),
    "region_code": _("Kemendagri code of the village or lowest known region."),
    "region_name": _("Name of that region."),
    "title": _("Title with personal data (NIK, phone, e-mail, account numbers) masked."),
    "description": _("Description with personal data masked."),
    "latitude": _("Latitude, rounded: 3 decimals (~100 m) for anonymous reports, 4 otherwise."),
    "longitude": _("Longitude, rounded like latitude."),
    "submitted_at": _("When the report was submitted (ISO 8601, UTC)."),
    "closed_at": _("When the report was closed (ISO 8601, UTC), empty if not closed."),
    "outcome": _("How the case ended, if closed."),
    "support_count": _("Number of citizens who supported the report."),
}


def _rounded(value: Decimal | None, privacy: str) -> str:
    return "" if value is None else str(public_coordinate(value, privacy))


def public_report_rows() -> Iterator[dict[str, Any]]:
    """One dict per public report, newest first, in ``FIELDS`` order; streamed in chunks."""
    reports = (
        Report.objects.public()
        .select_related("category", "category__parent", "region", "case")
        .order_by("-submitted_at")
    )
    chunk: list[Report] = []
    for report in reports.iterator(chunk_size=500):
        chunk.append(report)
        if len(chunk) == 500:
            yield from _report_rows(chunk)
            chunk = []
    yield from _report_rows(chunk)


def _report_rows(reports: list[Report]) -> Iterator[dict[str, Any]]:
    texts = public_texts(t for r in reports for t in (r.title, r.description))
    for i, report in enumerate(reports):
        category = report.category
        case = getattr(report, "case", None)
        yield {
            "tracking_id": report.tracking_id,
            "type": report.type,
            "status": report.status,
            "category": category.code if category else "",
            "main_category": (category.parent or category).code if category else "",
            "region_code": report.region_id,
            "region_name": report.region.name,
            "title": texts[2 * i],
            "description": texts[2 * i + 1],
            "latitude": _rounded(report.latitude, report.privacy),
            "longitude": _rounded(report.longitude, report.privacy),
            "submitted_at": report.submitted_at.isoformat(),
            "closed_at": report.closed_at.isoformat() if report.closed_at else "",
            "outcome": case.outcome if case else "",
            "support_count": report.support_count,
        }


#: The columns of ``statistics_rows``, in every format.
STATISTICS_COLUMNS = ["figure", "group", "value", "n"]


def statistics_rows(data: Overview) -> list[dict[str, Any]]:
    """The statistics page as long-format rows: (figure, group, value, n)."""
    rows: list[dict[str, Any]] = [
        {"figure": "reports_total", "group": "", "value": data.total, "n": data.total},
        {"figure": "reports_open", "group": "", "value": data.open, "n": data.total},
        {"figure": "reports_closed", "group": "", "value": data.closed, "n": data.total},
    ]
    for figure, series in (
        ("reports_by_category", data.by_category),
        ("reports_by_region", data.by_region),
        ("reports_by_month", data.by_month),
    ):
        rows += [{"figure": figure, "group": g, "value": v, "n": v} for g, v in series]
    for name, duration in (
        ("first_follow_up_working_days", data.first_follow_up),
        ("closure_working_days", data.closure),
    ):
        rows.append(
            {"figure": f"{name}_median", "group": "", "value": duration.median, "n": duration.n}
        )
        rows.append({"figure": f"{name}_p90", "group": "", "value": duration.p90, "n": duration.n})
    for name, rate in (("on_time_rate", data.on_time), ("reopen_rate", data.reopen)):
        rows.append({"figure": name, "group": "", "value": rate.value, "n": rate.n})
        rows.append({"figure": f"{name}_ci_low", "group": "", "value": rate.low, "n": rate.n})
        rows.append({"figure": f"{name}_ci_high", "group": "", "value": rate.high, "n": rate.n})
    sat = data.satisfaction
    rows.append({"figure": "rating_mean", "group": "", "value": sat.mean, "n": sat.n})
    rows += [
        {"figure": "rating_count", "group": str(star), "value": k, "n": sat.n}
        for star, k in sat.distribution
    ]
    return rows


#: Leading characters that make a spreadsheet read a cell as a formula ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    """A citizen's text must never run as a formula in whoever opens the file: such cells get a
    leading apostrophe. Numbers (a negative latitude is "-7.7123") are left alone."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def to_xlsx(rows: Iterable[dict[str, Any]], columns: list[str], title: str) -> bytes:
    """One worksheet, header row first; written in openpyxl's streaming (write-only) mode."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for row in rows:
        sheet.append([_safe(row.get(k)) for k in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text in pieces (for a streaming response), header first; None becomes empty."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(row.get(k)) for k in columns})
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def to_json(rows: Iterable[dict[str, Any]]) -> str:
    """A JSON array of the rows."""
    return json.dumps(list(rows), ensure_ascii=False, default=str)


def encode(
    rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, sheet: str
) -> Iterator[str] | str | bytes:
    """The rows in ``fmt``: CSV in pieces (to stream), JSON text, or an XLSX workbook."""
    if fmt == "csv":
        return to_csv(rows, columns)
    if fmt == "xlsx":
        return to_xlsx(rows, columns, sheet)
    return to_json(rows)
