"""Headers on every response, rate limits, login throttling, production's deploy checks."""

import os
import subprocess
import sys
import uuid

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/konsol/masuk/",
        "/open311/v2/services.json",
        "/no-such-page/",
        "/static/portal/layani.css",
    ],
)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "'unsafe-eval'" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def _fresh_address():
    # The cache may be a shared Redis that outlives one test run: never reuse a counter.
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250}"


def test_open311_writes_are_rate_limited_per_address(client, settings, regions, categories):
    settings.LAYANI_RATE_LIMITS = {"open311-write": (2, 60)}
    url = "/open311/v2/requests.json"
    address, other_address = _fresh_address(), _fresh_address()

    def post(addr):
        return client.post(url, {"service_code": "sampah"}, REMOTE_ADDR=addr)

    codes = [post(address).status_code for _ in range(3)]
    assert 429 not in codes[:2] and codes[2] == 429
    assert post(other_address).status_code != 429
    assert int(post(address)["Retry-After"]) > 0


def test_login_is_throttled_after_repeated_failures(client, cast, caplog):
    from layani.accounts.models import User

    username = f"petugas_{uuid.uuid4().hex[:10]}"  # a fresh name: the cache may outlive a run
    User.objects.create_user(username=username, password="test-pass-123")
    url = reverse("console:login")
    address = _fresh_address()
    for _ in range(5):
        response = client.post(
            url, {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )
        assert response.status_code == 200
    blocked = client.post(
        url, {"username": username, "password": "test-pass-123"}, REMOTE_ADDR=address
    )
    assert blocked.status_code == 429
    assert username not in caplog.text and "wrong" not in caplog.text
    assert "login failed" in caplog.text


def test_successful_login_still_works_for_others(client, cast):
    response = client.post(
        reverse("console:login"), {"username": "petugas_pu", "password": "test-pass-123"}
    )
    assert response.status_code == 302


def test_production_settings_pass_the_deploy_check(tmp_path):
    leaks = ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in leaks}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "layani.config.settings.prod",
            "SECRET_KEY": "x7#Kq" * 12,
            "ALLOWED_HOSTS": "layani.example.go.id",
            "LAYANI_DATA_DIR": str(tmp_path),
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_anonymous_portal_submissions_and_tracking_guesses_are_rate_limited(
    client, settings, regions, categories
):
    settings.LAYANI_RATE_LIMITS = {"submit": (1, 600), "track": (2, 600)}
    address = _fresh_address()
    form = {
        "type": "pengaduan",
        "description": "Lampu jalan mati sejak kemarin malam.",
        "category": "lampu-jalan",
        "province": "34",
        "regency": "34.04",
        "district": "34.04.07",
        "village": "34.04.07.2001",
        "privacy": "biasa",
        "name": "Warga",
        "phone": "081355556666",
        "idempotency_key": str(uuid.uuid4()),
    }
    first = client.post("/lapor/", form, REMOTE_ADDR=address)
    assert first.status_code in (200, 302)
    form["idempotency_key"] = str(uuid.uuid4())
    assert client.post("/lapor/", form, REMOTE_ADDR=address).status_code == 429
    # The no-JavaScript "Lanjut" steps are never counted.
    step = client.post("/lapor/", {**form, "step": "region"}, REMOTE_ADDR=address)
    assert step.status_code == 200
    guesses = [
        client.post(
            "/lacak/", {"tracking_id": "K7R-4XA-96HW", "access_code": "X"}, REMOTE_ADDR=address
        ).status_code
        for _ in range(3)
    ]
    assert guesses[-1] == 429
