"""The benchmark's report (bench/http/report.py) states the intake ratio and the durable floor."""

from bench.http import report


def scenario(name: str, requests: int, seconds: float = 10.0) -> dict[str, object]:
    return {"name": name, "requests": requests, "seconds": seconds}


def test_ratio_reports_the_floor_and_intake_against_it():
    run = {
        "scenarios": [
            scenario("bare Django JSON endpoint", 20_000),
            scenario("durable floor: bare + one INSERT", 8_000),
            scenario("intake: Open311 POST requests.json", 5_000),
        ]
    }
    text = report._ratio(run)
    assert "ratio **0.25** (**misses** the target of 0.5)" in text
    assert "800.0 requests/s, 0.40 of the bare rate" in text
    assert "Intake reached 0.62 of the floor." in text


def test_ratio_without_a_floor_scenario_still_reads():
    run = {
        "scenarios": [
            scenario("bare Django JSON endpoint", 10_000),
            scenario("intake: Open311 POST requests.json", 6_000),
        ]
    }
    text = report._ratio(run)
    assert "ratio **0.60** (meets the target of 0.5)." in text and "floor" not in text


def test_the_floor_runs_right_after_the_bare_baseline():
    fixtures = {"coordinator_cookie": "", "inbox_cookie": "", "inbox_slug": "x"}
    names = [name for name, *_rest in report.scenarios(fixtures)]
    assert names[:3] == [
        "bare Django JSON endpoint",
        "durable floor: bare + one INSERT",
        "intake: Open311 POST requests.json",
    ]


def test_a_pages_only_run_says_so_instead_of_a_ratio():
    run = {"scenarios": [scenario("public report list /laporan/", 300)]}
    assert report._ratio(run) == "Pages only in this run: no intake, floor or bare-endpoint load."


def _run(size: int, p95: dict[str, float], **extra: object) -> dict[str, object]:
    gets = [
        {"name": name, "status": 200, "requests": 100, "seconds": 10.0, "p95_ms": ms}
        for name, ms in p95.items()
    ]
    posts = [
        {"name": "durable floor: bare + one INSERT", "status": 0, "requests": 8000,
         "seconds": 10.0, "p95_ms": 9.0},
        {"name": "intake: Open311 POST requests.json", "status": 0, "requests": 6000,
         "seconds": 10.0, "p95_ms": 20.0},
    ]  # fmt: skip
    return {
        "db": "postgres",
        "size": size,
        "scenarios": posts + gets,
        "prepared": {"reports": size + 313},
        "load_before": (1.234, 2.0, 3.0),
        "memory_mb": [(140.0, 100.0), (150.0, 110.0)],
        **extra,
    }


def test_headline_holds_the_issue_figures_and_only_get_pages_in_p95():
    run = _run(
        1_000_000,
        {"public report list /laporan/": 120.04},
        intake={"end_to_end_per_ack": 0.91, "cpu_ms_per_recorded": 2.5},
        lag={"lag_p95_s": 0.8},
        disk_mb=2048.0,
    )
    entry = report.headline(run, 1_000_000, "abc1234")
    assert entry["database"] == "postgresql" and entry["reports"] == 1_000_000
    assert entry["p95_ms"] == {"public report list /laporan/": 120.0}
    assert entry["intake_per_floor"] == 0.75
    assert entry["end_to_end_per_ack"] == 0.91
    assert entry["rss_mb_per_worker"] == 145.0
    assert entry["recording_lag_p95_s"] == 0.8
    assert entry["reports_in_database"] == 1_000_313
    assert entry["load_average"] == [1.23, 2.0, 3.0]


def test_write_json_appends_one_entry_per_run(tmp_path):
    path = tmp_path / "benchmarks.json"
    report.write_json(path, [{"reports": 1}])
    report.write_json(path, [{"reports": 2}, {"reports": 3}])
    import json

    assert [e["reports"] for e in json.loads(path.read_text())["runs"]] == [1, 2, 3]


def test_growth_table_and_chart_use_the_latest_entry_per_size(tmp_path):
    from bench.http import growth

    page = "public report list /laporan/"
    entries = [
        {"database": "postgresql", "reports": 100_000, "p95_ms": {page: 999.0}},
        {"database": "postgresql", "reports": 100_000, "p95_ms": {page: 50.0}, "commit": "a"},
        {"database": "sqlite", "reports": 1_000_000, "p95_ms": {page: 1.0}},
        {"database": "postgresql", "reports": 1_000_000, "p95_ms": {page: 120.0}},
        {"database": "postgresql", "reports": 10_000_000, "p95_ms": {page: 450.0}},
    ]
    markdown, chart = tmp_path / "b.md", tmp_path / "growth.svg"
    markdown.write_text("# Benchmarks\n\nkept\n")
    assert growth.write(entries, markdown, chart)
    text = markdown.read_text()
    assert "kept" in text
    assert "| scenario | p95 ms at 100k | p95 ms at 1M | p95 ms at 10M | growth |" in text
    assert f"| {page} | 50 | 120 | **450** | × 9.0 |" in text
    svg = chart.read_text()
    assert svg.startswith("<svg") and svg.count("<polyline") == 1 and "target 300 ms" in svg
    # Written again, the section is replaced, not repeated.
    assert growth.write(entries, markdown, chart)
    assert markdown.read_text().count(growth.BEGIN) == 1
    assert not growth.write(entries[:2], markdown, chart)  # one size: nothing to compare


def test_new_scenarios_include_the_report_page_only_with_a_public_report():
    fixtures = {"coordinator_cookie": "c", "inbox_cookie": "i", "inbox_slug": "dinas-x"}
    names = [name for name, *_rest in report.scenarios(fixtures)]
    assert "public report page" not in names
    paths = [
        path for _n, path, *_r in report.scenarios({**fixtures, "public_report": "K7R4XA96HW"})
    ]
    assert "/laporan/K7R4XA96HW/" in paths and "/konsol/instansi/dinas-x/dasbor/" in paths
    assert names[-1].startswith("public search")
