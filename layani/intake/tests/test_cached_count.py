"""`cached_count`: the totals above long lists, shared for a while, recounted for a new report."""

import uuid

import pytest

from layani.intake.models import Report, ReportStatus
from layani.intake.selectors import cached_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def key():
    return f"test:{uuid.uuid4()}"  # the PostgreSQL pass shares one Redis between tests


def test_a_status_change_shows_after_the_timeout_a_new_report_at_once(make_report, key):
    make_report(), make_report()
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED)
    assert cached_count(waiting, key, 60) == 2
    Report.objects.update(status=ReportStatus.ARCHIVED)
    assert cached_count(waiting, key, 60) == 2  # shared for up to 60 s
    assert cached_count(waiting, f"{key}:other", 60) == 0  # another key counts afresh
    make_report()
    assert cached_count(waiting, key, 60) == 1  # the new report's id is in the cache key: recount


def test_without_the_cache_the_count_is_live(make_report, key, private_cache):
    make_report()
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED)
    assert cached_count(waiting, key, 60) == 1
    private_cache.clear()
    Report.objects.update(status=ReportStatus.ARCHIVED)
    assert cached_count(waiting, key, 60) == 0
