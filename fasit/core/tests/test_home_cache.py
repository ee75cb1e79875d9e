"""The home page's cards rendered once per change of team data (core/views.py): what a
cached page shows is what the page rendered before, for its own user, team, time zone
and the moment it is asked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import time_machine
from django.urls import reverse
from django.utils import formats

from fasit.conversations.services import conversation_log
from fasit.testing import AccountFactory, ConversationFactory

NOW = dt.datetime(2026, 3, 11, 16, 0, tzinfo=dt.UTC)
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+"')


def _page(client: Any) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    # The page carries a fresh CSRF token on each request (base.html, the follow-ups'
    # forms), outside the cached cards.
    return CSRF.sub(r"\1", response.content.decode())


@time_machine.travel(NOW, tick=False)
def test_a_cached_home_page_is_the_page_rendered_before_and_a_change_shows_at_once(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Data AS", tier="key")
    first = _page(alice_client)
    assert first == _page(alice_client)  # the second from the cache
    assert "Fjord Data AS" in first and "No conversations yet." in first

    conversation_log(team=team_a, actor=alice, account=account, occurred_at=NOW)
    changed = _page(alice_client)
    assert "No conversations yet." not in changed
    assert reverse("conversations:detail", args=[account.conversations.get().pk]) in changed


@time_machine.travel(NOW, tick=False)
def test_each_user_sees_their_own_cards_and_charlie_never_team_as(
    team_a: Any, bob: Any, alice_client: Any, bob_client: Any, charlie_client: Any
) -> None:
    AccountFactory(team=team_a, name="Bobs Kunde AS", tier="key", owner=bob)
    ConversationFactory(team=team_a, account=AccountFactory(team=team_a, name="Andres AS"))
    manager = _page(alice_client)
    seller = _page(bob_client)
    # Same team and version: bob's going-dark and dates cards are his own, alice's the team's.
    assert "?dark=on&amp;mine=on" in seller and "?dark=on&amp;mine=on" not in manager
    assert "?scope=mine" in seller and "?scope=team" in manager
    assert manager == _page(alice_client) and seller == _page(bob_client)
    charlie = _page(charlie_client)
    assert "Andres AS" in manager
    assert "Andres AS" not in charlie and "Bobs Kunde AS" not in charlie
    assert "No conversations yet." in charlie


@time_machine.travel(NOW, tick=False)
def test_the_cached_cards_follow_the_users_time_zone(team_a: Any, alice_client: Any) -> None:
    # 03:00 UTC on 10 March is the 9th in Los Angeles and the 10th in Stockholm; now is
    # the 11th in both, so only the zone tells the two pages apart.
    moment = dt.datetime(2026, 3, 10, 3, 0, tzinfo=dt.UTC)
    ConversationFactory(team=team_a, account=AccountFactory(team=team_a), occurred_at=moment)
    shown = {}
    for zone in ("Europe/Stockholm", "America/Los_Angeles", "Europe/Stockholm"):
        session = alice_client.session
        session["fasit_time_zone"] = zone
        session.save()
        shown[zone] = _page(alice_client)
    stockholm = formats.date_format(dt.date(2026, 3, 10), "SHORT_DATE_FORMAT")
    los_angeles = formats.date_format(dt.date(2026, 3, 9), "SHORT_DATE_FORMAT")
    assert stockholm in shown["Europe/Stockholm"] and los_angeles not in shown["Europe/Stockholm"]
    assert los_angeles in shown["America/Los_Angeles"]
