"""A database error outside a view is a clear 503 too (checklist item 15), not a 500 page.

`SessionMiddleware` saves the session after the view has answered; when the database goes away at
that moment the error escapes a middleware, not a view, so the innermost middleware cannot see it.
The project's ``handler500`` (`layani.security.availability.server_error`) answers it. The session
backend is patched to fail on save (``SESSION_SAVE_EVERY_REQUEST`` makes every signed-in request
save), on a portal page and on a staff page.
"""

from __future__ import annotations

import logging

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError

from layani.security.availability import MESSAGE_EN, MESSAGE_ID, RETRY_AFTER_SECONDS

pytestmark = pytest.mark.django_db

#: A driver message quoting an SQL parameter: it must reach neither the client nor the log.
LEAK = "connection lost while saving session for 081298765432"


def _failing_save(error: type[Exception]):
    def save(self, must_create=False):
        raise error(LEAK)

    return save


def _assert_clear_503(response, caplog) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert body == f"{MESSAGE_ID}\n{MESSAGE_EN}\n"
    assert "Traceback" not in body and "081298765432" not in body
    assert "081298765432" not in caplog.text and "Traceback" not in caplog.text
    assert "outside a view" in caplog.text  # answered by the handler, not the view middleware
    # The security headers still wrap the answer (the outer middlewares ran).
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_failing_session_save_on_a_portal_page_is_a_503(client, settings, caplog, error):
    session = client.session
    session["layani_tracked_reports"] = ["K7R4XA96HW"]  # a browser following a report
    session.save()
    settings.SESSION_SAVE_EVERY_REQUEST = True
    client.raise_request_exception = False
    caplog.set_level(logging.INFO)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SessionStore, "save", _failing_save(error))
        response = client.get("/laporan/")
    _assert_clear_503(response, caplog)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_failing_session_save_on_a_staff_page_is_a_503(
    client, cast, staff_login, settings, caplog, error
):
    staff_login(cast.officer_pu)
    settings.SESSION_SAVE_EVERY_REQUEST = True
    client.raise_request_exception = False
    caplog.set_level(logging.INFO)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SessionStore, "save", _failing_save(error))
        response = client.get("/konsol/")
    _assert_clear_503(response, caplog)


def test_the_same_page_answers_normally_when_the_database_is_there(client, settings):
    session = client.session
    session["layani_tracked_reports"] = ["K7R4XA96HW"]
    session.save()
    settings.SESSION_SAVE_EVERY_REQUEST = True
    assert client.get("/laporan/").status_code == 200


def test_other_errors_outside_a_view_stay_ordinary_500s(client, settings, caplog):
    session = client.session
    session["layani_tracked_reports"] = ["K7R4XA96HW"]
    session.save()
    settings.SESSION_SAVE_EVERY_REQUEST = True
    client.raise_request_exception = False
    with pytest.MonkeyPatch.context() as patch, caplog.at_level(logging.CRITICAL):
        patch.setattr(SessionStore, "save", _failing_save(ValueError))
        response = client.get("/laporan/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_session_that_cannot_be_loaded_on_a_staff_page_is_a_503(
    client, cast, staff_login, caplog
):
    # Loading the signed-in user reads the session; the database is gone by then.
    staff_login(cast.officer_pu)
    client.raise_request_exception = False

    def load(self):
        raise OperationalError(LEAK)

    with pytest.MonkeyPatch.context() as patch, caplog.at_level(logging.INFO):
        patch.setattr(SessionStore, "load", load)
        response = client.get("/konsol/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "081298765432" not in response.content.decode() + caplog.text
