from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management.base import CommandError
from django.utils import timezone

from fasit.buying import selectors, services
from fasit.buying.models import BuyingProcess, Journey
from fasit.buying.reports import report_buying, resolve_team
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.core.demo.generator import seed_demo
from fasit.tenancy.models import Team
from fasit.testing import demo_for_module

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)


@pytest.fixture(scope="module")
def _demo_id(django_db_setup: Any, django_db_blocker: Any) -> Iterator[int]:
    """The demo (seed 3) the tests below read, seeded once for them; what each writes
    is rolled back before the next one."""
    with demo_for_module(django_db_blocker, seed=3, today=TODAY) as team_id:
        yield team_id


@pytest.fixture
def demo(_demo_id: int, db: Any) -> Team:
    return Team.objects.get(pk=_demo_id)


def test_report_json_has_the_documented_keys(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=TODAY - dt.timedelta(days=10),
        title="Nye pumper",
        forecast_probability=80,
    )
    data = json.loads(report_buying(team=team_a, as_json=True, today=TODAY))
    row = data["journeys"][0]
    assert set(row) == {
        "account",
        "title",
        "category",
        "stage",
        "stage_index",
        "stages_total",
        "days_in_stage",
        "seller_probability",
        "reality_gap",
        "reasons",
        "status_quo_risk",
    }
    assert (row["title"], row["stage"], row["stage_index"], row["days_in_stage"]) == (
        "Nye pumper",
        "Problem identification",
        1,
        10,
    )
    assert (row["reality_gap"], row["status_quo_risk"]) == (True, "high")
    assert row["reasons"][0].startswith("The forecast says 80%")


def test_report_text(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=1, since=TODAY, forecast_probability=80)
    text = report_buying(team=team_a, as_json=False, today=TODAY)
    assert "Problem identification (2/9, 0 days)" in text
    assert "1 open journeys, 1 with a reality gap." in text


def test_report_team_must_be_named_when_there_are_several(team_a: Any, team_b: Any) -> None:
    with pytest.raises(CommandError):
        resolve_team(None)
    with pytest.raises(CommandError):
        resolve_team("nope")
    assert resolve_team("team-b") == team_b


def test_demo_buying_is_deterministic(db: Any) -> None:
    """Before the tests of the module's demo (``_demo_id``, kept until the module's
    last test): this one seeds its own, twice, and reads every team's journeys."""

    def snapshot() -> list[Any]:
        return list(
            Journey.objects.order_by("id").values_list(
                "title", "stage__name", "stage_since", "forecast_probability"
            )
        )

    seed_demo(seed=5, today=TODAY)
    first = snapshot()
    Team.objects.all().delete()
    seed_demo(seed=5, today=TODAY)
    assert snapshot() == first


def test_demo_has_journeys_in_every_stage_with_gaps_and_stalls(demo: Team) -> None:
    team = demo
    processes = BuyingProcess.objects.for_team(team)
    assert processes.count() == 3
    assessments = selectors.assess(team, selectors.journey_list(team), today=TODAY)
    per_category = Counter((a.journey.process.category.name, a.stage_index) for a in assessments)
    for process in processes:
        assert {i for c, i in per_category if c == process.category.name} == set(range(9))
    assert sum(1 for a in assessments if a.gap and a.gap.flagged) >= 3
    assert (
        sum(1 for a in assessments if a.risk and any(r.code == "stalled" for r in a.risk.reasons))
        >= 3
    )
    assert Journey.objects.for_team(team).exclude(outcome="open").exists()
    with_suggestions = [j for j in selectors.journey_list(team) if selectors.journey_suggestions(j)]
    assert with_suggestions


def test_fasit_report_buying_command(team_a: Any, alice: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=1, since=TODAY, title="Nye pumper")
    out = StringIO()
    call_command("fasit_report", "buying", "--team", "team-a", "--json", stdout=out)
    assert json.loads(out.getvalue())["journeys"][0]["title"] == "Nye pumper"


