"""`layani audit verify|checkpoint|public-key` and their exit statuses."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from layani.audit.models import AuditCheckpoint, AuditEntry
from layani.audit.testing import append_only_bypassed

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


def test_verify_prints_ok_with_the_count(write_entries):
    write_entries(3)
    assert run("verify").startswith("OK: 3 entries")


def test_verify_names_the_first_bad_entry_and_exits_with_status_1(write_entries):
    entries = write_entries(3)
    with append_only_bypassed():
        AuditEntry.objects.filter(pk=entries[1].pk).update(actor_ref="user:666")
    with pytest.raises(CommandError) as caught:
        run("verify")
    assert caught.value.returncode == 1
    assert f"entry id={entries[1].pk} seq=2" in str(caught.value)


def test_checkpoint_creates_and_prints_one(write_entries):
    write_entries(2)
    output = run("checkpoint")
    checkpoint = AuditCheckpoint.objects.get()
    assert checkpoint.statement in output
    assert checkpoint.signature in output


def test_checkpoint_on_an_empty_log_says_so_and_succeeds():
    assert "empty" in run("checkpoint")
    assert not AuditCheckpoint.objects.exists()


def test_checkpoint_refuses_a_broken_chain_with_status_1(write_entries):
    write_entries(2)
    with append_only_bypassed():
        AuditEntry.objects.filter(sequence=1).delete()
    with pytest.raises(CommandError) as caught:
        run("checkpoint")
    assert caught.value.returncode == 1
    assert not AuditCheckpoint.objects.exists()


def test_public_key_prints_pem():
    assert run("public-key").startswith("-----BEGIN PUBLIC KEY-----")


def test_a_subcommand_is_required():
    with pytest.raises(CommandError):
        run()
