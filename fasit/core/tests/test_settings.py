from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from fasit import settings


def test_env_bool_fails_loudly(monkeypatch: Any) -> None:
    monkeypatch.setenv("FASIT_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FASIT_FLAG='maybe' is not a boolean"):
        settings.env_bool("FASIT_FLAG", False)


def test_env_int_fails_loudly(monkeypatch: Any) -> None:
    monkeypatch.setenv("FASIT_N", "ten")
    with pytest.raises(ImproperlyConfigured):
        settings.env_int("FASIT_N", 1)


def test_secret_from_file(monkeypatch: Any, tmp_path: Any) -> None:
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("FASIT_SECRET_FILE", str(secret))
    assert settings.env_str("FASIT_SECRET") == "s3cret"


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite only",
)
def test_sqlite_runs_in_wal_with_immediate_transactions(db: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert mode in {"wal", "memory"}  # the test database lives in memory
