"""The console over HTTP: access, the coordinator's and agencies' journeys, refusals as 400s."""

import pytest
from django.urls import reverse

from layani.audit.models import AuditEntry
from layani.cases import services
from layani.cases.models import Task
from layani.intake.models import Channel, PrivacyTier, Report, ReporterIdentity, ReportStatus

pytestmark = pytest.mark.django_db


def case_url(report, action=None):
    if action:
        return reverse("console:action", args=[report.tracking_id, action])
    return reverse("console:case", args=[report.tracking_id])


def test_console_needs_a_staff_login(client, staff_login, team, make_report):
    report = make_report()
    assert client.get(case_url(report)).status_code == 302  # to the login page
    staff_login(team.citizen)
    assert client.get(case_url(report)).status_code == 404


def test_coordinator_verifies_and_disposes_from_the_queue(client, staff_login, team, make_report):
    report = make_report()
    staff_login(team.coordinator)
    queue = client.get(reverse("console:queue"))
    assert report.display_tracking_id in queue.content.decode()
    page = client.get(case_url(report))
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "S*** R*****" in html and "Siti Rahayu" not in html
    assert client.post(case_url(report, "verify"), {"service_class": "normatif"}).status_code == 302
    response = client.post(
        case_url(report, "dispose"),
        {"lead": team.dinas_pu.pk, "co_handlers": [team.dinkes.pk], "instructions": "Segera"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_PROGRESS
    assert Task.objects.filter(case_id=report.pk).count() == 2


def test_refused_moves_and_bad_input_come_back_as_400_with_a_message(
    client, staff_login, team, make_report
):
    report = make_report()
    staff_login(team.coordinator)
    response = client.post(case_url(report, "dispose"), {"lead": team.dinas_pu.pk})
    assert response.status_code == 400
    assert "flash-error" in response.content.decode()
    response = client.post(case_url(report, "hold"), {})
    assert response.status_code == 400
    response = client.post(case_url(report, "no-such-action"), {})
    assert response.status_code == 404


def test_agency_sees_only_its_cases_and_never_anonymous_identity(
    client, staff_login, team, make_report
):
    anonymous = make_report(PrivacyTier.ANONIM)
    services.verify_report(anonymous, actor=team.coordinator)
    services.dispose_report(anonymous, actor=team.coordinator, lead=team.dinas_pu)
    staff_login(team.admin_pu)
    html = client.get(case_url(anonymous)).content.decode()
    for secret in ("Siti", "S*** R*****", "0812", "3404074107900001", "siti@"):
        assert secret not in html
    inbox = client.get(reverse("console:inbox", args=[team.dinas_pu.slug])).content.decode()
    assert anonymous.display_tracking_id in inbox
    staff_login(team.officer_satpol)
    assert client.get(case_url(anonymous)).status_code == 404
    assert client.get(reverse("console:inbox", args=[team.dinas_pu.slug])).status_code == 404


def test_reveal_shows_identity_once_and_is_audited(client, staff_login, team, make_report):
    report = make_report()
    staff_login(team.coordinator)
    response = client.post(
        reverse("console:reveal", args=[report.tracking_id]),
        {"reason": "Menghubungi pelapor untuk klarifikasi"},
    )
    assert response.status_code == 200
    assert "081234567890" in response.content.decode()
    assert AuditEntry.objects.filter(action="identity.revealed").count() == 1
    assert "081234567890" not in client.get(case_url(report)).content.decode()


def test_agency_accepts_delegates_follows_up_and_proposes_closure(
    client, staff_login, team, make_report
):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    task = Task.objects.get(case_id=report.pk)
    staff_login(team.admin_pu)
    base = ["console:task-action", report.tracking_id, task.pk]
    assert client.post(reverse(base[0], args=[*base[1:], "accept"])).status_code == 302
    assert (
        client.post(
            reverse(base[0], args=[*base[1:], "delegate"]),
            {"unit": team.unit_pu.pk, "officer": team.officer_pu.pk},
        ).status_code
        == 302
    )
    staff_login(team.officer_pu)
    assert (
        client.post(
            case_url(report, "message"), {"kind": "follow_up", "body": "Sudah disurvei."}
        ).status_code
        == 302
    )
    assert (
        client.post(
            case_url(report, "propose-closure"),
            {"outcome": "resolved", "explanation": "Sudah ditambal."},
        ).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSURE_PROPOSED


def test_assisted_intake_records_who_entered_it(client, staff_login, team, categories, regions):
    staff_login(team.officer_pu)
    response = client.post(
        reverse("console:intake"),
        {
            "channel": Channel.WALK_IN,
            "type": "pengaduan",
            "description": "Warga datang melapor",
            "region_code": "34.04.07.2001",
            "privacy": "biasa",
            "name": "Pak Darmo",
        },
    )
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.channel == Channel.WALK_IN
    assert ReporterIdentity.objects.get(report=report).entered_by == team.officer_pu
    assert report.display_tracking_id in response.content.decode()
    bad = client.post(
        reverse("console:intake"),
        {
            "channel": Channel.PHONE,
            "type": "pengaduan",
            "description": "x",
            "region_code": "99.99",
            "privacy": "biasa",
        },
    )
    assert bad.status_code == 400
    assert "Unknown region code" in bad.content.decode() or "tidak dikenal" in bad.content.decode()


def test_bulk_archive_from_the_queue(client, staff_login, team, make_report):
    reports = [make_report(), make_report()]
    staff_login(team.coordinator)
    client.post(
        reverse("console:bulk"),
        {"action": "archive", "reason": "Spam", "report": [r.tracking_id for r in reports]},
    )
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.ARCHIVED}


def test_workload_and_saved_views(client, staff_login, team, make_report):
    staff_login(team.admin_pu)
    response = client.get(reverse("console:workload", args=[team.dinas_pu.slug]))
    assert response.status_code == 200 and "petugas_pu" in response.content.decode()
    client.post(
        reverse("console:save-view", args=[team.dinas_pu.slug]),
        {"name": "Terlambat", "query": "overdue=1"},
    )
    inbox = client.get(reverse("console:inbox", args=[team.dinas_pu.slug])).content.decode()
    assert "Terlambat" in inbox
    staff_login(team.officer_pu)
    assert client.get(reverse("console:workload", args=[team.dinas_pu.slug])).status_code == 404


def test_roles_that_can_reveal_identities_need_a_second_factor(client, team, make_report):
    import pyotp

    from layani.security.models import TotpDevice

    report = make_report()
    client.force_login(team.coordinator)
    response = client.get(case_url(report))
    assert response.status_code == 302 and "/konsol/verifikasi/" in response["Location"]
    enrol = client.get(response["Location"])
    assert "<svg" in enrol.content.decode()
    secret = TotpDevice.objects.get(user=team.coordinator).secret
    bad = client.post(reverse("console:second-factor"), {"code": "000000"})
    assert bad.status_code == 400
    good = client.post(
        reverse("console:second-factor"),
        {"code": pyotp.TOTP(secret).now(), "next": case_url(report)},
    )
    assert good.status_code == 302 and good["Location"] == case_url(report)
    assert client.get(case_url(report)).status_code == 200
    # The same code cannot be used twice (a fresh session must wait for the next code).
    client.logout()
    client.force_login(team.coordinator)
    reuse = client.post(reverse("console:second-factor"), {"code": pyotp.TOTP(secret).now()})
    assert reuse.status_code == 400


def test_officers_need_no_second_factor(client, team, make_report):
    client.force_login(team.officer_pu)
    response = client.get(reverse("console:inbox", args=[team.dinas_pu.slug]))
    assert response.status_code == 200


def test_coordinator_sees_the_router_suggestion_and_likely_duplicates(
    client, staff_login, team, make_report
):
    first, second = make_report(), make_report()
    staff_login(team.coordinator)
    html = client.get(case_url(second)).content.decode()
    assert "data-routing" in html
    assert first.display_tracking_id in html  # same text, same village, same day
    staff_login(team.admin_pu)
    assert client.get(case_url(second)).status_code == 404  # not disposed: not theirs
