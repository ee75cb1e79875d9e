from __future__ import annotations

import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest
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


def test_requests_arriving_together_compute_a_missing_result_once() -> None:
    # No database: a stand-in team and an explicit version keep the threads off it.
    team = SimpleNamespace(pk=987654)
    started = threading.Event()
    release = threading.Event()
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "page"

    results: list[str] = []

    def request() -> None:
        results.append(team_cached(team, "stampede", compute, version=1))

    first = threading.Thread(target=request)
    first.start()
    assert started.wait(5)
    others = [threading.Thread(target=request) for _ in range(3)]
    for thread in others:
        thread.start()
    # Give the others time to reach the lock; one that came later still finds the
    # stored result, so this pause can only make the test pass for the right reason.
    time.sleep(0.2)
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert results == ["page"] * 4
    assert calls == [1]


def test_a_failed_computation_leaves_the_next_request_free_to_try() -> None:
    team = SimpleNamespace(pk=987655)

    def broken() -> str:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        team_cached(team, "failing", broken, version=1)
    assert team_cached(team, "failing", lambda: "ok", version=1) == "ok"
