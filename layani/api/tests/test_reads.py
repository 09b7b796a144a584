"""The agency, its inbox (filters, pagination) and one case."""

from datetime import timedelta

import pytest
from django.utils import timezone

from layani.cases import services
from layani.cases.models import Task

from .conftest import task_of

pytestmark = pytest.mark.django_db


def test_agency_lists_units_and_officers_for_delegation(pu, team):
    body = pu.get("/api/v1/agency").json()
    assert body["slug"] == team.dinas_pu.slug
    assert body["units"] == [{"id": team.unit_pu.pk, "name": team.unit_pu.name}]
    assert [o["id"] for o in body["officers"]] == [team.officer_pu.pk]
    assert body["scopes"] == ["read", "write"]


def test_inbox_item_carries_task_and_case_summary(disposed, pu, team):
    item = pu.get("/api/v1/tasks").json()["items"][0]
    assert item["task"]["tracking_id"] == disposed.tracking_id
    assert item["task"]["role"] == "lead" and item["task"]["status"] == "pending"
    assert item["task"]["due_at"] is not None
    assert item["report"]["status"] == "in_progress"
    assert item["report"]["region"]["code"] == disposed.region_id


def test_inbox_filters_by_status_and_overdue(disposed, pu, team):
    assert pu.get("/api/v1/tasks", status="pending").json()["count"] == 1
    assert pu.get("/api/v1/tasks", status="accepted").json()["count"] == 0
    assert pu.get("/api/v1/tasks", overdue="true").json()["count"] == 0
    Task.objects.filter(agency=team.dinas_pu).update(due_at=timezone.now() - timedelta(days=1))
    item = pu.get("/api/v1/tasks", overdue="true").json()["items"][0]
    assert item["task"]["overdue"] is True


def test_inbox_updated_since_counts_any_event_on_the_case(disposed, pu, team):
    later = timezone.now() + timedelta(seconds=1)
    assert pu.get("/api/v1/tasks", updated_since=later.isoformat()).json()["count"] == 0
    services.post_message(
        disposed, actor=team.officer_dinkes, kind="thread", body="x", now=later + timedelta(1)
    )
    assert pu.get("/api/v1/tasks", updated_since=later.isoformat()).json()["count"] == 1


def test_inbox_paginates(team, make_report, pu):
    for _ in range(3):
        report = make_report()
        services.verify_report(report, actor=team.coordinator)
        services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    first = pu.get("/api/v1/tasks", limit=2).json()
    second = pu.get("/api/v1/tasks", limit=2, offset=2).json()
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    ids = {i["task"]["id"] for i in first["items"] + second["items"]}
    assert len(ids) == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"status": "bogus"}, "status"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2025-01-01T00:00:00"}, "updated_since"),  # no time zone
        ({"updated_since": "0001-01-01T00:00:00+14:00"}, "updated_since"),
    ],
)
def test_invalid_filters_are_400_naming_the_field(pu, params, field):
    response = pu.get("/api/v1/tasks", **params)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["field"] == field


def test_case_shows_content_tasks_deadlines_and_messages(disposed, pu, team):
    services.post_message(disposed, actor=team.officer_pu, kind="follow_up", body="Sudah disurvei.")
    body = pu.get(f"/api/v1/cases/{disposed.display_tracking_id}").json()
    assert body["report"]["tracking_id"] == disposed.tracking_id
    assert body["description"] == disposed.description
    assert body["case"]["lead_agency"]["slug"] == team.dinas_pu.slug
    assert {t["agency"]["slug"] for t in body["tasks"]} == {team.dinas_pu.slug, team.dinkes.slug}
    assert all(t["due_at"] for t in body["tasks"])
    assert [(m["kind"], m["body"]) for m in body["messages"]] == [("follow_up", "Sudah disurvei.")]


def test_case_of_own_task_and_task_ids_match(disposed, pu, team):
    body = pu.get(f"/api/v1/cases/{disposed.tracking_id}").json()
    own = [t for t in body["tasks"] if t["agency"]["slug"] == team.dinas_pu.slug]
    assert [t["id"] for t in own] == [task_of(disposed, team.dinas_pu).pk]


@pytest.mark.parametrize("ref", ["nonsense", "K7R-4XA-96HX", "%00", "x" * 41])
def test_unknown_or_malformed_tracking_ids_are_4xx(pu, ref):
    assert pu.get(f"/api/v1/cases/{ref}").status_code in (400, 404)
