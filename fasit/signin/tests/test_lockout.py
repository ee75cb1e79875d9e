"""Sign-in lock-out after repeated failures (django-axes), per account and per address."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from fasit.testing import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def dora(db: Any) -> Any:
    user = UserFactory(username="dora")
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_ten_wrong_passwords_lock_the_account_even_for_the_right_one(
    dora: Any, caplog: Any
) -> None:
    client = Client()
    statuses = [attempt(client, "dora", f"wrong{i}").status_code for i in range(10)]
    assert statuses[:9] == [200] * 9
    caplog.set_level(logging.WARNING, logger="fasit.signin")
    response = attempt(client, "dora", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in is locked for 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert any(
        "Sign-in locked" in r.getMessage() and "dora" in r.getMessage() for r in caplog.records
    )


def test_the_lock_holds_from_another_address_for_that_account(dora: Any) -> None:
    for i in range(10):
        attempt(Client(), "dora", f"wrong{i}", address=f"10.0.1.{i}")
    assert attempt(Client(), "dora", PASSWORD, address="10.0.2.1").status_code == 429


def test_one_address_trying_many_accounts_is_locked(dora: Any) -> None:
    for i in range(10):
        attempt(Client(), f"nobody{i}", "guess", address="192.0.2.7")
    assert attempt(Client(), "dora", PASSWORD, address="192.0.2.7").status_code == 429
    # Another address still signs dora in.
    assert attempt(Client(), "dora", PASSWORD, address="192.0.2.8").status_code == 302


def test_the_lock_passes_after_the_cool_off(dora: Any) -> None:
    for i in range(10):
        attempt(Client(), "dora", f"wrong{i}")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16), tick=False):
        assert attempt(Client(), "dora", PASSWORD).status_code == 302


def test_a_success_resets_the_count(dora: Any) -> None:
    for i in range(9):
        attempt(Client(), "dora", f"wrong{i}")
    assert attempt(Client(), "dora", PASSWORD).status_code == 302
    for i in range(9):
        attempt(Client(), "dora", f"again{i}")
    assert attempt(Client(), "dora", PASSWORD).status_code == 302


def test_the_message_is_translated(dora: Any) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    for i in range(10):
        attempt(client, "dora", f"wrong{i}")
    response = attempt(client, "dora", PASSWORD)
    assert response.status_code == 429
    assert "Inloggningen är låst i 15 minuter" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=dt.timedelta(minutes=5))
def test_limit_and_minutes_come_from_settings(dora: Any) -> None:
    for i in range(3):
        attempt(Client(), "dora", f"wrong{i}")
    response = attempt(Client(), "dora", PASSWORD)
    assert response.status_code == 429
    assert "locked for 5 minutes" in response.content.decode()


@override_settings(FASIT_TRUSTED_PROXIES=1)
def test_behind_a_proxy_the_forwarded_address_is_counted(dora: Any) -> None:
    for i in range(10):
        Client().post(
            reverse("login"),
            {"username": f"nobody{i}", "password": "guess"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    # Another client behind the same proxy is not locked out with the attacker.
    response = Client().post(
        reverse("login"),
        {"username": "dora", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert response.status_code == 302
