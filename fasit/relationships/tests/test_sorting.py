"""Key accounts and Being on sort by their columns; the default stays the ranking
(least known first; riskiest revenue first) and the order is part of the cached page."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from fasit.customers.models import AccountRevenue
from fasit.relationships.tests.conftest import TODAY
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

NAMES = ["Cedervik AB", "Alfa Kunde AS", "Bjørk Data A/S"]


def _order(html: str, names: list[str]) -> list[str]:
    return [n for _, n in sorted((html.index(n), n) for n in names)]


def _world(team: Any, bob: Any) -> None:
    # Revenue 3, 1, 2 million NOK with the same health (nobody contacted): at risk in
    # that order; people 0, 2, 1.
    for n, (name, revenue, people) in enumerate(zip(NAMES, (3, 1, 2), (0, 2, 1), strict=True)):
        account = AccountFactory(
            team=team, name=name, tier="key", country="NO", owner=bob if n == 1 else None
        )
        AccountRevenue.objects.create(
            account=account, year=TODAY.year, amount=revenue * 1_000_000, currency="NOK"
        )
        for p in range(people):
            PersonRoleFactory(
                person=PersonFactory(team=team, name=f"{name} person {p}"), account=account
            )


def test_being_on_sorts_by_name_health_and_risk(
    team_a: Any, bob: Any, alice_client: Any, victor_client: Any, charlie_client: Any
) -> None:
    _world(team_a, bob)
    url = reverse("relationships:being_on")
    ranked = alice_client.get(url).content.decode()
    assert _order(ranked, NAMES) == ["Cedervik AB", "Bjørk Data A/S", "Alfa Kunde AS"]
    assert 'aria-sort="descending" data-label="Revenue at risk"' in ranked
    by_name = alice_client.get(url, {"sort": "account"}).content.decode()
    assert _order(by_name, NAMES) == sorted(NAMES)
    assert 'aria-sort="ascending" data-label="Account"' in by_name
    assert _order(alice_client.get(url, {"sort": "-account"}).content.decode(), NAMES) == sorted(
        NAMES, reverse=True
    )
    assert _order(alice_client.get(url, {"sort": "risk"}).content.decode(), NAMES) == [
        "Alfa Kunde AS",
        "Bjørk Data A/S",
        "Cedervik AB",
    ]
    # Still the ranking when asked again without an order (cached apart).
    assert _order(alice_client.get(url).content.decode(), NAMES)[0] == "Cedervik AB"
    # The filters keep the order; a viewer reads the same; another team sees none of it.
    viewer = victor_client.get(url, {"sort": "account", "mine": ""}).content.decode()
    assert '<input type="hidden" name="sort" value="account">' in viewer
    assert _order(viewer, NAMES) == sorted(NAMES)
    other = charlie_client.get(url, {"sort": "account"}).content.decode()
    assert not any(n in other for n in NAMES)


def test_key_accounts_sort_by_name_people_and_owner(
    team_a: Any, bob: Any, alice_client: Any, charlie_client: Any
) -> None:
    _world(team_a, bob)
    url = reverse("relationships:key_accounts")
    by_people = alice_client.get(url, {"sort": "-people"}).content.decode()
    assert _order(by_people, NAMES) == ["Alfa Kunde AS", "Bjørk Data A/S", "Cedervik AB"]
    assert 'aria-current="true" data-sort="descending">People, descending' in by_people
    by_name = alice_client.get(url, {"sort": "account"}).content.decode()
    assert _order(by_name, NAMES) == sorted(NAMES)
    # Only one account has an owner: it comes first, the ones without one last.
    assert _order(alice_client.get(url, {"sort": "owner"}).content.decode(), NAMES)[0] == (
        "Alfa Kunde AS"
    )
    assert _order(alice_client.get(url, {"sort": "-owner"}).content.decode(), NAMES)[0] == (
        "Alfa Kunde AS"
    )
    default = alice_client.get(url).content.decode()
    assert 'aria-current="true" data-sort="ascending">Knowledge score, ascending' in default
    other = charlie_client.get(url, {"sort": "account"}).content.decode()
    assert not any(n in other for n in NAMES)


CHECKED = re.compile(r'<input[^>]*name="mine"[^>]*checked')


def test_the_cached_page_body_is_each_users_scope_and_query_strings_own(
    team_a: Any, bob: Any, alice_client: Any, bob_client: Any, charlie_client: Any
) -> None:
    # Everything under the frame is cached as HTML per data version, scope and query
    # string (relationships/views.py): the form, order links and rows of one user's
    # "mine" never reach another's, and each query string keeps its own links.
    _world(team_a, bob)
    for name in ("relationships:being_on", "relationships:key_accounts"):
        url = reverse(name)
        for _ in range(2):  # the second from the cache
            bobs = bob_client.get(url, {"mine": "on"}).content.decode()
            alices = alice_client.get(url, {"mine": "on"}).content.decode()
            team = alice_client.get(url).content.decode()
            assert [n for n in NAMES if n in bobs] == ["Alfa Kunde AS"]
            assert not any(n in alices for n in NAMES)
            assert all(n in team for n in NAMES)
            assert CHECKED.search(bobs) and not CHECKED.search(team)
            assert "mine=on&amp;sort=" in bobs and "mine=on" not in team.split("<main")[1]
        other = charlie_client.get(url, {"mine": "on"}).content.decode()
        assert not any(n in other for n in NAMES)
