"""Two writers of one journey, or of one process, at once keep the per-stage visit counts
exact: the second waits for the first's lock instead of counting "before" without the
first's change or creating a second row for a key they share."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from fasit.buying import services, visits
from fasit.buying.models import Journey, StageChange
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.buying.tests.test_visit_counts import _from_history, _kept

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite lets one writer in at a time; READ COMMITTED is where counts could drift.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's isolation"),
]


def _change(journey: Journey, stage: Any, days_ago: int, actor: Any) -> None:
    services.journey_change_stage(
        journey=Journey.objects.get(pk=journey.pk),
        actor=actor,
        stage=stage,
        changed_on=TODAY - dt.timedelta(days=days_ago),
        note="x",
    )


def _race(first_write: Callable[[], None], second_write: Callable[[], None]) -> None:
    """The first write's transaction stays open until the second writer has tried for
    a second; the second must wait for it, and both must succeed."""
    inside, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                first_write()
                inside.set()
                release.wait(10)
        except BaseException as error:  # reported by the test's thread
            errors.append(error)
        finally:
            connection.close()

    def second() -> None:
        try:
            inside.wait(10)
            second_write()
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert inside.wait(10)
    threads[1].join(1.0)
    assert threads[1].is_alive(), "the second writer waits for the first's transaction"
    release.set()
    for thread in threads:
        thread.join(20)
    assert not errors


def test_two_writers_of_one_journey_take_turns(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    stages = stages_of(process)
    journey = journey_at(
        team_a, alice, process=process, index=0, since=TODAY - dt.timedelta(days=30)
    )
    _race(
        lambda: _change(journey, stages[1], 20, alice),
        lambda: _change(journey, stages[2], 10, alice),
    )
    assert _kept(team_a) == _from_history(team_a)
    assert sum(_kept(team_a).values()) == 3


def test_two_writers_of_one_process_share_a_counted_key(team_a: Any, alice: Any) -> None:
    """Two journeys entering the same stage on the same day are counted under one key.
    Without a turn per process both writers find no row for it and each adds one; a
    later change then subtracts from both rows and the counts drift."""
    process = process_for(team_a, alice)
    stages = stages_of(process)
    since = TODAY - dt.timedelta(days=30)
    one = journey_at(team_a, alice, process=process, index=0, since=since)
    two = journey_at(team_a, alice, process=process, index=0, since=since)
    _race(
        lambda: _change(one, stages[1], 20, alice),
        lambda: _change(two, stages[1], 20, alice),
    )
    _change(one, stages[2], 10, alice)  # takes one visit out of the shared key
    assert _kept(team_a) == _from_history(team_a)


def test_kept_alone_makes_a_second_writer_of_the_process_wait(team_a: Any, alice: Any) -> None:
    """The race above through ``kept`` only, without the rest of the stage-change
    service (whose write of the team's data version also makes a second writer wait,
    at a place that varies): here nothing but ``kept``'s turn per process orders the
    two journeys' writers, so without it the second never waits and adds a second
    row for the key they share, every run."""
    process = process_for(team_a, alice)
    stages = stages_of(process)
    # Started on different days, so the visits they leave are counted under keys of
    # their own and the only key the two writes share is the one they both enter.
    one = journey_at(team_a, alice, process=process, index=0, since=TODAY - dt.timedelta(days=30))
    two = journey_at(team_a, alice, process=process, index=0, since=TODAY - dt.timedelta(days=31))

    def enter_second_stage(journey: Journey) -> Callable[[], None]:
        def write() -> None:
            with transaction.atomic():
                current = Journey.objects.select_related("stage").get(pk=journey.pk)
                with visits.kept([current]):
                    StageChange.objects.create(
                        journey=current,
                        from_stage=current.stage,
                        to_stage=stages[1],
                        from_name=current.stage.name,
                        to_name=stages[1].name,
                        changed_on=TODAY - dt.timedelta(days=20),
                        note="x",
                    )
                    services.link_visits([current])

        return write

    _race(enter_second_stage(one), enter_second_stage(two))
    assert _kept(team_a) == _from_history(team_a)
