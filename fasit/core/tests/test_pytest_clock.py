"""The test session's clock (fasit/pytest_clock.py), run in a pytest of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def inner(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    # Only the clock plugin: the inner session needs neither Django nor xdist.
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    return pytester


def test_a_today_computed_while_collecting_is_the_tests_today(inner: pytest.Pytester) -> None:
    # Collecting this module passes midnight (it sleeps 1.5 s from 23:59:59); its TODAY
    # must still be the day each test starts on. Stop 35 saw main's suite fail this way
    # under load: collection crossed midnight and "The date cannot be in the future".
    inner.makepyfile(
        test_late="""
        import datetime as dt
        import time

        time.sleep(1.5)
        TODAY = dt.date.today()

        def test_today_is_the_same():
            assert dt.date.today() == TODAY == dt.date(2026, 12, 31)
        """
    )
    result = inner.runpytest_subprocess(
        "-p", "fasit.pytest_clock", "-p", "no:cacheprovider", "--clock=2026-12-31T23:59:59"
    )
    result.assert_outcomes(passed=1)


def test_each_test_starts_at_the_sessions_moment_and_ticks(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        test_ticks="""
        import datetime as dt
        import time

        START = dt.datetime(2028, 2, 29, 12, 0).astimezone()

        def test_first():
            time.sleep(1.5)
            assert (dt.datetime.now().astimezone() - START).total_seconds() >= 1.5

        def test_second_starts_again():
            assert abs((dt.datetime.now().astimezone() - START).total_seconds()) < 1.0
        """
    )
    result = inner.runpytest_subprocess(
        "-p", "fasit.pytest_clock", "-p", "no:cacheprovider", "--clock=2028-02-29T12:00"
    )
    result.assert_outcomes(passed=2)
