"""Fasit's PostgreSQL backend (fasit/core/postgresql/base.py): times read by psycopg's C
loader give Django's values, and a kept connection is checked without a round trip but
still replaced when the server has closed it."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from fasit.core.postgresql.base import UtcTimestamptzLoader

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's backend"),
]


def _own_connection() -> Any:
    """A second connection to the test database, outside the test's own."""
    wrapper = connection.copy()
    wrapper.ensure_connection()
    return wrapper


def test_the_settings_use_fasits_backend() -> None:
    assert settings.DATABASES["default"]["ENGINE"] == "fasit.core.postgresql"


def test_times_read_in_c_equal_djangos() -> None:
    from django.db.backends.postgresql.psycopg_any import BaseTzLoader

    wrapper = _own_connection()
    try:
        loader = wrapper.connection.adapters.get_loader(1184, 0)
        assert loader is UtcTimestamptzLoader
        sql = (
            "SELECT t FROM (VALUES ('2026-03-29 00:59:59.123456+00'::timestamptz),"
            " ('1999-12-31 23:00:00+01'::timestamptz), ('2028-02-29 12:00:00-05:30'::timestamptz),"
            " (NULL::timestamptz)) v(t)"
        )
        with wrapper.cursor() as cursor:
            cursor.execute(sql)
            fast = [row[0] for row in cursor.fetchall()]
        # Django's own loader on the same connection, for the same rows.
        wrapper.connection.adapters.register_loader(
            "timestamptz", type("Django", (BaseTzLoader,), {"timezone": dt.UTC})
        )
        with wrapper.connection.cursor() as cursor:
            cursor.execute(sql)
            django = [row[0] for row in cursor.fetchall()]
    finally:
        wrapper.close()
    assert fast == django
    assert fast[0] == dt.datetime(2026, 3, 29, 0, 59, 59, 123456, tzinfo=dt.UTC)
    assert all(value.tzinfo is dt.UTC for value in fast if value is not None)
    assert fast[-1] is None


def test_another_database_time_zone_keeps_djangos_loader() -> None:
    wrapper = connection.copy()
    wrapper.settings_dict = {**wrapper.settings_dict, "TIME_ZONE": "Europe/Stockholm"}
    wrapper.ensure_connection()
    try:
        loader = wrapper.connection.adapters.get_loader(1184, 0)
        assert loader is not UtcTimestamptzLoader
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT '2026-06-01 12:00:00+00'::timestamptz")
            value = cursor.fetchone()[0]
        assert value == dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
        assert str(value.tzinfo) == "Europe/Stockholm"
    finally:
        wrapper.close()


def _checked(wrapper: Any, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Runs the per-request health check; returns the results of Django's full checks."""
    calls: list[bool] = []
    full = type(wrapper).is_usable

    def is_usable(self: Any) -> bool:
        calls.append(full(self))
        return calls[-1]

    monkeypatch.setattr(type(wrapper), "is_usable", is_usable)
    wrapper.health_check_enabled = True
    wrapper.health_check_done = False
    wrapper.close_if_health_check_failed()
    return calls


def test_a_healthy_idle_connection_is_checked_without_a_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrapper = _own_connection()
    try:
        kept = wrapper.connection
        assert _checked(wrapper, monkeypatch) == []
        assert wrapper.connection is kept
        assert wrapper.health_check_done
    finally:
        wrapper.close()


def test_a_connection_the_server_closed_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    wrapper = _own_connection()
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        # The server's goodbye reaches the socket soon after; wait for it (bounded).
        for _ in range(100):
            if not wrapper._quietly_idle():
                break
            time.sleep(0.05)
        assert _checked(wrapper, monkeypatch) == [False]
        assert wrapper.connection is None
        # The next query opens a new connection and works.
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone()[0] == 1
    finally:
        wrapper.close()


def test_a_connection_inside_a_transaction_gets_the_full_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrapper = _own_connection()
    try:
        wrapper.connection.autocommit = False
        wrapper.connection.execute("SELECT 1")
        assert _checked(wrapper, monkeypatch) == [True]
        wrapper.connection.rollback()
        wrapper.connection.autocommit = True
    finally:
        wrapper.close()
