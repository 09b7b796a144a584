"""The staff lists' rows prepared in Python print what the template filters printed before."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation

from layani.cases.models import Case, Task, TaskRole, TaskStatus
from layani.cases.presentation import Audience
from layani.console.rows import QUEUE_FIELDS, case_urls, labels, queue_rows, stamp
from layani.directory.models import Category
from layani.intake.models import Report, ReportStatus
from layani.routing.models import RoutingDecision

pytestmark = pytest.mark.django_db

MOMENTS = [
    datetime(2026, 1, 5, 23, 30, tzinfo=UTC),  # the next day in Jakarta
    datetime(2026, 8, 17, 3, 4, 5, 123456, tzinfo=UTC),
    datetime(2025, 12, 31, 17, 0, tzinfo=UTC),  # new year in Jakarta
]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Jayapura", "UTC"])
def test_stamp_prints_what_the_date_filter_prints(language, zone):
    template = engines["django"].from_string('{{ t|date:"c" }}|{{ t|date:"d M Y H:i" }}')
    with translation.override(language), timezone.override(zone):
        for moment in MOMENTS:
            printed = stamp(moment)
            assert f"{printed.iso}|{printed.text}" == template.render({"t": moment})


def test_labels_are_the_translated_choice_labels():
    with translation.override("id"):
        assert labels(ReportStatus)[ReportStatus.SUBMITTED] == str(ReportStatus.SUBMITTED.label)
        assert labels(ReportStatus)[ReportStatus.SUBMITTED] != "Submitted"
    with translation.override("en"):
        assert labels(TaskStatus)[TaskStatus.PENDING] == str(TaskStatus.PENDING.label)


def test_queue_rows_show_new_and_bounced_reports(client, staff_login, team, make_report):
    new, bounced = make_report(), make_report()
    Case.objects.create(report=bounced, bounced=True)
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue")).content.decode()
    row_of = {
        r.tracking_id: html.split(f'value="{r.tracking_id}"')[1][:2000] for r in (new, bounced)
    }
    moment = stamp(new.submitted_at)
    assert f'<time datetime="{moment.iso}">{moment.text}</time>' in row_of[new.tracking_id]
    assert reverse("console:case", args=[new.tracking_id]) in row_of[new.tracking_id]
    with translation.override("id"):
        assert str(ReportStatus(new.status).label) in row_of[new.tracking_id]
    assert 'class="bounced"' in html.split(f'value="{bounced.tracking_id}"')[0][-200:]
    assert 'class="bounced"' not in html.split(f'value="{new.tracking_id}"')[0][-200:]
    # In the queue's order (bounced first), not in the order the rows were read.
    assert html.index(f'value="{bounced.tracking_id}"') < html.index(f'value="{new.tracking_id}"')


def test_inbox_rows_mark_overdue_open_tasks_only(client, staff_login, team, make_report):
    late, done = make_report(), make_report()
    past = timezone.now() - timedelta(days=2)
    for report, status in ((late, TaskStatus.PENDING), (done, TaskStatus.DONE)):
        Task.objects.create(
            case=Case.objects.create(report=report),
            agency=team.dinas_pu,
            role=TaskRole.LEAD,
            status=status,
            due_at=past,
            created_at=past,
        )
    staff_login(team.officer_pu)
    url = reverse("console:inbox", args=[team.dinas_pu.slug])
    active = client.get(url).content.decode()
    assert 'class="overdue"' in active and late.display_tracking_id in active
    assert done.display_tracking_id not in active
    finished = client.get(url, {"status": "done"}).content.decode()
    assert done.display_tracking_id in finished and 'class="overdue"' not in finished
    moment = stamp(past)  # the deadline with its zone ("WIB")
    assert moment.zone == "WIB"
    assert f'<time datetime="{moment.iso}">{moment.text} {moment.zone}</time>' in finished


def test_queue_header_counts_a_new_report_at_once(
    client, staff_login, team, make_report, private_cache
):
    # Counts are cached by newest report id, which a rolled-back earlier test may have used too.
    make_report()
    staff_login(team.coordinator)

    def header() -> str:
        html = client.get(reverse("console:queue")).content.decode()
        return html.split("<h1>", 1)[1].split("</p>", 1)[0]

    assert "<p>1 laporan menunggu keputusan.</p>" in header() + "</p>"
    make_report()
    assert "<p>2 laporan menunggu keputusan.</p>" in header() + "</p>"


def test_queue_row_shows_the_routers_suggestion(client, staff_login, team, make_report):
    report = make_report()
    category = Category.objects.get(code="jalan-rusak")
    RoutingDecision.objects.create(
        report=report,
        model_label="test",
        suggested_category=category,
        category_confidence=0.874,
        main_category_confidence=0.9,
        suggested_agency=team.dinas_pu,
    )
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue")).content.decode()
    row = html.split(f'value="{report.tracking_id}"')[1].split("</tr>")[0]
    assert f'{category.name} <span class="tag">87%</span> → {team.dinas_pu.short_name}' in row


def test_inbox_row_names_the_assigned_officer(client, staff_login, team, make_report):
    report = make_report()
    Task.objects.create(
        case=Case.objects.create(report=report),
        agency=team.dinas_pu,
        role=TaskRole.LEAD,
        assigned_officer=team.officer_pu,
        due_at=timezone.now() + timedelta(days=3),
        created_at=timezone.now(),
    )
    staff_login(team.officer_pu)
    html = client.get(reverse("console:inbox", args=[team.dinas_pu.slug])).content.decode()
    row = html.split(report.display_tracking_id)[1].split("</tr>")[0]
    assert f"<td>{team.officer_pu}</td>" in row and 'class="overdue"' not in html


def test_case_urls_match_reverse_for_every_tracking_id_shape(make_report):
    url = case_urls()
    for tracking_id in ("M16RHRK61K", "0000000000", make_report().tracking_id):
        assert url(tracking_id) == reverse("console:case", args=[tracking_id])


def test_queue_rows_name_categories_in_the_active_language(make_report):
    report = make_report()
    values = list(Report.objects.filter(pk=report.pk).values(*QUEUE_FIELDS))
    category = report.category
    assert category.name_en and category.name_en != category.name
    for language, name in (("id", category.name), ("en", category.name_en)):
        with translation.override(language):
            assert (
                queue_rows(values, Audience.REVEALED)[0].category == name == category.display_name
            )
