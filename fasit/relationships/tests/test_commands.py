from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from fasit.relationships.tests.conftest import TODAY, TOMORROW


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_being_on_json(kari: Any) -> None:
    data = json.loads(run("fasit_report", "being-on", "--json", "--date", TODAY.isoformat()))
    [row] = data["accounts"]
    assert set(row) == {
        "name",
        "tier",
        "health",
        "going_dark",
        "days_since_our_contact",
        "norm_days",
        "people_on_record",
        "people_in_contact",
        "revenue_at_risk",
    }
    assert (row["name"], row["going_dark"], row["days_since_our_contact"], row["norm_days"]) == (
        "Fjord Energi AS",
        True,
        40,
        14,
    )
    assert row["revenue_at_risk"] > 0


def test_being_on_table(kari: Any) -> None:
    assert "Fjord Energi AS" in run("fasit_report", "being-on", "--team", "team-a")


def test_dates_upcoming_json(kari: Any) -> None:
    data = json.loads(
        run("fasit_dates", "upcoming", "--days", "3", "--json", "--date", TODAY.isoformat())
    )
    assert {
        "person": "Kari Berg",
        "account": "Fjord Energi AS",
        "kind": "birthday",
        "date": TOMORROW.isoformat(),
        "days_until": 1,
    } in data["dates"]


def test_several_teams_need_a_slug(kari: Any, team_b: Any) -> None:
    with pytest.raises(CommandError, match="team-a, team-b"):
        run("fasit_dates", "upcoming")
    data = json.loads(run("fasit_dates", "upcoming", "--team", "team-b", "--json"))
    assert data == {"dates": []}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("fasit_report", "nope"), "Unknown report 'nope'"),
        (("fasit_report",), "Name a report: being-on"),
        (("fasit_report", "being-on", "--bogus"), "unrecognized arguments"),
        (("fasit_report", "being-on", "--team", "zzz"), "No team with slug 'zzz'"),
        (("fasit_dates", "later"), "Unknown subcommand 'later'"),
        (("fasit_dates", "upcoming", "--days", "x"), "whole number"),
        (("fasit_dates", "upcoming", "--days", "400"), "from 0 to 366"),
        (("fasit_dates", "upcoming", "--date", "23.11.2026"), "YYYY-MM-DD"),
    ],
)
def test_bad_arguments_are_explained(team_a: Any, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_cli_maps_report_and_dates(kari: Any, capsys: Any) -> None:
    from fasit.cli import main

    assert main(["dates", "upcoming", "--json"]) == 0
    assert "dates" in json.loads(capsys.readouterr().out)
