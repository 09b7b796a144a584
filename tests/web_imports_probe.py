"""Run in a fresh process by tests/test_web_imports.py (not collected on its own: no ``test_``
prefix): what a web worker does on common requests, then which heavy libraries it imported.

A meta-path hook installed before Django's setup notes who first imported each library, so a
failure names the chain to cut, not only the library.
"""

from __future__ import annotations

import importlib.abc
import sys
import traceback

#: The numeric stack behind the router's model: about 110 MB a process (docs/deploy.md).
NUMERIC = ("numpy", "scipy", "sklearn", "joblib")
first_import: dict[str, str] = {}


class _Witness(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        top = name.partition(".")[0]
        if top in NUMERIC and top not in first_import:
            frames = [f"{f.filename}:{f.lineno}" for f in traceback.extract_stack()]
            first_import[top] = " -> ".join(f for f in frames if "/layani/" in f)[-1500:]
        return None


sys.meta_path.insert(0, _Witness())

import pytest  # noqa: E402
from django.urls import get_resolver, reverse  # noqa: E402
from django.urls.resolvers import URLResolver  # noqa: E402

from conftest import A_SLEMAN_VILLAGE  # noqa: E402

pytestmark = pytest.mark.django_db


def _walk(resolver: URLResolver) -> int:
    """Import every URL module (includes are resolved lazily) and count the patterns."""
    count = 0
    for pattern in resolver.url_patterns:
        count += _walk(pattern) if isinstance(pattern, URLResolver) else 1
    return count


@pytest.fixture
def queued_not_run(settings):
    # As in production, tasks wait for a worker: the tests' backend would run them in this
    # process (and a suggestion task loads the model, which is the worker's business).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_common_requests_import_no_numeric_library(
    client, staff_login, team, make_report, queued_not_run
):
    from layani.open311.keys import issue_api_key

    assert _walk(get_resolver()) > 100
    report = make_report()
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.get(reverse("portal:submit")).status_code == 200
    assert client.get("/laporan/").status_code == 200
    key = issue_api_key("Probe")[1]
    posted = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "service_code": "jalan-rusak",
            "region_code": A_SLEMAN_VILLAGE,
            "description": "Jalan berlubang di depan balai padukuhan, sudah tiga minggu.",
            "email": "warga@example.org",
            "address_string": "Jl. Kaliurang km 9",
        },
    )
    assert posted.status_code == 200, posted.content
    staff_login(team.coordinator)
    assert client.get(reverse("console:queue")).status_code == 200
    assert client.get(reverse("console:case", args=[report.tracking_id])).status_code == 200
    loaded = sorted(name for name in NUMERIC if name in sys.modules)
    assert not loaded, "\n".join(f"{name}: {first_import.get(name, '?')}" for name in loaded)
