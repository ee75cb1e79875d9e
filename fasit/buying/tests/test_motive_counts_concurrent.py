"""Two writers of one process's motives at once keep one exact row per theme: the
second waits for the first's lock on the process instead of counting without the
first's motive and keeping a second row for the theme. A motive and a stage change of
one journey at once take their locks in one order and both go through (no deadlock)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from fasit.buying import services
from fasit.buying.models import Journey, MotiveThemeCount
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.buying.tests.test_motive_counts import _assert_in_step
from fasit.buying.tests.test_visit_counts_concurrent import _change, _race

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite lets one writer in at a time; READ COMMITTED is where counts could drift.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's isolation"),
]


def _add(journey: Journey, actor: Any, text: str) -> None:
    services.motive_add(
        journey=Journey.objects.get(pk=journey.pk), actor=actor, text=text, theme="cost"
    )


def test_two_writers_of_one_process_keep_one_row_per_theme(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    since = TODAY - dt.timedelta(days=30)
    one = journey_at(team_a, alice, process=process, index=0, since=since)
    two = journey_at(team_a, alice, process=process, index=0, since=since)
    _race(lambda: _add(one, alice, "Pris."), lambda: _add(two, alice, "Lav pris."))
    rows = list(MotiveThemeCount.objects.filter(process=process).values_list("motives", "accounts"))
    assert rows == [(2, 2)]
    _assert_in_step(team_a)


def test_a_motive_and_a_stage_change_of_one_journey_both_go_through(
    team_a: Any, alice: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=0, since=TODAY - dt.timedelta(days=30)
    )
    stage = stages_of(process)[1]
    _race(lambda: _add(journey, alice, "Pris."), lambda: _change(journey, stage, 10, alice))
    _race(
        lambda: _change(journey, stages_of(process)[2], 5, alice),
        lambda: _add(journey, alice, "Ny pris."),
    )
    _assert_in_step(team_a)
