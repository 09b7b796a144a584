"""Fixtures for the audit tests: a throwaway signing key, and a helper that writes a short chain."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from layani.audit import signing
from layani.audit.models import AuditEntry, Visibility
from layani.audit.services import record


@pytest.fixture(autouse=True)
def signing_key_file(settings, tmp_path: Path) -> Path:
    """Every test signs with its own key, never with the development key under ./var."""
    path = tmp_path / "audit-signing-key.pem"
    signing.generate_key_file(path)
    settings.LAYANI_AUDIT_SIGNING_KEY_FILE = str(path)
    return path


@pytest.fixture
def write_entries() -> Callable[..., list[AuditEntry]]:
    """Record `count` ordinary events on one report, as the intake and cases apps would."""

    def write(count: int, object_ref: str = "K7R4XA96HW") -> list[AuditEntry]:
        return [
            record(
                "report.status_changed",
                actor_ref=f"user:{index + 1}",
                object_type="report",
                object_ref=object_ref,
                payload={"step": index, "status": "verified", "agency": "dinas-pu"},
                visibility=Visibility.PUBLIC if index % 2 == 0 else Visibility.INTERNAL,
            )
            for index in range(count)
        ]

    return write
