"""Open data: public reports only, redacted, coarsened; statistics as long rows; privacy."""

import json

import pytest
from django.urls import reverse

from layani.transparency.tests.conftest import SECRET


def download(client, name, fmt):
    response = client.get(reverse(f"statistics:{name}", args=[fmt]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_report_exports_never_contain_a_confidential_report(client, dataset, fmt):
    _, text = download(client, "reports-download", fmt)
    assert dataset.reports["r3"].tracking_id not in text
    assert SECRET not in text
    assert dataset.reports["r6"].tracking_id not in text  # archived: not public either
    for name in ("r1", "r2", "r4", "r5", "r7"):
        assert dataset.reports[name].tracking_id in text


def test_report_export_is_redacted_and_coarsened(client, dataset):
    _, text = download(client, "reports-download", "json")
    rows = {row["tracking_id"]: row for row in json.loads(text)}
    assert len(rows) == 5
    r1, r2 = rows[dataset.reports["r1"].tracking_id], rows[dataset.reports["r2"].tracking_id]
    assert "081234567890" not in text
    assert "[phone]" in r1["description"]
    assert (r1["latitude"], r1["longitude"]) == ("-7.7123", "110.4123")
    assert (r2["latitude"], r2["longitude"]) == ("-7.712", "110.412")  # anonim: ~100 m
    assert r1["main_category"] == "infrastruktur"
    assert r1["outcome"] == ""
    assert "siti" not in text.lower()  # no identity


def test_csv_export_has_the_dictionary_columns(client, dataset):
    from layani.transparency.opendata import FIELDS

    response, text = download(client, "reports-download", "csv")
    assert response["Content-Disposition"].endswith('.csv"')
    assert text.splitlines()[0] == ",".join(FIELDS)
    assert len(text.strip().splitlines()) == 6  # header + 5 public reports


def test_statistics_export_carries_the_figures(client, dataset):
    _, text = download(client, "statistics-download", "json")
    figures = {(r["figure"], r["group"]): (r["value"], r["n"]) for r in json.loads(text)}
    assert figures[("reports_total", "")] == (6, 6)
    assert figures[("reports_by_month", "2026-08")] == (1, 1)
    assert figures[("rating_mean", "")] == (4.0, 3)
    assert figures[("rating_count", "5")] == (1, 3)
    _, csv_text = download(client, "statistics-download", "csv")
    assert csv_text.splitlines()[0] == "figure,group,value,n"
    assert SECRET not in text + csv_text


def test_unknown_format_is_not_found(client, db):
    assert client.get("/statistik/data/laporan.xml").status_code == 404


def test_xlsx_export_holds_the_same_public_rows_and_no_confidential_one(client, dataset):
    import io

    from openpyxl import load_workbook

    from layani.transparency.opendata import FIELDS

    response = client.get(reverse("statistics:reports-download", args=["xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(FIELDS)
    ids = {row[0] for row in rows[1:]}
    assert len(ids) == 5
    assert dataset.reports["r3"].tracking_id not in ids
    assert not any(SECRET in str(cell) for row in rows for cell in row)
    stats = client.get(reverse("statistics:statistics-download", args=["xlsx"]))
    assert stats.status_code == 200


def test_citizen_text_never_becomes_a_spreadsheet_formula(client, dataset):
    from layani.intake.models import Report

    Report.objects.filter(pk=dataset.reports["r1"].pk).update(title='=HYPERLINK("http://x")')
    _, text = download(client, "reports-download", "csv")
    assert "'=HYPERLINK" in text
    assert "-7.7123" in text  # a negative number stays a number


def test_daily_snapshot_writes_every_format_without_confidential_reports(dataset, tmp_path):
    from django.core.management import call_command

    call_command("opendata_snapshot", out=str(tmp_path))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "laporan.csv",
        "laporan.json",
        "laporan.xlsx",
        "statistik.csv",
        "statistik.json",
        "statistik.xlsx",
    ]
    text = (tmp_path / "laporan.csv").read_text() + (tmp_path / "laporan.json").read_text()
    assert dataset.reports["r3"].tracking_id not in text
    assert SECRET not in text
    assert len(json.loads((tmp_path / "laporan.json").read_text())) == 5
