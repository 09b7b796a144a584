"""API keys: printed once, stored only as a digest, revocable, recorded in the audit log."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from layani.audit.models import AuditEntry
from layani.open311.keys import authenticate, digest_of
from layani.open311.models import ApiKey

pytestmark = pytest.mark.django_db


def issue(name: str) -> str:
    out = StringIO()
    call_command("open311", "issue-key", name, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_issue_key_prints_a_key_that_is_stored_only_as_its_digest():
    raw = issue("Aplikasi Jogja Smart")
    key = ApiKey.objects.get()
    assert raw.startswith("l311_") and len(raw) > 40
    assert key.digest == digest_of(raw)
    assert raw not in str(list(ApiKey.objects.values()))
    assert authenticate(raw) == key
    assert authenticate(raw + "x") is None
    assert [e.action for e in AuditEntry.objects.all()] == ["open311.key_issued"]
    assert raw not in str(AuditEntry.objects.get().payload)


def test_revoke_key_stops_every_key_of_that_integrator():
    first, second = issue("Kios A"), issue("Kios A")
    other = issue("Kios B")
    call_command("open311", "revoke-key", "Kios A", stdout=StringIO())
    assert authenticate(first) is None and authenticate(second) is None
    assert authenticate(other) is not None
    with pytest.raises(CommandError):
        call_command("open311", "revoke-key", "Kios A", stdout=StringIO())


def test_list_keys_shows_prefixes_never_keys():
    raw = issue("Kios A")
    out = StringIO()
    call_command("open311", "list-keys", stdout=out)
    assert "Kios A" in out.getvalue() and raw not in out.getvalue()


def test_a_blank_name_is_refused():
    with pytest.raises(CommandError):
        issue("   ")
