from __future__ import annotations

from typing import Any

from django.utils import translation

from fasit.core.cache import team_cached, team_data_version
from fasit.customers.services import account_create


def test_a_cached_result_is_replaced_by_the_next_change(team_a: Any, alice: Any) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert team_cached(team_a, "x", compute) == 1
    assert team_cached(team_a, "x", compute) == 1  # served from the cache
    before = team_data_version(team_a)
    account_create(team=team_a, actor=alice, name="Fjord Energi AS", country="NO")
    assert team_data_version(team_a) > before
    assert team_cached(team_a, "x", compute) == 2


def test_teams_and_languages_never_share_a_result(team_a: Any, team_b: Any) -> None:
    assert team_cached(team_a, "x", lambda: "A") == "A"
    assert team_cached(team_b, "x", lambda: "B") == "B"
    with translation.override("sv"):
        assert team_cached(team_a, "x", lambda: "A på svenska") == "A på svenska"
    assert team_cached(None, "x", lambda: "none") == "none"
