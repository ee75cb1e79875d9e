"""Sessions end after an idle period and after an absolute lifetime (time-machine
moves the clock)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine
from django.test import Client, override_settings
from django.utils import timezone

HOUR = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)


def test_defaults_are_two_idle_hours_and_twelve_hours_in_all() -> None:
    from django.conf import settings

    assert settings.FASIT_SESSION_IDLE_MINUTES == 120
    assert settings.FASIT_SESSION_MAX_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_an_idle_session_ends_after_two_hours(alice: Any) -> None:
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False):
        client.force_login(alice)
        assert client.get("/").status_code == 200
    with time_machine.travel(start + 119 * MINUTE, tick=False):
        assert client.get("/").status_code == 200
    # Idle counts from the last request, not from sign-in.
    with time_machine.travel(start + 119 * MINUTE + 121 * MINUTE, tick=False):
        response = client.get("/accounts/?q=x")
        assert response.status_code == 302
        assert response["Location"] == "/login/?next=/accounts/%3Fq%3Dx"
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"])
        assert "signed out after 120 minutes without activity" in page.content.decode()


def test_an_active_session_ends_after_twelve_hours(alice: Any) -> None:
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False):
        client.force_login(alice)
    for hour in range(1, 12):
        with time_machine.travel(start + hour * HOUR, tick=False):
            assert client.get("/").status_code == 200
    with time_machine.travel(start + 12 * HOUR + MINUTE, tick=False):
        response = client.get("/")
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


def test_htmx_requests_are_sent_to_the_login_page_whole(alice: Any) -> None:
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False):
        client.force_login(alice)
    with time_machine.travel(start + 3 * HOUR, tick=False):
        response = client.get("/accounts/?q=a", HTTP_HX_REQUEST="true")
        assert response["HX-Redirect"].startswith("/login/?next=")


def test_the_api_answers_401_after_the_idle_period(alice: Any) -> None:
    start = timezone.now()
    client = Client()
    with time_machine.travel(start, tick=False):
        client.force_login(alice)
        assert client.get("/api/accounts").status_code == 200
    with time_machine.travel(start + 3 * HOUR, tick=False):
        assert client.get("/api/accounts").status_code == 401


@override_settings(FASIT_SESSION_IDLE_MINUTES=15, FASIT_SESSION_MAX_HOURS=1)
def test_both_limits_come_from_settings(alice: Any, bob: Any) -> None:
    start = timezone.now()
    idle, active = Client(), Client()
    with time_machine.travel(start, tick=False):
        idle.force_login(alice)
        active.force_login(bob)
    statuses = []
    for minutes in (14, 28, 42, 56, 70):
        with time_machine.travel(start + minutes * MINUTE, tick=False):
            statuses.append(active.get("/").status_code)
    assert statuses == [200, 200, 200, 200, 302]  # never idle 15 minutes, but past an hour
    with time_machine.travel(start + 16 * MINUTE, tick=False):
        assert idle.get("/").status_code == 302
