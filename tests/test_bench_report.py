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
