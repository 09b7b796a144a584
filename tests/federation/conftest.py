"""The live pair of deployments, once per test module and database backend.

The audit tables refuse deletes, so a pair is never flushed between tests: each test works on its
own reports and checks them by tracking ID, never by global counts it did not cause.
"""

from __future__ import annotations

import os

import pytest

from .harness import Pair


def pytest_configure(config):
    # Registered here too so that `-p no:xdist` with --strict-markers accepts the group marker.
    config.addinivalue_line("markers", "xdist_group(name): run in one xdist worker")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def pair(request):
    url = os.environ.get("DATABASE_URL", "")
    if request.param == "postgresql" and not url.startswith("postgres"):
        pytest.skip("PostgreSQL pair: set DATABASE_URL to a PostgreSQL server")
    live = Pair(url if request.param == "postgresql" else None)
    try:
        live.prepare()
        live.start()
        yield live
    finally:
        live.close()
