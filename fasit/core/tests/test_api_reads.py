"""The screens' reads added to the API this round: search, notifications, key accounts,
listening summaries, team settings, buying insight. Each calls the page's own
selector; charlie (team B) sees nothing of team A and victor (a viewer) cannot write."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fasit.testing import AccountFactory, ConversationFactory

pytestmark = pytest.mark.django_db


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    if payload is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_search_finds_the_teams_records_only(
    team_a: Any, team_b: Any, bob_api: Any, charlie_api: Any
) -> None:
    account = AccountFactory(team=team_a, name="Bergström Energi AB")
    meeting = ConversationFactory(team=team_a, account=account, subject="Årsmøte")
    AccountFactory(team=team_b, name="Bergström Kraft AS")

    found = bob_api.get("/api/search?q=BERGSTROM").json()
    assert [(h["kind"], h["id"]) for h in found["items"]] == [
        ("account", account.pk),
        ("conversation", meeting.pk),
    ]
    assert found["items"][0]["title"] == "Bergström Energi AB"
    only = bob_api.get("/api/search?q=bergstrom&kind=conversation").json()
    assert [h["id"] for h in only["items"]] == [meeting.pk]
    assert bob_api.get("/api/search?q=bergstrom&limit=1").json()["items"][0]["id"] == account.pk
    theirs = charlie_api.get("/api/search?q=bergstrom").json()["items"]
    assert [h["title"] for h in theirs] == ["Bergström Kraft AS"]
    assert bob_api.get("/api/search?q=%20").json()["items"] == []
    assert bob_api.get("/api/search").status_code == 422
