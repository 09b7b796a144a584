"""The case page in words (issue #20): answers as question and answer, the audit trail with
actions' words and people's names, the service class named, categories grouped, and feedback
that says what happened after every action."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from layani.accounts.selectors import actor_names
from layani.audit.models import AuditEntry
from layani.audit.vocabulary import staff_words
from layani.cases import services
from layani.cases.models import Task
from layani.console.words import timeline
from layani.directory.models import Category
from layani.intake.models import Report

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def case_url(report, action=None):
    if action:
        return reverse("console:action", args=[report.tracking_id, action])
    return reverse("console:case", args=[report.tracking_id])


def flash(response) -> str:
    html = response.content.decode()
    return unescape(html.split('class="flash flash-success">')[1].split("</p>")[0])


def test_answers_show_question_and_answer_in_words(client, staff_login, team, make_report):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(answers={"ukuran": "kecil"})
    staff_login(team.coordinator)
    html = client.get(case_url(report), **EN).content.decode()
    answers = html.split("data-answers>")[1].split("</dl>")[0]
    assert "<dt>Seberapa besar kerusakannya?</dt><dd>Kecil (satu lubang)</dd>" in answers
    assert "ukuran" not in answers and ">kecil<" not in answers


def test_audit_trail_shows_words_and_names(client, staff_login, team, make_report):
    team.coordinator.first_name, team.coordinator.last_name = "Rina", "Wati"
    team.coordinator.save()
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    staff_login(team.coordinator)
    html = client.get(case_url(report), **EN).content.decode()
    trail = html.split("data-audit>")[1].split("</ol>")[0]
    assert "report.verified" not in trail and "user:" not in trail
    assert "Verified and classified" in trail and "Rina Wati" in trail
    assert "Report received" in trail


def test_timeline_names_cost_the_same_queries_for_many_entries(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    services.accept_task(Task.objects.get(case_id=report.pk), actor=team.admin_pu)
    entries = list(AuditEntry.objects.filter(object_ref=report.tracking_id))
    assert len({e.actor_ref for e in entries}) >= 3  # citizen, coordinator, agency admin
    with CaptureQueriesContext(connection) as few:
        timeline([e for e in entries if e.actor_ref.startswith("user:")][:1])
    with CaptureQueriesContext(connection) as many:
        shown = timeline(entries)
    assert len(many) == len(few)
    assert {e.what for e in shown} == {staff_words(e.action) for e in entries}


def test_citizen_and_system_are_named_in_words(team):
    with translation.override("en"):
        names = actor_names(["system", "citizen", f"user:{team.citizen.pk}", "user:999999"])
    assert names["system"].name == "Layani (automatic)"
    assert names["citizen"].name == "The reporter"
    assert names[f"user:{team.citizen.pk}"].name == "The reporter"  # never a citizen's name
    assert names["user:999999"].name == "user:999999"


def test_service_class_is_named_not_coded(client, staff_login, team, make_report):
    report = make_report()
    staff_login(team.coordinator)
    html = client.get(case_url(report), **EN).content.decode()
    suggestion = html.split("data-routing>")[1].split("</div>")[0]
    assert "· berkadar" not in suggestion
    assert "Requiring field inspection" in suggestion


def test_case_page_shows_the_stored_suggestion_or_asks_the_queue(
    client, staff_login, team, make_report, settings
):
    from django_tasks import default_task_backend

    from layani.console import tasks
    from layani.routing.models import RoutingDecision

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report = make_report()
    staff_login(team.coordinator)
    try:
        html = client.get(case_url(report), **EN).content.decode()
        # Nothing stored yet: the page says so and asks the queue, which holds the model.
        assert "data-routing-pending" in html and "data-routing>" not in html
        assert [r.args for r in default_task_backend.results] == [[[report.pk]]]
        assert not RoutingDecision.objects.filter(report=report).exists()
        tasks.suggest_reports.call([report.pk])  # what the worker then does
        html = client.get(case_url(report), **EN).content.decode()
        suggestion = html.split("data-routing>")[1].split("</div>")[0]
        assert "Damaged roads" in suggestion and "%" in suggestion
        assert "data-routing-pending" not in html
    finally:
        tasks._asked.clear()


def test_category_dropdown_is_grouped_and_sorted(client, staff_login, team, make_report):
    report = make_report()
    staff_login(team.coordinator)
    html = client.get(case_url(report), **EN).content.decode()
    select = html.split('name="category"')[1].split("</select>")[0]
    groups = [g.split('"')[0] for g in select.split('<optgroup label="')[1:]]
    mains = Category.objects.filter(parent__isnull=True, children__isnull=False).distinct()
    assert len(groups) == mains.count() and groups == sorted(groups, key=str.casefold)
    first_group = select.split('<optgroup label="')[1].split("</optgroup>")[0]
    names = [o.split(">")[1].split("<")[0] for o in first_group.split("<option")[1:]]
    assert names == sorted(names, key=str.casefold)


def test_every_action_says_what_happened(client, staff_login, team, make_report):
    report = make_report()
    staff_login(team.coordinator)
    response = client.post(
        case_url(report, "verify"), {"service_class": "normatif"}, follow=True, **EN
    )
    assert "Done." not in flash(response)
    with translation.override("en"):
        category = str(Report.objects.get(pk=report.pk).category)
    assert flash(response) == f"Verified as {category}."
    response = client.post(
        case_url(report, "dispose"),
        {"lead": team.dinas_pu.pk, "co_handlers": [team.dinkes.pk]},
        follow=True,
        **EN,
    )
    text = flash(response)
    assert text.startswith("Sent to DPUPKP Sleman, first follow-up due ") and "WIB" in text
    assert "Co-handling: Dinkes Sleman." in text
    lead = Task.objects.get(case_id=report.pk, agency=team.dinas_pu)
    staff_login(team.admin_pu)
    response = client.post(
        reverse("console:task-action", args=[report.tracking_id, lead.pk, "accept"]),
        follow=True,
        **EN,
    )
    assert flash(response).startswith("Task accepted.")
    response = client.post(
        case_url(report, "message"), {"kind": "internal", "body": "Cek lokasi"}, follow=True, **EN
    )
    assert flash(response) == "Internal note saved."
    response = client.post(
        case_url(report, "message"), {"kind": "follow_up", "body": "Dijadwalkan"}, follow=True, **EN
    )
    assert flash(response) == "Follow-up sent to the reporter."
    co = Task.objects.get(case_id=report.pk, agency=team.dinkes)
    staff_login(team.admin_dinkes)
    for action, data in (("accept", {}), ("complete", {"summary": "Sudah dicek."})):
        response = client.post(
            reverse("console:task-action", args=[report.tracking_id, co.pk, action]),
            data,
            follow=True,
            **EN,
        )
    assert flash(response) == "Your agency's part is reported done."
    staff_login(team.admin_pu)
    response = client.post(
        case_url(report, "propose-closure"),
        {"outcome": "resolved", "explanation": "Sudah ditambal."},
        follow=True,
        **EN,
    )
    assert flash(response) == "Resolution proposed: the reporter is asked to confirm it."


def test_hold_archive_and_refer_feedback(client, staff_login, team, make_report):
    held, spam = make_report(), make_report()
    staff_login(team.coordinator)
    response = client.post(case_url(held, "hold"), {"question": "Di RT berapa?"}, follow=True, **EN)
    assert "asked for more information" in flash(response)
    response = client.post(case_url(spam, "archive"), {"reason": "iklan"}, follow=True, **EN)
    assert flash(response).startswith("Archived")
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    task = Task.objects.get(case_id=report.pk)
    staff_login(team.admin_pu)
    response = client.post(
        reverse("console:task-action", args=[report.tracking_id, task.pk, "refer"]),
        {"to": team.satpol.pk, "reason": "Wewenang Satpol"},
        follow=True,
        **EN,
    )
    assert flash(response) == "Referred to Satpol PP Sleman."
