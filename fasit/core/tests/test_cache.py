from __future__ import annotations

import datetime as dt
import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings
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


@pytest.fixture
def file_cache(tmp_path: Any) -> Any:
    """The default production setting: results in files every process shares."""
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "team": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "team"),
            },
        },
        FASIT_TEAM_LOCK_DIR=str(tmp_path / "locks"),
    ):
        yield tmp_path


def test_another_process_reads_what_one_computed_from_the_shared_files(
    team_a: Any, team_b: Any, alice: Any, file_cache: Any
) -> None:
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return "page of team A"

    assert team_cached(team_a, "shared", compute) == "page of team A"
    # Another process: an empty memory cache, the same files.
    caches["default"].clear()
    assert team_cached(team_a, "shared", compute) == "page of team A"
    assert calls == [1]
    assert list((file_cache / "team").iterdir())
    # Team-scoped: team B never receives team A's stored result.
    assert team_cached(team_b, "shared", lambda: "page of team B") == "page of team B"
    # A change of team A's data is a new version: computed again.
    account_create(team=team_a, actor=alice, name="Fjord Energi AS", country="NO")
    caches["default"].clear()
    assert team_cached(team_a, "shared", lambda: "changed") == "changed"
    # The lock files are removed once the result is stored.
    assert not list((file_cache / "locks").iterdir())


def test_the_process_lock_excludes_another_process(tmp_path: Any) -> None:
    """The lock file holds off a second process (not only a second thread)."""
    import multiprocessing

    from fasit.core.cache import _process_lock

    context = multiprocessing.get_context("fork")
    go, got = context.Event(), context.Event()

    def other() -> None:
        go.wait(10)
        with _process_lock("k"):
            got.set()

    with override_settings(FASIT_TEAM_LOCK_DIR=str(tmp_path)):
        # Forked before the lock is taken, as gunicorn forks its workers at start: a
        # child would otherwise share the parent's open lock file.
        child = context.Process(target=other)
        child.start()
        with _process_lock("k"):
            go.set()
            time.sleep(0.3)
            assert not got.is_set()  # the other process waits for ours
        child.join(10)
        assert child.exitcode == 0
        assert got.is_set()


# A fixed moment well inside a day, so moving past the TTL never crosses midnight (the
# day is in the key).
NOON = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)


@override_settings(FASIT_TEAM_CACHE_SECONDS=60)
def test_past_its_ttl_one_request_computes_again_while_the_others_get_the_kept_result(
    file_cache: Any,
) -> None:
    team = SimpleNamespace(pk=987656)
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def compute_again() -> str:
        calls.append("again")
        started.set()
        release.wait(5)
        return "new page"

    with time_machine.travel(NOON, tick=False) as clock:
        assert team_cached(team, "expiring", lambda: "page", version=1) == "page"
        clock.shift(61)  # past the TTL, at the same version
        results: list[str] = []
        refresher = threading.Thread(
            target=lambda: results.append(team_cached(team, "expiring", compute_again, version=1))
        )
        refresher.start()
        assert started.wait(5)
        # While it computes, this thread and another process are served the kept page
        # at once instead of waiting for it.
        assert team_cached(team, "expiring", compute_again, version=1) == "page"
        caches["default"].clear()
        assert team_cached(team, "expiring", compute_again, version=1) == "page"
        release.set()
        refresher.join(5)
        assert results == ["new page"]
        assert calls == ["again"]
        assert team_cached(team, "expiring", compute_again, version=1) == "new page"


@override_settings(FASIT_TEAM_CACHE_SECONDS=60)
def test_past_its_ttl_the_next_request_sees_a_change_made_outside_the_services(
    file_cache: Any,
) -> None:
    team = SimpleNamespace(pk=987657)
    data = {"accounts": 1}
    with time_machine.travel(NOON, tick=False) as clock:
        assert team_cached(team, "count", lambda: data["accounts"], version=1) == 1
        data["accounts"] = 2  # a database edit: no audit record, the same version
        clock.shift(30)
        assert team_cached(team, "count", lambda: data["accounts"], version=1) == 1
        clock.shift(31)
        # The request that finds it past the TTL computes it itself, and the others
        # then read what it stored.
        assert team_cached(team, "count", lambda: data["accounts"], version=1) == 2
        caches["default"].clear()
        assert team_cached(team, "count", lambda: 3, version=1) == 2
        clock.shift(121)  # past twice the TTL: gone from both caches, computed again
        assert team_cached(team, "count", lambda: 3, version=1) == 3


def test_the_process_lock_can_be_tried_without_waiting(tmp_path: Any) -> None:
    import multiprocessing

    from fasit.core.cache import _process_lock

    context = multiprocessing.get_context("fork")
    held, done = context.Event(), context.Event()

    def other() -> None:
        with _process_lock("k"):
            held.set()
            done.wait(10)

    with override_settings(FASIT_TEAM_LOCK_DIR=str(tmp_path)):
        child = context.Process(target=other)
        child.start()
        assert held.wait(10)
        with _process_lock("k", wait=False) as mine:
            assert mine is False
        done.set()
        child.join(10)
        with _process_lock("k", wait=False) as mine:
            assert mine is True
