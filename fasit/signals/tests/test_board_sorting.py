"""The board's themes sort by level (the default ranking), name, independent
customers, statements and when last said; the order is part of the cached page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from fasit.signals import services
from fasit.signals.models import Theme
from fasit.signals.tests.test_views import _seed
from fasit.testing import AccountFactory, ConversationFactory

OTHERS = [
    "Vi trenger en norsk brukermanual for operatørene.",
    "Leveringstiden på reservedeler må ned til én uke.",
]


def _board(team: Any, actor: Any) -> list[Theme]:
    _seed(team, actor)  # one theme said by three independent customers: confirmed
    for text in OTHERS:
        conversation = ConversationFactory(team=team, account=AccountFactory(team=team))
        services.statement_create(team=team, actor=actor, conversation=conversation, text=text)
    themes = list(Theme.objects.for_team(team))
    assert len(themes) == 3
    return themes


def _order(html: str, themes: list[Theme]) -> list[str]:
    found = sorted((html.index(f">{t.name}</a>"), t.name) for t in themes)
    return [name for _, name in found]


def test_the_board_sorts_by_each_column_and_keeps_its_ranking_by_default(
    team_a: Any, alice: Any, alice_client: Any, victor_client: Any
) -> None:
    themes = _board(team_a, alice)
    confirmed = max(themes, key=lambda t: t.accounts).name
    url = reverse("signals:board")
    html = alice_client.get(url).content.decode()
    assert _order(html, themes)[0] == confirmed
    assert 'aria-current="true" data-sort="descending">Level, descending' in html
    by_name = alice_client.get(url, {"sort": "theme"}).content.decode()
    assert _order(by_name, themes) == sorted((t.name for t in themes), key=str.casefold)
    assert 'href="?sort=-theme"' in by_name  # a second click reverses
    by_customers = alice_client.get(url, {"sort": "customers"}).content.decode()
    assert _order(by_customers, themes)[-1] == confirmed
    assert (
        _order(alice_client.get(url, {"sort": "-customers"}).content.decode(), themes)[0]
        == confirmed
    )
    # The reversed ranking puts the confirmed theme last; an unknown key is the default.
    assert (
        _order(alice_client.get(url, {"sort": "level"}).content.decode(), themes)[-1] == confirmed
    )
    assert _order(alice_client.get(url, {"sort": "nope"}).content.decode(), themes)[0] == confirmed
    # Cached per order: the default page asked again is still the ranking.
    assert _order(alice_client.get(url).content.decode(), themes)[0] == confirmed
    # A viewer reads the same sorted board; the filter form keeps the order.
    viewer = victor_client.get(url, {"sort": "theme"}).content.decode()
    assert '<input type="hidden" name="sort" value="theme">' in viewer


def test_another_team_sorts_an_empty_board(team_a: Any, alice: Any, charlie_client: Any) -> None:
    themes = _board(team_a, alice)
    html = charlie_client.get(reverse("signals:board"), {"sort": "theme"}).content.decode()
    assert not any(t.name in html for t in themes)
