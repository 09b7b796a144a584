"""Each role lands on a page made for it after signing in (issue #20): the oversight role's
landing page answered 404."""

import pytest
from django.urls import reverse

from layani.accounts.models import Membership, Role

pytestmark = pytest.mark.django_db


def landing(client, staff_login, user):
    staff_login(user)
    response = client.get(reverse("console:home"))
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    return response["Location"], page


@pytest.mark.parametrize(
    ("who", "where"),
    [
        ("coordinator", lambda t: reverse("console:queue")),
        ("auditor", lambda t: reverse("console:dashboard")),  # oversight (Inspektorat)
        ("supervisor", lambda t: reverse("console:agency-dashboard", args=[t.dinas_pu.slug])),
        ("admin_pu", lambda t: reverse("console:inbox", args=[t.dinas_pu.slug])),
        ("officer_pu", lambda t: reverse("console:inbox", args=[t.dinas_pu.slug]) + "?mine=1"),
    ],
)
def test_every_role_lands_on_a_working_page(client, staff_login, team, who, where):
    location, page = landing(client, staff_login, getattr(team, who))
    assert location == where(team)
    assert page.status_code == 200


def test_several_memberships_land_on_the_widest_view(client, staff_login, team):
    Membership.objects.create(user=team.officer_pu, agency=team.inspektorat, role=Role.OVERSIGHT)
    location, page = landing(client, staff_login, team.officer_pu)
    assert location == reverse("console:dashboard") and page.status_code == 200
    Membership.objects.create(user=team.officer_pu, agency=team.pemda, role=Role.COORDINATOR)
    location, page = landing(client, staff_login, team.officer_pu)
    assert location == reverse("console:queue") and page.status_code == 200


def test_only_coordinators_see_the_queue_in_the_navigation(client, staff_login, team):
    staff_login(team.officer_pu)
    html = client.get(reverse("console:inbox", args=[team.dinas_pu.slug])).content.decode()
    assert f'href="{reverse("console:queue")}"' not in html
    staff_login(team.coordinator)
    html = client.get(reverse("console:queue")).content.decode()
    assert html.count(f'href="{reverse("console:queue")}"') == 1
