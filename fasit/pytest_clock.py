"""The test session's clock: a pytest plugin (``-p fasit.pytest_clock`` in pyproject).

``pytest --clock=2026-12-31T23:40`` (or ``FASIT_TEST_CLOCK``) runs the whole session
with the clock moved to that moment: ``datetime``, ``date`` and ``time`` through
time-machine, ticking from there. A value without an offset is Europe/Oslo wall-clock
time, and the process time zone follows it. CI sweeps the suite over the hard days this
way (year end, 29 February, the nights the clocks change, years ahead): a test must
pass on whatever day it runs.

Every test starts its clock at the session's moment (moved or real) and ticks from
there, so a "today" that a test module computes when it is imported is still today
when the suite runs past midnight. Collection, where those modules are imported, holds
the clock still at the same moment: on a loaded machine collecting took long enough to
pass midnight, and a module's "today" was then a day after every test's clock.

A plugin rather than the root conftest because the clock must move before any conftest
is imported: pytest imports the conftests of the folders it is given (and their
``tests`` folders) before the root conftest's ``pytest_configure`` runs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine

CLOCK_ZONE = ZoneInfo("Europe/Oslo")

# Per-team results stay in each test process: parallel test workers on SQLite all name
# their database "memorydb", so a shared file cache would hand one worker's results to
# another. core/tests/test_cache.py tests the shared file cache itself. Set here, in
# the plugin imported before Django reads its settings.
os.environ.setdefault("FASIT_TEAM_CACHE", "local")

_session_start = dt.datetime.now(dt.UTC)
_session_travel: time_machine.travel | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        default=os.environ.get("FASIT_TEST_CLOCK") or None,
        metavar="ISO-DATETIME",
        help="run the session with the clock moved to this moment (Europe/Oslo time "
        "unless an offset is given), e.g. 2028-02-29T12:00",
    )


def clock_moment(value: str) -> dt.datetime:
    """The aware moment ``--clock`` names."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise pytest.UsageError(f"--clock: not an ISO date-time: {value!r}") from exc
    # A ZoneInfo (not a fixed offset) also makes time-machine set the process time zone.
    return moment.replace(tzinfo=CLOCK_ZONE) if moment.tzinfo is None else moment


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    global _session_start, _session_travel
    value = early_config.known_args_namespace.clock
    if value:
        _session_start = clock_moment(value)
        _session_travel = time_machine.travel(_session_start, tick=True)
        _session_travel.start()
    else:
        _session_start = dt.datetime.now(dt.UTC)


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    # Still, not ticking: every module imported here computes the same "today" as the
    # moment each test starts from (time-machine leaves time.monotonic alone, so
    # timeouts and durations are unaffected).
    with time_machine.travel(_session_start, tick=False):
        return (yield)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _session_travel
    if _session_travel is not None:
        _session_travel.stop()
        _session_travel = None


def pytest_report_header(config: pytest.Config) -> str:
    return f"clock: {_session_start.isoformat()}" + (" (moved)" if _session_travel else "")


@pytest.fixture(autouse=True)
def session_clock() -> Iterator[time_machine.Traveller]:
    """Each test starts at the session's moment and ticks; a test that needs another
    moment moves it (``session_clock.move_to(...)``) or travels inside it."""
    with time_machine.travel(_session_start, tick=True) as traveller:
        yield traveller
