"""``fasit worker`` refreshes the day's snapshots at the local day change, once per
installation: two workers run the day once, a worker stopped mid-run leaves the day
unfinished (another takes it over once the claim is stale), and the nights the clocks
change start one day each. Each test freezes the clock at its moment."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import override_settings
from django_tasks_db.management.commands import db_worker

from fasit.core.management.commands.fasit_worker import DailyRefresh
from fasit.relationships import daily
from fasit.relationships.models import AccountHealth, DailyRun, PersonKnowledgeSnapshot
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

OSLO = ZoneInfo("Europe/Oslo")


def oslo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=OSLO)  # type: ignore[misc]


@pytest.fixture
def team_data(team_a: Any, team_b: Any) -> None:
    for team in (team_a, team_b):
        account = AccountFactory(team=team, tier="key")
        PersonRoleFactory(person=PersonFactory(team=team), account=account)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The days the refresh ran for, in order (the refresh itself still runs)."""
    ran: list[dt.date] = []
    real = daily.refresh_snapshots

    def counted(day: dt.date, **kwargs: Any) -> int:
        ran.append(day)
        return real(day, **kwargs)

    monkeypatch.setattr(daily, "refresh_snapshots", counted)
    return ran


def _days() -> dict[dt.date, bool]:
    return {d: f is not None for d, f in DailyRun.objects.values_list("day", "finished_at")}


def test_the_day_change_refreshes_every_team_once(
    team_data: None, runs: list[dt.date], django_assert_num_queries: Any
) -> None:
    hook = DailyRefresh()
    with time_machine.travel(oslo(2026, 12, 7, 23, 59, 30), tick=False):
        hook()  # a worker started late in the evening runs the day it finds undone
        with django_assert_num_queries(0):
            hook()  # and then does not look again that day
    assert runs == [dt.date(2026, 12, 7)]
    assert set(AccountHealth.objects.values_list("day", flat=True)) == {dt.date(2026, 12, 7)}
    with time_machine.travel(oslo(2026, 12, 8, 0, 0, 5), tick=False):
        hook()
        hook()
    assert runs == [dt.date(2026, 12, 7), dt.date(2026, 12, 8)]
    # Both teams' accounts and people, for the new day.
    assert list(AccountHealth.objects.values_list("day", flat=True)) == [dt.date(2026, 12, 8)] * 2
    assert (
        list(PersonKnowledgeSnapshot.objects.values_list("day", flat=True))
        == [dt.date(2026, 12, 8)] * 2
    )
    assert _days() == {dt.date(2026, 12, 7): True, dt.date(2026, 12, 8): True}


@pytest.mark.parametrize(
    ("evening", "night"),
    [
        # Clocks forward: 02:00 is 03:00 on 29 March.
        (oslo(2026, 3, 28, 23, 30), [oslo(2026, 3, 29, 0, 30), oslo(2026, 3, 29, 3, 30)]),
        # Clocks back: 02:30 comes twice on 25 October.
        (
            oslo(2026, 10, 24, 23, 30),
            [
                oslo(2026, 10, 25, 0, 30),
                dt.datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=0),
                dt.datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=1),
            ],
        ),
    ],
)
def test_a_night_the_clocks_change_is_one_day_change(
    team_data: None, runs: list[dt.date], evening: dt.datetime, night: list[dt.datetime]
) -> None:
    hook = DailyRefresh()
    for moment in [evening, *night]:
        with time_machine.travel(moment, tick=False):
            hook()
    assert runs == [evening.date(), night[0].date()]


def test_two_workers_run_the_day_once(team_data: None, runs: list[dt.date]) -> None:
    first, second = DailyRefresh(), DailyRefresh()
    with time_machine.travel(oslo(2026, 12, 8, 0, 0, 5), tick=False):
        first()
        second()
        second()
    assert runs == [dt.date(2026, 12, 8)]
    assert DailyRun.objects.get().claimed_by == first.worker


