"""Staff can read the audit log in the admin, and nobody can add, change or delete through it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from layani.audit.services import create_checkpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(staff_login, admin_user):
    """The superuser's session after the second factor, which the admin asks for."""
    return staff_login(admin_user)


def test_admin_lists_and_shows_but_never_edits(admin_client, write_entries):
    entry = write_entries(1)[0]
    checkpoint = create_checkpoint()
    assert checkpoint is not None
    assert admin_client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:audit_auditcheckpoint_changelist")).status_code == 200
    detail = admin_client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert admin_client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    delete_url = reverse("admin:audit_auditentry_delete", args=[entry.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    shown = admin_client.get(reverse("admin:audit_auditcheckpoint_change", args=[checkpoint.pk]))
    assert checkpoint.statement.encode() in shown.content
