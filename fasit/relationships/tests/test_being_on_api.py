"""The being-on API: paged in the Being on page's order, each row the full
assessment's, whether today's snapshots are stored or not; ``mine``; bounds refused
with 422; a fixed number of queries per page; nothing of another team; no writes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fasit.relationships import memo, reports, selectors, snapshots
from fasit.relationships.models import AccountHealth
from fasit.relationships.tests.test_standings import _team

pytestmark = pytest.mark.django_db
URL = "/api/relationships/being-on"


@pytest.fixture
def teams(team_a: Any, team_b: Any, alice: Any, settings: Any) -> None:
    """24 accounts in each team (test_standings.py's awkward cases), half alice's."""
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)


def _forget_cached() -> None:
    """Rows changed here bypass the services (no audit entry, so the team's data
    version stays): drop the cached orders, pages and kept rows, as a change through a
    service does."""
    for cache in caches.all():
        cache.clear()
    memo.clear()


def _expected(team: Any, owner: Any = None) -> list[dict[str, Any]]:
    """Every row from the full assessment, in its own order (``risk_order``)."""
    today = timezone.localdate()
    return [reports.row_dict(r) for r in selectors.being_on(team, today=today, owner=owner)]


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


def _by_offset(api: Any, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = api.get(f"{URL}?limit={limit}&offset={len(items)}").json()
        items += page["items"]
        if not page["items"]:
            return items


def test_pages_follow_the_pages_order_stored_or_not(
    teams: None, team_a: Any, bob_api: Any, alice_client: Any
) -> None:
    today = timezone.localdate()
    expected = _expected(team_a)
    assert len(expected) == 24
    assert len({r["health"] for r in expected}) > 3
    assert {r["going_dark"] for r in expected} == {True, False}
    assert sum(r["revenue_at_risk"] is not None for r in expected) > 2

    def states() -> Any:
        yield "nothing stored"
        snapshots.refresh(team_a, today=today)
        assert AccountHealth.objects.filter(team=team_a, day=today).count() == 24
        yield "all stored"
        AccountHealth.objects.filter(account_id__in=[r["id"] for r in expected[::3]]).delete()
        yield "some stored"

    for _state in states():
        _forget_cached()
        for limit in (1, 5, 24, 500):
            items, count = _walk(bob_api, limit)
            assert (items, count) == (expected, 24)
        assert _by_offset(bob_api, 7) == expected
        # The page (Being on, default order) lists them in the same order.
        html = alice_client.get(reverse("relationships:being_on")).content.decode()
        positions = [html.index(f">{r['name']}<") for r in expected]
        assert positions == sorted(positions)


def test_mine_is_the_callers_accounts_in_the_same_order(
    teams: None, team_a: Any, alice: Any, alice_api: Any
) -> None:
    expected = _expected(team_a, alice)
    assert 0 < len(expected) < 24
    items, count = _walk(alice_api, 5, "&mine=true")
    assert (items, count) == (expected, len(expected))


def test_page_bounds_and_cursors(teams: None, bob_api: Any) -> None:
    first = bob_api.get(f"{URL}?limit=2").json()
    assert first["count"] == 24 and len(first["items"]) == 2
    assert first["next_after"] == first["items"][-1]["id"]
    # Offset past the end: an empty page, no cursor; the last page has none either.
    assert bob_api.get(f"{URL}?offset=24").json() == {"count": 24, "next_after": None, "items": []}
    last = bob_api.get(f"{URL}?offset=20&limit=10").json()
    assert (len(last["items"]), last["next_after"]) == (4, None)
    # With a cursor the offset is not counted (as on the other lists).
    assert (
        bob_api.get(f"{URL}?limit=2&offset=5&after={first['next_after']}").json()["items"]
        == bob_api.get(f"{URL}?limit=2&offset=2").json()["items"]
    )
    for query, field, message in (
        ("limit=0", "limit", "greater than or equal to 1"),
        ("limit=501", "limit", "less than or equal to 500"),
        ("offset=-1", "offset", "greater than or equal to 0"),
        ("offset=9223372036854775808", "offset", "out of range"),
        ("after=-1", "after", "greater than or equal to 0"),
        ("limit=ten", "limit", "valid integer"),
    ):
        response = bob_api.get(f"{URL}?{query}")
        assert response.status_code == 422, query
        [detail] = response.json()["detail"]
        assert detail["loc"] == ["query", field]
        assert message in detail["msg"]


def test_another_team_gets_none_of_its_accounts(
    teams: None, team_a: Any, bob_api: Any, charlie_api: Any, charlie_client: Any
) -> None:
    ours = {r["id"] for r in _expected(team_a)}
    for client in (charlie_api, charlie_client):
        theirs = client.get(f"{URL}?limit=500").json()
        assert theirs["count"] == 24
        assert not ours & {r["id"] for r in theirs["items"]}
        assert "Konto 1-" not in str(theirs)
        assert client.get(f"{URL}?mine=true").json()["count"] == 0
    # One of alice's team's accounts is no cursor for charlie: 404, nothing shown.
    first = bob_api.get(f"{URL}?limit=1").json()["next_after"]
    assert charlie_api.get(f"{URL}?after={first}").status_code == 404
    assert charlie_api.get(f"/api/relationships/accounts/{first}").status_code == 404
    assert bob_api.get(f"{URL}?after=999999999").status_code == 404


def test_viewers_read_it_and_anonymous_callers_do_not(
    teams: None, team_a: Any, victor_api: Any, victor_client: Any, client: Any
) -> None:
    expected = _expected(team_a)
    assert victor_api.get(f"{URL}?limit=500").json()["items"] == expected
    assert victor_client.get(f"{URL}?limit=500").json()["items"] == expected
    assert client.get(URL).status_code == 401


def test_a_get_writes_nothing(teams: None, team_a: Any, alice_client: Any) -> None:
    with CaptureQueriesContext(connection) as ctx:
        assert alice_client.get(f"{URL}?limit=3").status_code == 200
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.IGNORECASE)
    ]
    assert writes == []
    assert not AccountHealth.objects.exists()


def test_a_page_costs_the_same_queries_for_a_bigger_team(
    teams: None, team_a: Any, alice: Any, alice_client: Any
) -> None:
    alice_client.get(f"{URL}?limit=3")

    def queries() -> int:
        _forget_cached()  # ranked and assessed, not read from the cache
        with CaptureQueriesContext(connection) as ctx:
            assert len(alice_client.get(f"{URL}?limit=3").json()["items"]) == 3
        return len(ctx.captured_queries)

    before = queries()
    _team(team_a, alice, 3)
    assert queries() == before
    assert alice_client.get(f"{URL}?limit=3").json()["count"] == 48
    # Cached, a page is read without ranking or assessing again.
    with CaptureQueriesContext(connection) as cached:
        alice_client.get(f"{URL}?limit=3")
    assert len(cached.captured_queries) < before
