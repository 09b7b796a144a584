"""Exchange with the Musrenbang forum and SIPD: proposals out as CSV/XLSX, decisions back in.

Export and import share one shape (`COLUMNS`). The import reads the stable proposal code and the
decision columns (``keputusan``, ``alasan``, ``catatan``, ``tahun_apbd``, ``pagu_apbd``); each
decision is the same service a planning officer uses in the console, so it is checked, audited
and told to citizens the same way. A dry run checks every row and changes nothing. Errors name the
row (as the spreadsheet numbers it, header = 1), the column and what is wrong, in the user's
language; a file that is not a CSV or XLSX, is empty or lacks columns gives one clear message.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import User

from . import services
from .models import Proposal, Reason
from .workflow import Move, TransitionError

COLUMNS = [
    "kode_usulan",
    "tahun",
    "tahapan",
    "kode_wilayah",
    "lokasi",
    "permasalahan",
    "usulan",
    "volume",
    "satuan",
    "perkiraan_biaya",
    "opd_penanggung_jawab",
    "prioritas",
    "pendukung",
    "keputusan",
    "alasan",
    "catatan",
    "tahun_apbd",
    "pagu_apbd",
]
REQUIRED = ("kode_usulan", "keputusan")
#: Decision words a forum writes (Indonesian and English) → the move.
DECISIONS = {
    "diterima": Move.ACCEPT,
    "accept": Move.ACCEPT,
    "rkpd": Move.INCLUDE_RKPD,
    "didanai": Move.FUND,
    "fund": Move.FUND,
    "dibangun": Move.START,
    "start": Move.START,
    "selesai": Move.FINISH,
    "finish": Move.FINISH,
    "ditolak": Move.REJECT,
    "reject": Move.REJECT,
    "ditunda": Move.DEFER,
    "defer": Move.DEFER,
}
DECISION_WORDS = ("diterima", "rkpd", "didanai", "dibangun", "selesai", "ditolak", "ditunda")


def rows(proposals: Iterable[Proposal]) -> list[list[str]]:
    out = []
    for p in proposals:
        out.append(
            [
                p.code,
                str(p.planning_year.year),
                p.status,
                p.region_id,
                p.location,
                p.problem,
                p.activity,
                f"{p.volume.normalize():f}",
                p.unit,
                f"{p.cost_estimate:f}",
                p.agency.short_name if p.agency else "",
                str(p.priority),
                str(p.support_count + p.links.count()),
                "",
                "",
                "",
                str(p.apbd_year or ""),
                f"{p.apbd_amount:f}" if p.apbd_amount is not None else "",
            ]
        )
    return out


def to_csv(proposals: Iterable[Proposal]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows(proposals))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(proposals: Iterable[Proposal]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "usulan"
    sheet.append(COLUMNS)
    for row in rows(proposals):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class BadFileError(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    applied: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = True


def read_table(data: bytes, filename: str) -> list[dict[str, str]]:
    """The file's rows as column → text; BadFileError for anything that is not a usable table."""
    if not data.strip():
        raise BadFileError(_("The file is empty."))
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        table = _xlsx_rows(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadFileError(
                _("The file is neither a CSV (UTF-8) nor an XLSX spreadsheet.")
            ) from None
        if "\x00" in text:
            raise BadFileError(_("The file is neither a CSV (UTF-8) nor an XLSX spreadsheet."))
        table = [list(r) for r in csv.reader(io.StringIO(text))]
    table = [r for r in table if any(c.strip() for c in r)]
    if not table:
        raise BadFileError(_("The file is empty."))
    header = [c.strip().lower() for c in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadFileError(
            _("The file lacks the column(s) %(columns)s. Use the exported file as the template.")
            % {"columns": ", ".join(missing)}
        )
    return [dict(zip(header, (c.strip() for c in r), strict=False)) for r in table[1:]]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BadFileError(
            _("The file is neither a CSV (UTF-8) nor an XLSX spreadsheet.")
        ) from None
    sheet = book.worksheets[0]
    return [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]


def import_decisions(
    user: User, data: bytes, filename: str, *, dry_run: bool = True
) -> ImportResult:
    """Apply the forum's decisions row by row; with `dry_run`, check them and change nothing.

    Raises BadFileError for a file that cannot be read. A real run applies every valid row (each in its
    own transaction, like a click in the console) and reports the others.
    """
    table = read_table(data, filename)
    result = ImportResult(dry_run=dry_run)
    for number, row in enumerate(table, start=2):
        decision = row.get("keputusan", "").lower()
        if not decision:
            continue  # rows without a decision are left as they are
        error = _apply(user, row, number, decision, dry_run)
        if error:
            result.errors.append(error)
        else:
            result.applied += 1
    return result


def _apply(
    user: User, row: dict[str, str], number: int, decision: str, dry_run: bool
) -> RowError | None:
    code = row.get("kode_usulan", "").upper()
    proposal = Proposal.objects.filter(code=code).first()
    if proposal is None:
        return RowError(number, "kode_usulan", _("There is no proposal with this code."))
    move = DECISIONS.get(decision)
    if move is None:
        return RowError(
            number,
            "keputusan",
            _("Unknown decision; use one of: %(words)s.") % {"words": ", ".join(DECISION_WORDS)},
        )
    reason = row.get("alasan", "").lower()
    if move in (Move.REJECT, Move.DEFER) and reason not in Reason.values:
        return RowError(
            number,
            "alasan",
            _("A rejection or deferral needs a reason code: %(codes)s.")
            % {"codes": ", ".join(Reason.values)},
        )
    kw: dict[str, object] = {}
    if move == Move.FUND:
        try:
            kw["apbd_year"] = int(row.get("tahun_apbd", ""))
            kw["apbd_amount"] = Decimal(row.get("pagu_apbd", "").replace(".", "").replace(",", "."))
        except (ValueError, InvalidOperation):
            return RowError(number, "pagu_apbd", _("Give the APBD year and amount as numbers."))
    try:
        with transaction.atomic():
            services.move_proposal(
                user,
                proposal,
                move,
                reason=reason,
                note=row.get("catatan", "")[:2000],
                **kw,  # type: ignore[arg-type]
            )
            if dry_run:
                transaction.set_rollback(True)
    except TransitionError as error:
        return RowError(number, "keputusan", error.message)
    return None
