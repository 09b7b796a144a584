"""The coordinator's queue order read page by page: bounced first, then oldest first, no gaps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.cases.models import Case
from layani.cases.selectors import QueueOrder, coordinator_queue
from layani.intake.models import Report, ReportStatus

pytestmark = pytest.mark.django_db


def test_pages_of_the_queue_follow_its_order_across_the_bounced_boundary(team, make_report):
    start = timezone.now() - timedelta(days=30)
    reports = [make_report() for _ in range(9)]
    for i, report in enumerate(reports):
        Report.objects.filter(pk=report.pk).update(submitted_at=start + timedelta(days=i))
    # Three bounced (verified, flagged), one disposed (not waiting), the rest new.
    for report in (reports[7], reports[2], reports[5]):
        Report.objects.filter(pk=report.pk).update(status=ReportStatus.VERIFIED)
        Case.objects.create(report=report, bounced=True)
    Report.objects.filter(pk=reports[4].pk).update(status=ReportStatus.IN_PROGRESS)
    # Verified but not bounced: waits in date order among the new ones (two statuses merged).
    Report.objects.filter(pk__in=[reports[1].pk, reports[6].pk]).update(
        status=ReportStatus.VERIFIED
    )
    expected = [reports[i].pk for i in (2, 5, 7, 0, 1, 3, 6, 8)]

    order = QueueOrder(coordinator_queue(team.coordinator))
    assert len(order) == 8
    assert order[0:8] == expected
    assert [order[i] for i in range(8)] == expected
    # Pages of three: the first crosses from bounced to new reports, the last is short.
    assert [order[k : k + 3] for k in (0, 3, 6)] == [expected[0:3], expected[3:6], expected[6:8]]
    assert order[2:5] == expected[2:5]


def test_the_queue_page_shows_bounced_reports_first(team, make_report, staff_login):
    from django.urls import reverse

    old, bounced = make_report(), make_report()
    Report.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=5))
    Report.objects.filter(pk=bounced.pk).update(status=ReportStatus.VERIFIED)
    Case.objects.create(report=bounced, bounced=True)
    html = staff_login(team.coordinator).get(reverse("console:queue")).content.decode()
    assert html.index(bounced.display_tracking_id) < html.index(old.display_tracking_id)
