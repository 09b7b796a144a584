"""Concurrent writers on PostgreSQL still build one unbroken chain (no fork, no gap)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from layani.audit.models import AuditEntry
from layani.audit.services import record
from layani.audit.testing import purge_audit_log
from layani.audit.verify import verify_chain

WRITERS = 8
ENTRIES_EACH = 15


@pytest.fixture
def purged_afterwards(transactional_db):
    """The runner's flush cannot empty append-only tables, so empty them first."""
    yield
    purge_audit_log()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_build_one_chain(purged_afterwards: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite admits one writer at a time; the race exists on PostgreSQL only")
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            start.wait()
            for index in range(ENTRIES_EACH):
                with transaction.atomic():
                    record(
                        "task.referred",
                        actor_ref=f"user:{number}",
                        object_type="task",
                        object_ref=f"{number}-{index}",
                        payload={"writer": number, "index": index},
                    )
        except BaseException as error:  # collected and re-raised in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    total = WRITERS * ENTRIES_EACH
    assert list(AuditEntry.objects.values_list("sequence", flat=True)) == list(range(1, total + 1))
    prev_hashes = list(AuditEntry.objects.values_list("prev_hash", flat=True))
    assert len(set(prev_hashes)) == total
    result = verify_chain()
    assert result.ok, str(result)
    assert result.entry_count == total
