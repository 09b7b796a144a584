"""The admin shows cases but cannot move them; response templates are editable."""

import pytest

from layani.cases.models import Case, ResponseTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(staff_login, admin_user):
    """The superuser's session after the second factor, which the admin asks for."""
    return staff_login(admin_user)


def test_admin_lists_cases_read_only_and_edits_templates(admin_client, team, make_report):
    from layani.cases import services

    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    assert admin_client.get("/admin/cases/task/").status_code == 200
    assert admin_client.get("/admin/cases/case/add/").status_code == 403
    response = admin_client.post(
        "/admin/cases/responsetemplate/add/", {"title": "Terima kasih", "body": "Terima kasih."}
    )
    assert response.status_code == 302
    assert ResponseTemplate.objects.filter(title="Terima kasih", body="Terima kasih.").exists()
    delete = admin_client.post(f"/admin/cases/case/{report.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    assert Case.objects.filter(pk=report.pk).exists()
