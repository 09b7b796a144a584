"""The scheduler enqueues the router's retrain on the background queue every N days."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from layani.escalation import scheduler
from layani.routing import tasks
from layani.routing.tasks import retrain_routing_model

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


class _Fake:
    def __init__(self, runs):
        self.runs = runs

    def enqueue(self):
        self.runs.append(1)


def _retrains(moments):
    return [m for m in moments if "retrain" in scheduler.tick(now=m)]


def test_the_retrain_runs_weekly_by_default_on_the_background_queue(categories, monkeypatch):
    runs = []
    assert retrain_routing_model.queue_name == "background"
    monkeypatch.setattr(tasks, "retrain_routing_model", _Fake(runs))
    start = datetime(2026, 3, 2, 0, 30, tzinfo=WIB)  # a Monday, before the 01:00 slot opens
    hours = [start + timedelta(hours=h) for h in range(0, 24 * 15, 12)]
    due = _retrains(hours)
    assert due == [
        datetime(2026, 3, 2, 12, 30, tzinfo=WIB),  # first tick after 01:00 in the period
        datetime(2026, 3, 9, 12, 30, tzinfo=WIB),
        datetime(2026, 3, 16, 12, 30, tzinfo=WIB),
    ]
    assert len(runs) == 3


def test_the_interval_is_a_setting(categories, settings, monkeypatch):
    monkeypatch.setattr(tasks, "retrain_routing_model", _Fake([]))
    settings.LAYANI_ROUTING_RETRAIN_DAYS = 1
    days = [datetime(2026, 3, 2, 2, tzinfo=WIB) + timedelta(days=d) for d in range(3)]
    assert _retrains(days) == days
