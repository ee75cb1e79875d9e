"""The home page's cards rendered once per change of team data (core/views.py): what a
cached page shows is what the page rendered before, for its own user, team, time zone
and the moment it is asked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import formats

from fasit.conversations.services import conversation_log
from fasit.testing import AccountFactory, ConversationFactory, FollowUpFactory

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


def test_the_cached_follow_up_forms_carry_each_sessions_own_csrf_token(
    team_a: Any, alice: Any
) -> None:
    # The cards are cached per user, with a stand-in for the CSRF token: two browsers of
    # one user (two CSRF secrets) each get a token their own form can be posted with.
    conversation = ConversationFactory(team=team_a, account=AccountFactory(team=team_a))
    follow_up = FollowUpFactory(conversation=conversation, owner=alice, task="Ring Kari")
    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for browser in browsers:
        browser.force_login(alice)
        html = browser.get(reverse("home")).content.decode()
        assert "Ring Kari" in html and "fasit:csrf" not in html
        tokens.append(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert tokens[0] and tokens[1] and set(tokens[0]).isdisjoint(tokens[1])
    response = browsers[1].post(
        reverse("conversations:followup_toggle", args=[follow_up.pk]),
        {"csrfmiddlewaretoken": tokens[1][0], "on_home": "1"},
    )
    assert response.status_code in (200, 302)
    follow_up.refresh_from_db()
    assert follow_up.done
    assert "Ring Kari" not in browsers[0].get(reverse("home")).content.decode()


def test_last_conversation_ago_follows_the_clock_on_a_cached_page(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Data AS", tier="key", owner=alice)
    with time_machine.travel(NOW, tick=False):
        ConversationFactory(team=team_a, account=account, occurred_at=NOW - dt.timedelta(hours=3))
        assert "3\xa0hours ago" in _page(alice_client)
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        later = _page(alice_client)  # the same day and data version: the cached cards
    assert "5\xa0hours ago" in later and "fasit:when" not in later


@time_machine.travel(NOW, tick=False)
def test_a_viewer_gets_the_cards_without_forms_from_the_same_cache(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    from fasit.tenancy.models import Membership

    conversation = ConversationFactory(team=team_a, account=AccountFactory(team=team_a))
    follow_up = FollowUpFactory(conversation=conversation, owner=alice, task="Ring Kari")
    toggle = reverse("conversations:followup_toggle", args=[follow_up.pk])
    assert toggle in _page(alice_client)
    # A role changed by an operator writes no audit record: the role is in the key.
    Membership.objects.filter(user=alice, team=team_a).update(role="viewer")
    viewer = _page(alice_client)
    assert "Ring Kari" in viewer and toggle not in viewer
