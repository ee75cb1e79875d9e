"""The page frame's fixed parts are rendered once per process for each language, script
prefix and write permission (base.html's ``{% cache %}`` blocks): each user must still
get the frame of their own language, role and prefix."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.test import Client
from django.urls import get_script_prefix, set_script_prefix


def _home(client: Client, **extra: Any) -> str:
    response = client.get("/", **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_the_frame_follows_the_language(alice_client: Client) -> None:
    cache.clear()
    english = _home(alice_client, HTTP_ACCEPT_LANGUAGE="en")
    swedish = _home(alice_client, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Log a conversation" in english
    assert "Registrera samtal" in swedish
    assert "Log a conversation" not in swedish
    assert 'data-filter-hint="Type to narrow the list"' in english
    assert 'data-filter-hint="Type to narrow the list"' not in swedish


def test_a_viewer_never_gets_the_writers_frame(alice_client: Client, victor_client: Client) -> None:
    cache.clear()
    assert "log-button" in _home(alice_client)
    viewer = _home(victor_client)
    assert "log-button" not in viewer
    assert 'href="/accounts/"' in viewer  # the rest of the navigation is there
    assert "log-button" in _home(alice_client)


def test_the_frame_follows_the_script_prefix(alice_client: Client) -> None:
    cache.clear()
    assert 'href="/accounts/"' in _home(alice_client)
    # Django's WSGI handler sets the prefix from SCRIPT_NAME; the test client does not.
    before = get_script_prefix()
    set_script_prefix("/crm/")
    try:
        prefixed = _home(alice_client, SCRIPT_NAME="/crm")
    finally:
        set_script_prefix(before)
    assert 'href="/crm/accounts/"' in prefixed
    assert 'action="/crm/search/"' in prefixed
    assert 'href="/accounts/"' not in prefixed


def test_another_team_sees_its_own_team_in_the_frame(
    alice_client: Client, charlie_client: Client
) -> None:
    cache.clear()
    assert "Team A" in _home(alice_client)
    other = _home(charlie_client)
    assert "Team B" in other
    assert "Team A" not in other