def test_insight_counted_by_the_database_equals_the_stage_changes_read_in_python(
    demo: Team,
) -> None:
    """The insight page's figures come from visits the database counts; they equal the
    engine's over every stage change of the demo (a removed stage included)."""
    from fasit.buying.models import Outcome, Stage, StageChange
    from fasit.engine.buying import stage_insight

    team = demo
    # A stage removed from a template: its changes keep ending the visits before them.
    removed = Stage.objects.filter(process__team=team, stage_changes__isnull=False).first()
    assert removed is not None
    StageChange.objects.filter(to_stage=removed).update(to_stage=None)
    # Written past the services: relinking recounts the team's visits (as an import does).
    services.link_visits(Journey.objects.for_team(team))
    processes = list(BuyingProcess.objects.for_team(team))
    assert StageChange.objects.filter(journey__team=team, to_stage=None).exists()
    for process in processes:
        journeys = Journey.objects.for_team(team).filter(process=process)
        entries = selectors.mapping.stage_entries(
            selectors._entry_rows(team, [process.pk])[process.pk]
        )
        open_ids, no_decision = (
            frozenset(str(pk) for pk in journeys.filter(outcome=o).values_list("pk", flat=True))
            for o in (Outcome.OPEN, Outcome.NO_DECISION)
        )
        defs = selectors.mapping.stage_defs(selectors.process_stages(process))
        # Later days too: "stalled now" depends on the day, the rest does not.
        for day in (TODAY, TODAY + dt.timedelta(days=45), TODAY + dt.timedelta(days=400)):
            insight = selectors.category_insight(team, process, today=day)
            assert insight.stages == stage_insight(
                defs, entries, today=day, open_journeys=open_ids, no_decision=no_decision
            )
            assert sum(s.entered for s in insight.stages) > 0


def _old_report_json(team: Any, today: dt.date) -> str:
    """``report buying --json`` as it was written before (the rules one journey at a
    time as they were, each member and motive as an object, each reason's sentence
    made anew, ``json.dumps`` with its indent): the reference for the faster one."""
    from fasit.buying.models import Outcome
    from fasit.buying.reasons import reason_text
    from fasit.engine.buying.tests import reference_rules

    fields = ("pk", "process_id", "stage_id", "stage_since", "forecast_probability")
    extra = ("forecast_close", "account__name", "title", "process__category__name")
    journeys = list(
        selectors.journey_list(team).filter(outcome=Outcome.OPEN).values_list(*fields, *extra)
    )
    frames = selectors.process_frames(team, {r[1] for r in journeys})
    groups = selectors.group_rows(team, [r[0] for r in journeys])
    rows = []
    for pk, pid, stage_id, since, probability, close, account, title, category in journeys:
        frame = frames[pid]
        index = frame.index[stage_id]
        facts = groups.facts(
            pk, stage_index=index, stage_since=since, probability=probability, close_date=close
        )
        risk = reference_rules.status_quo_risk(facts, frame.defs, frame.norms, today=today)
        gap = reference_rules.reality_gap(facts, frame.defs, frame.norms, today=today)
        rows.append(
            {
                "account": account,
                "title": title,
                "category": category,
                "stage": frame.stages[index].name,
                "stage_index": index,
                "stages_total": len(frame.stages),
                "days_in_stage": (today - since).days,
                "seller_probability": probability,
                "reality_gap": gap.flagged,
                "reasons": [*(reason_text(r) for r in gap.reasons + risk.reasons)],
                "status_quo_risk": risk.level,
            }
        )
    return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)


def test_report_json_is_the_old_text_on_the_demo_and_odd_titles(
    demo: Team, team_a: Any, team_b: Any, alice: Any
) -> None:
    """The same text as before, byte for byte: the demo on several days and in two
    languages, titles with quotes and letters beyond Latin-1, a team
    with no journeys."""
    from django.utils import translation

    from fasit.buying.reports import rows_json

    team = demo
    process = process_for(team_a, alice)
    for title in ('Nye "pumper"\\ og bånd', "Ærlig talt – ≠ 🚀"):
        journey_at(team_a, alice, process=process, index=2, since=TODAY, title=title)
    journey_at(team_a, alice, process=process, index=1, since=TODAY, forecast_probability=80)
    assert json.loads(report_buying(team=team_b, as_json=True, today=TODAY)) == {"journeys": []}
    assert report_buying(team=team_b, as_json=True, today=TODAY) == _old_report_json(team_b, TODAY)
    for language in ("en", "nb"):
        with translation.override(language):
            for day in (TODAY, TODAY + dt.timedelta(days=45), TODAY + dt.timedelta(days=400)):
                for each in (team, team_a):
                    new = report_buying(team=each, as_json=True, today=day)
                    assert new == _old_report_json(each, day)
            assert len(json.loads(new)["journeys"]) == 3
    # Rows of another shape than the report's are written as json.dumps writes them.
    odd = [
        {"a": [[1]], "b": {}},
        {},
        {"c": 1.5, "d": None, "e": [True, None, 2.0], "f": '\x00\x1f\n"\\ å 🚀'},
    ]
    for rows in (odd, odd[2:], [{1: "x"}]):
        assert rows_json(rows) == json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
