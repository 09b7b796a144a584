"""While the database is away, views answer a clear 503 (checklist item 15), on any backend.

The PostgreSQL crash test shows it with a real outage; these show the mapping itself quickly: a
database error in a view becomes a short bilingual 503 with Retry-After, not a 500 page.
"""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError

pytestmark = pytest.mark.crash


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_error_in_a_view_is_a_503_with_retry_after(client, monkeypatch, error):
    def down(*args, **kwargs):
        raise error("connection to server at 127.0.0.1 failed: secret detail")

    monkeypatch.setattr("layani.open311.keys.authenticate", down)
    response = client.post("/open311/v2/requests.json", {"api_key": "x", "service_code": "y"})
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"] == "application/json"
    body = response.content.decode()
    assert "tidak tersedia" in body and "unavailable" in body
    assert "secret detail" not in body and "Traceback" not in body
    assert response["X-Content-Type-Options"] == "nosniff"


def test_html_clients_get_plain_text(rf):
    from layani.security.availability import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    response = middleware.process_exception(rf.get("/lapor/"), OperationalError("down"))
    assert response is not None and response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert middleware.process_exception(rf.get("/"), ValueError("other")) is None
