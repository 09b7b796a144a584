"""Boundaries are shown in the admin, read-only (they come from `layani load_boundaries`)."""

from __future__ import annotations

import pytest

from layani.accounts.models import User
from layani.directory.models import Boundary
from layani.security.totp import SESSION_FLAG

pytestmark = pytest.mark.django_db


def test_the_admin_lists_boundaries_and_cannot_change_them(client, boundaries):
    root = User.objects.create_superuser("root", password="x-pass-123")
    client.force_login(root)
    session = client.session
    session[SESSION_FLAG] = True
    session.save()
    listed = client.get("/admin/directory/boundary/?q=Kricak")
    assert listed.status_code == 200 and b"Kricak" in listed.content
    one = Boundary.objects.get(region_id="34.71.01.1001")
    page = client.get(f"/admin/directory/boundary/{one.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert (
        client.post(f"/admin/directory/boundary/{one.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Boundary.objects.filter(pk=one.pk).exists()
