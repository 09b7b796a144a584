"""Settings per environment: durable SQLite, the scale-out switches, production refusing bad config."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache, caches
from django.db import connection


def _run_prod_settings(env_overrides: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "layani.config.settings.prod"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_prod_settings({"ALLOWED_HOSTS": "layani.example.go.id"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_prod_settings({"SECRET_KEY": "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789"})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = _run_prod_settings({"SECRET_KEY": "short", "ALLOWED_HOSTS": "layani.example.go.id"})
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_production_starts_with_its_secrets():
    result = _run_prod_settings(
        {"SECRET_KEY": "q8#v" * 10 + "abcdefghijklmnop", "ALLOWED_HOSTS": "layani.example.go.id"}
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_full_synchronous_commits():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db
def test_database_url_switches_to_postgresql():
    if "DATABASE_URL" not in os.environ:
        pytest.skip("runs when DATABASE_URL is set (CI's PostgreSQL pass)")
    assert connection.vendor == "postgresql"


def test_redis_url_puts_the_cache_on_redis():
    if "REDIS_URL" not in os.environ:
        pytest.skip("runs when REDIS_URL is set (CI's scale-out pass)")
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("layani-test-key", "halo", 30)
    assert cache.get("layani-test-key") == "halo"
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    assert any(b"layani-test-key" in key for key in client.keys("*layani-test-key*"))
    cache.delete("layani-test-key")
