"""``fasit report being-on`` ranks like the page and assesses in chunks: the same rows
in the same order as the full assessment of every account it replaced, with today's
snapshots stored or not, on the days the clocks do not matter and 30 days on."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from django.core.management import call_command

from fasit.relationships import reports, selectors, snapshots
from fasit.relationships.models import AccountHealth
from fasit.relationships.tests.conftest import TODAY
from fasit.relationships.tests.test_standings import _team

pytestmark = pytest.mark.django_db


def _full(team: Any, today: dt.date, owner: Any = None) -> list[dict[str, Any]]:
    """The report's rows as they were computed before: every account assessed in full
    and sorted by ``risk_order``."""
    return [reports.row_dict(r) for r in selectors.being_on(team, today=today, owner=owner)]


@pytest.mark.parametrize("days_ahead", [0, 30])
def test_rows_are_the_full_assessments_in_its_order(
    team_a: Any, team_b: Any, alice: Any, settings: Any, monkeypatch: Any, days_ahead: int
) -> None:
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)
    # Small chunks, so the 24 accounts take several rounds.
    monkeypatch.setattr(reports, "ROWS_CHUNK", 5)
    today = TODAY + dt.timedelta(days=days_ahead)
    expected = _full(team_a, today)
    assert len(expected) == 24
    assert reports.being_on_rows(team_a, today=today) == expected
    assert reports.being_on_rows(team_a, today=today, owner=alice) == _full(team_a, today, alice)
    # With the day's snapshots stored (the nightly refresh), and some of them only.
    snapshots.refresh(team_a, today=today)
    assert reports.being_on_rows(team_a, today=today) == expected
    AccountHealth.objects.filter(account_id__in=[r["id"] for r in expected[::4]]).delete()
    assert reports.being_on_rows(team_a, today=today) == expected


def test_the_command_prints_the_same_rows(team_a: Any, alice: Any, monkeypatch: Any) -> None:
    _team(team_a, alice, 5)
    monkeypatch.setattr(reports, "ROWS_CHUNK", 7)
    out = io.StringIO()
    call_command("fasit_report", "being-on", "--json", "--date", TODAY.isoformat(), stdout=out)
    printed = json.loads(out.getvalue())["accounts"]
    expected = _full(team_a, TODAY)
    assert printed == [{k: r[k] for k in printed[0]} for r in expected]
    assert [r["name"] for r in printed] == [r["name"] for r in expected]
