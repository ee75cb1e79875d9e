"""The key accounts API: paged in the page's order (least known first, then name),
ranked in the database from the stored account scores, the same rows whether scores
are stored, stale or missing, a fixed number of queries per page, and nothing of
another team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fasit.customers.models import FamilyMember, Person, PersonRole
from fasit.relationships import selectors, snapshots
from fasit.relationships.models import AccountKnowledgeSnapshot, PersonKnowledgeSnapshot
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

pytestmark = pytest.mark.django_db
# ``key_team`` (7 key accounts of team A, one of team B): test_knowledge_snapshots.py,
# shared through conftest.py.
URL = "/api/relationships/key-accounts"


def _forget_cached() -> None:
    """Rows changed here bypass the services (no audit entry, so the team's data
    version stays): drop the cached orders and pages, as a change through a service does."""
    for cache in caches.all():
        cache.clear()


def _walk(api: Any, limit: int, query: str = "") -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    after = None
    while True:
        cursor = f"&after={after}" if after is not None else ""
        page = api.get(f"{URL}?limit={limit}{cursor}{query}").json()
        assert len(page["items"]) <= limit
        items += page["items"]
        after = page["next_after"]
        if after is None:
            return items, page["count"]


def _expected(team: Any, owner: Any = None) -> list[tuple[int, int, int, int]]:
    """The page's ranking from full rows (each person scored from their profile)."""
    rows = selectors.key_accounts(team, today=timezone.localdate(), owner=owner)
    return [
        (r.account.pk, r.knowledge.score, r.knowledge.people, r.knowledge.known_well) for r in rows
    ]


def _got(items: list[dict[str, Any]]) -> list[tuple[int, int, int, int]]:
    return [(r["id"], r["knowledge_score"], r["people"], r["known_well"]) for r in items]


def test_pages_follow_the_pages_ranking_stored_or_not(
    team_a: Any, alice: Any, bob_api: Any, alice_client: Any, key_team: list[Person]
) -> None:
    today = timezone.localdate()
    expected = _expected(team_a)
    assert len({score for _, score, _, _ in expected}) > 2
    full, count = _walk(bob_api, 50)
    assert (_got(full), count) == (expected, 7)
    # The page (key accounts, default order) lists them in the same order.
    html = alice_client.get(reverse("relationships:key_accounts")).content.decode()
    names = {a.pk: a.name for a in selectors.key_account_scope(team_a)}
    positions = [html.index(names[pk]) for pk, *_ in expected]
    assert positions == sorted(positions)

    def states() -> Any:
        yield "nothing stored"
        snapshots.refresh_knowledge(team_a, today=today)
        assert AccountKnowledgeSnapshot.objects.filter(team=team_a, day=today).count() == 7
        yield "all stored"
        AccountKnowledgeSnapshot.objects.filter(
            account_id__in=[e[0] for e in expected[::2]]
        ).delete()
        PersonKnowledgeSnapshot.objects.filter(person__in=key_team[::3]).delete()
        yield "some stored"
        # A year back by days: 29 February has no date a calendar year before.
        AccountKnowledgeSnapshot.objects.filter(account_id=expected[1][0]).update(
            day=today - dt.timedelta(days=365), score=100
        )
        yield "one stale"

    for _state in states():
        _forget_cached()
        for limit in (1, 2, 3, 7):
            items, count = _walk(bob_api, limit)
            assert (_got(items), count) == (expected, 7)
            assert items == full
        mine, count = _walk(bob_api, 2, "&mine=true")
        assert (_got(mine), count) == (
            _expected(team_a, team_a.memberships.get(user__username="bob").user),
            2,
        )


def test_rows_show_each_roles_best_known_people(
    team_a: Any, bob_api: Any, key_team: list[Person]
) -> None:
    rows = selectors.key_accounts(team_a, today=timezone.localdate())
    snapshots.refresh_knowledge(team_a, today=timezone.localdate())
    items = bob_api.get(URL).json()["items"]
    for row, item in zip(rows, items, strict=True):
        best = row.best_known
        assert item["roles"] == [
            {
                "role": r.role,
                "people": r.people,
                "known_well": r.known_well,
                "score": r.score,
                "best_known": [
                    {"person_id": p.pk, "name": p.name, "score": k.score}
                    for p, k in best.get(r.role, [])
                ],
            }
            for r in row.knowledge.roles
        ]
        assert item["missing_roles"] == list(row.knowledge.missing_roles)
        assert item["owner"] == (row.account.owner.username if row.account.owner else None)


def test_a_change_drops_the_accounts_stored_score(team_a: Any, key_team: list[Person]) -> None:
    today = timezone.localdate()
    snapshots.refresh_knowledge(team_a, today=today)
    role = PersonRole.objects.filter(person=key_team[2]).get()
    stored = AccountKnowledgeSnapshot.objects.filter(account_id=role.account_id)
    assert stored.exists()
    FamilyMember.objects.create(person=key_team[2], relation="Son", name="Ola")
    assert not stored.exists()
    snapshots.refresh_knowledge(team_a, today=today)
    role.buying_role = "user"
    role.save()
    assert not stored.exists()
    snapshots.refresh_knowledge(team_a, today=today)
    role.delete()
    assert not stored.exists()
    assert AccountKnowledgeSnapshot.objects.filter(team=team_a).count() == 6


def test_a_page_costs_the_same_queries_for_a_bigger_team(
    team_a: Any, bob_api: Any, key_team: list[Person]
) -> None:
    today = timezone.localdate()
    snapshots.refresh_knowledge(team_a, today=today)
    bob_api.get(f"{URL}?limit=3")  # the token's first use

    def queries() -> int:
        _forget_cached()  # the order and the page computed, not read from the cache
        with CaptureQueriesContext(connection) as ctx:
            assert len(bob_api.get(f"{URL}?limit=3").json()["items"]) == 3
        return len(ctx.captured_queries)

    before = queries()
    for i in range(12):
        account = AccountFactory(team=team_a, name=f"Mer {i}", tier="key")
        for p in range(3):
            PersonRoleFactory(
                person=PersonFactory(team=team_a, name=f"Mer {i}-{p}"), account=account
            )
    snapshots.refresh_knowledge(team_a, today=today)
    assert queries() == before
    # Cached, a page is read without ranking or scoring again.
    with CaptureQueriesContext(connection) as cached:
        bob_api.get(f"{URL}?limit=3")
    assert len(cached.captured_queries) < before


def test_another_team_gets_nothing(
    team_a: Any, bob_api: Any, charlie_api: Any, key_team: list[Person]
) -> None:
    snapshots.refresh_knowledge(team_a, today=timezone.localdate())
    theirs = charlie_api.get(URL).json()
    assert (theirs["count"], [r["name"] for r in theirs["items"]]) == (1, ["Other team"])
    assert "Person " not in str(theirs)
    first = bob_api.get(f"{URL}?limit=1").json()["next_after"]
    # Another team's account (or one not on the list) is no cursor: 404, nothing shown.
    assert charlie_api.get(f"{URL}?after={first}").status_code == 404
    customer = AccountFactory(team=team_a, name="Liten Kunde AS", tier="customer")
    assert bob_api.get(f"{URL}?after={customer.pk}").status_code == 404
    assert bob_api.get(f"{URL}?limit=0").status_code == 422