def test_two_worker_commands_run_the_day_once(
    team_data: None, runs: list[dt.date], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real command, in batch mode; its loop closes old connections between rounds,
    # here the test's own transaction (on PostgreSQL closing it would end the test).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=tasks), time_machine.travel(oslo(2026, 12, 8, 6), tick=False):
        for _worker in range(2):
            call_command(
                "fasit_worker", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0"
            )
    assert runs == [dt.date(2026, 12, 8)]
    assert _days() == {dt.date(2026, 12, 8): True}


def test_a_day_claimed_by_a_running_worker_is_left_to_it(
    team_data: None, runs: list[dt.date]
) -> None:
    day = dt.date(2026, 12, 8)
    with time_machine.travel(oslo(2026, 12, 8, 0, 0, 5), tick=False):
        DailyRun.objects.create(
            job=daily.SNAPSHOTS, day=day, claimed_by="other", claimed_at=dt.datetime.now(tz=OSLO)
        )
        assert daily.refresh_if_due(worker="me", today=day) is daily.Outcome.BUSY
    assert runs == []


def test_a_run_stopped_midway_leaves_the_day_undone_and_is_taken_over(
    team_data: None, runs: list[dt.date], monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.FASIT_TASK_STALE_SECONDS = 600
    day = dt.date(2026, 12, 8)
    real = daily.snapshots.refresh_knowledge

    def crash(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("killed")

    crashing, other = DailyRefresh(), DailyRefresh()
    monkeypatch.setattr(daily.snapshots, "refresh_knowledge", crash)
    with time_machine.travel(oslo(2026, 12, 8, 0, 0, 5), tick=False):
        crashing()  # logged, not raised: the worker goes on with its tasks
        assert _days() == {day: False}
        monkeypatch.setattr(daily.snapshots, "refresh_knowledge", real)
        other()  # the claim is fresh: the crashed run might still be going
    assert _days() == {day: False}
    assert PersonKnowledgeSnapshot.objects.count() == 0
    with time_machine.travel(oslo(2026, 12, 8, 0, 5), tick=False):
        # Its next look (the hook's own minute runs on the monotonic clock, which
        # time-machine leaves alone).
        other.due = 0.0
        other()  # not yet stale
    assert _days() == {day: False}
    with time_machine.travel(oslo(2026, 12, 8, 0, 11), tick=False):
        other.due = 0.0
        other()
    assert _days() == {day: True}
    assert DailyRun.objects.get().claimed_by == other.worker
    assert runs == [day, day]
    assert PersonKnowledgeSnapshot.objects.filter(day=day).count() == 2


def test_a_run_whose_claim_was_taken_over_stops(team_data: None) -> None:
    day = dt.date(2026, 12, 8)

    def work(renew: Any) -> None:
        DailyRun.objects.update(claimed_by="other")  # taken over meanwhile
        renew()
        raise AssertionError("not reached")

    assert daily.run_once("test", day, work, worker="me") is daily.Outcome.BUSY
    assert _days() == {day: False}


def test_turned_off_nothing_runs(team_data: None, runs: list[dt.date], settings: Any) -> None:
    settings.FASIT_DAILY_REFRESH = False
    with time_machine.travel(oslo(2026, 12, 8, 0, 0, 5), tick=False):
        DailyRefresh()()
    assert runs == []
    assert not DailyRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_run_the_day_once() -> None:
    # Two threads, each with its own database connection, claim the same day at once:
    # the unique (job, day) lets exactly one insert win. The other skips, or fails
    # closed when its database refuses it (the tests' shared in-memory SQLite answers
    # "table is locked" at once where a file database waits for its busy timeout).
    day = dt.date(2026, 12, 8)
    start = threading.Barrier(2)
    ran: list[str] = []
    outcomes: list[str] = []

    def worker(name: str) -> None:
        try:
            start.wait()
            done = daily.run_once("test", day, lambda renew: ran.append(name), worker=name)
            outcomes.append(done.value)
        except DatabaseError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(ran) == 1
    outcomes.remove("ran")
    assert outcomes in (["busy"], ["done"], ["refused"])
    assert DailyRun.objects.get().claimed_by == ran[0]
    assert DailyRun.objects.get().finished_at is not None
