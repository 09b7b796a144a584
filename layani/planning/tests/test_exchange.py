"""Export and import round trip (CSV and XLSX), bad rows and bad files."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.utils.translation import override

from layani.accounts.models import Membership, Role, User
from layani.directory.models import Region
from layani.planning import exchange, services
from layani.planning.models import Proposal, Stage, Status


@pytest.fixture
def setup(cast):
    user = User.objects.create_user(username="bappeda", password="x-pass-123")
    Membership.objects.create(user=user, agency=cast.pemda, role=Role.PLANNER)
    d = date(2026, 1, 10)
    year = services.create_year(2027, dict.fromkeys(Stage.values, (d, d)))
    region = Region.objects.get(code="34.04.07.2001")
    made = []
    for title in ("Jembatan", "Drainase"):
        draft = services.ProposalDraft(
            title=title,
            location="Dusun Karang",
            problem="p",
            activity=f"Bangun {title}",
            volume=Decimal("2"),
            unit="unit",
            cost_estimate=Decimal("1000000"),
            agency=cast.dinas_pu,
        )
        made.append(_make(user, year, region, draft))
    return user, made


def _make(user, year, region, draft):
    return Proposal.objects.create(
        code=services._next_code(year),
        planning_year=year,
        region=region,
        created_by=user,
        **draft.__dict__,
    )


def _edit_csv(data: bytes, decisions: dict[str, tuple[str, str]]) -> bytes:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    for row in rows:
        row["keputusan"], row["alasan"] = decisions.get(row["kode_usulan"], ("", ""))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=exchange.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_csv_round_trip_with_dry_run_and_bad_rows(setup):
    user, (a, b) = setup
    data = exchange.to_csv(Proposal.objects.all())
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == exchange.COLUMNS
    edited = _edit_csv(data, {a.code: ("diterima", ""), b.code: ("ditolak", "")})
    with override("en"):
        dry = exchange.import_decisions(user, edited, "usulan.csv", dry_run=True)
    assert dry.applied == 1 and [(e.row, e.column) for e in dry.errors] == [(3, "alasan")]
    assert "reason code" in dry.errors[0].message
    a.refresh_from_db()
    assert a.status == Status.AT_DESA  # the dry run changed nothing
    edited = _edit_csv(data, {a.code: ("diterima", ""), b.code: ("ditolak", "no_budget")})
    real = exchange.import_decisions(user, edited, "usulan.csv", dry_run=False)
    assert real.applied == 2 and not real.errors
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == Status.AT_KECAMATAN and b.status == Status.REJECTED


def test_xlsx_round_trip_and_unknown_code(setup):
    from openpyxl import load_workbook

    user, _made = setup
    book = load_workbook(io.BytesIO(exchange.to_xlsx(Proposal.objects.all())))
    sheet = book.active
    assert [c.value for c in sheet[1]] == exchange.COLUMNS
    decision = exchange.COLUMNS.index("keputusan") + 1
    sheet.cell(row=2, column=decision, value="diterima")
    sheet.cell(row=3, column=1, value="USL-1999-0001")
    sheet.cell(row=3, column=decision, value="diterima")
    out = io.BytesIO()
    book.save(out)
    with override("en"):
        result = exchange.import_decisions(user, out.getvalue(), "usulan.xlsx", dry_run=False)
    assert result.applied == 1
    assert [(e.row, e.column) for e in result.errors] == [(3, "kode_usulan")]
    assert "no proposal with this code" in result.errors[0].message


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "a.csv", "empty"),
        (b"PK\x03\x04garbage", "a.xlsx", "neither a CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.png", "neither a CSV"),
        (b"kolom,lain\n1,2\n", "a.csv", "lacks the column"),
    ],
)
def test_bad_files_give_a_clear_message(setup, data, name, words):
    user, _made = setup
    with override("en"), pytest.raises(exchange.BadFileError) as error:
        exchange.import_decisions(user, data, name)
    assert words in str(error.value)
