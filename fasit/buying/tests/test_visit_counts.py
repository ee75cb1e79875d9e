"""The per-stage visit counts the services keep (``StageVisitCount``) equal the counts
from the raw stage history after every kind of write, and the insight page's figures
equal the engine's over the history read change by change."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from fasit.buying import selectors, services, visits
from fasit.buying.models import BuyingProcess, Journey, Outcome, StageChange, StageVisitCount
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.customers.services import account_delete
from fasit.engine.buying import stage_insight

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)


def _kept(team: Any) -> Counter:
    counts: Counter = Counter()
    for row in StageVisitCount.objects.filter(team=team).values_list(
        "team_id", "process_id", "stage_id", "days", "outcome", "entered_on", "n"
    ):
        counts[row[:-1]] += row[-1]
    return +counts  # keys counted to zero are no visits


def _from_history(team: Any) -> Counter:
    """The same keys counted from every stage change of the team, in Python: each
    change's visit ends at the journey's next change in date, then id, order."""
    counts: Counter = Counter()
    rows = list(
        StageChange.objects.filter(journey__team=team)
        .order_by("journey_id", "changed_on", "id")
        .values_list(
            "journey_id",
            "journey__process_id",
            "journey__outcome",
            "to_stage_id",
            "changed_on",
        )
    )
    for i, (journey, process, outcome, stage, on) in enumerate(rows):
        following = rows[i + 1] if i + 1 < len(rows) else None
        if stage is None:
            continue
        if following is not None and following[0] == journey:
            key = (team.pk, process, stage, (following[4] - on).days, "", None)
        else:
            key = (team.pk, process, stage, None, outcome, on)
        counts[key] += 1
    return counts


def _page_equals_engine(team: Any, process: BuyingProcess) -> None:
    journeys = Journey.objects.for_team(team).filter(process=process)
    entries = selectors.mapping.stage_entries(
        selectors._entry_rows(team, [process.pk]).get(process.pk, [])
    )
    open_ids, no_decision = (
        frozenset(str(pk) for pk in journeys.filter(outcome=o).values_list("pk", flat=True))
        for o in (Outcome.OPEN, Outcome.NO_DECISION)
    )
    defs = selectors.mapping.stage_defs(selectors.process_stages(process))
    for day in (TODAY, TODAY + dt.timedelta(days=45)):
        assert selectors.category_insight(team, process, today=day).stages == stage_insight(
            defs, entries, today=day, open_journeys=open_ids, no_decision=no_decision
        )


def test_counts_follow_every_write_and_equal_the_history(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    foreign = process_for(team_b, charlie)
    stages = stages_of(process)
    journeys = []
    for n in range(6):
        start = TODAY - dt.timedelta(days=80 + n)
        journey = journey_at(team_a, alice, process=process, index=0, since=start)
        journeys.append(journey)
        # Same-day changes (ordered by id), then later ones.
        for index, offset in ((2, 10), (1, 10), (3, 30 + n), (4, 50 + n % 2)):
            services.journey_change_stage(
                journey=journey,
                actor=alice,
                stage=stages[index],
                changed_on=start + dt.timedelta(days=offset),
                note="x",
            )
        assert _kept(team_a) == _from_history(team_a)
    journey_at(team_a, alice, process=other, index=2, since=TODAY - dt.timedelta(days=9))
    journey_at(team_b, charlie, process=foreign, index=1, since=TODAY - dt.timedelta(days=3))

    # Closed and reopened: the open visit moves between outcomes.
    services.journey_set_outcome(journey=journeys[0], actor=alice, outcome=Outcome.NO_DECISION)
    services.journey_set_outcome(journey=journeys[1], actor=alice, outcome=Outcome.BOUGHT)
    services.journey_set_outcome(journey=journeys[1], actor=alice, outcome=Outcome.OPEN)
    assert _kept(team_a) == _from_history(team_a)

    # A change dated between two earlier ones (added out of order): it splits a visit.
    services.journey_change_stage(
        journey=journeys[2], actor=alice, stage=stages[5], changed_on=TODAY, note="x"
    )
    StageChange.objects.filter(journey=journeys[2], to_stage=stages[5]).update(
        changed_on=TODAY - dt.timedelta(days=60)
    )
    services.link_visits([journeys[2]])  # a correction outside the services relinks
    assert _kept(team_a) == _from_history(team_a)

    # A removed stage: its journeys move on, its visits count nowhere.
    services.stage_remove(stage=stages[4], actor=alice)
    assert _kept(team_a) == _from_history(team_a)

    # Deleted journeys: by the service and with their account.
    services.journey_delete(journey=journeys[3], actor=alice)
    account_delete(account=journeys[4].account, actor=alice)
    assert not Journey.objects.filter(pk__in=[journeys[3].pk, journeys[4].pk]).exists()
    assert _kept(team_a) == _from_history(team_a)
    assert sum(_kept(team_a).values()) > 20

    # The other team's counts are its own.
    assert _kept(team_b) == _from_history(team_b) and sum(_kept(team_b).values()) == 1

    # Recounting from scratch (a team import) changes nothing.
    visits.recount([team_a.pk])
    assert _kept(team_a) == _from_history(team_a)

    for proc in (process, other):
        _page_equals_engine(team_a, proc)


def test_relinking_outside_the_services_recounts_the_team(team_a: Any, alice: Any) -> None:
    """Code that writes the history past the services (the demo, a team import) ends
    with ``link_visits``, which brings the counts back in step."""
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(30))
    StageVisitCount.objects.filter(team=team_a).delete()
    StageChange.objects.create(
        journey=journey,
        to_stage=stages_of(process)[3],
        to_name="x",
        changed_on=TODAY - dt.timedelta(days=5),
    )
    services.link_visits(Journey.objects.filter(team=team_a))
    assert _kept(team_a) == _from_history(team_a)
    assert sum(_kept(team_a).values()) == 2


def test_insight_page_after_writes_and_404_for_another_team(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    stages = stages_of(process)
    journeys = [
        journey_at(team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(days=40))
        for _ in range(3)
    ]
    url = reverse("buying:journey_stage", args=[journeys[0].pk])
    before = _kept(team_a)
    # Another team's user reaches none of team A's journeys: 404, nothing counted.
    assert charlie_client.post(url, {"stage": stages[2].pk, "note": "x"}).status_code == 404
    assert (
        charlie_client.post(reverse("buying:journey_delete", args=[journeys[1].pk])).status_code
        == 404
    )
    assert (
        charlie_client.post(
            reverse("buying:journey_outcome", args=[journeys[1].pk]), {"outcome": "bought"}
        ).status_code
        == 404
    )
    assert _kept(team_a) == before
    alice_client.post(url, {"stage": stages[2].pk, "note": "De har sett på tre løsninger."})
    alice_client.post(
        reverse("buying:journey_outcome", args=[journeys[1].pk]), {"outcome": "no_decision"}
    )
    alice_client.post(reverse("buying:journey_delete", args=[journeys[2].pk]))
    assert _kept(team_a) == _from_history(team_a)
    page = alice_client.get(reverse("buying:insight"))
    assert page.status_code == 200
    _page_equals_engine(team_a, process)
    # Charlie's page shows his team's (no) journeys, not team A's.
    assert charlie_client.get(reverse("buying:insight")).status_code == 200
    assert not StageVisitCount.objects.exclude(team=team_a).exists()


def test_migration_count_equals_the_services(team_a: Any, alice: Any) -> None:
    """The SQL the migration counted every team with gives the services' counts."""
    from importlib import import_module

    process = process_for(team_a, alice)
    for n in range(3):
        journey = journey_at(
            team_a, alice, process=process, index=0, since=TODAY - dt.timedelta(days=20 + n)
        )
        services.journey_change_stage(
            journey=journey, actor=alice, stage=stages_of(process)[2], note="x"
        )
    kept = _kept(team_a)
    StageVisitCount.objects.all().delete()
    migration = import_module("fasit.buying.migrations.0005_stage_visit_count")
    with connection.cursor() as cursor:
        cursor.execute(migration.count_sql(connection.vendor))
    assert _kept(team_a) == kept == _from_history(team_a)


def test_team_insight_of_all_processes_equals_each_counted_alone(
    team_a: Any,
    team_b: Any,
    alice: Any,
    charlie: Any,
    alice_client: Any,
    charlie_client: Any,
) -> None:
    """``team_insight`` reads every process's stages, outcomes, visits and motives in
    one statement each: per process it equals the engine over the stage history, the
    motives read in Python and the outcomes counted in Python, with another process of
    the team and another team's process (same theme and wording) in the tables."""
    from fasit.buying.tests.test_selectors import _python_motive_counts

    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    foreign = process_for(team_b, charlie)
    for n, proc in enumerate((process, other, process, other, process)):
        journey = journey_at(
            team_a, alice, process=proc, index=n % 3, since=TODAY - dt.timedelta(days=90 + n)
        )
        for index, offset in ((n % 3 + 1, 20 + n), (n % 3 + 2, 45)):
            services.journey_change_stage(
                journey=journey,
                actor=alice,
                stage=stages_of(proc)[index],
                changed_on=journey.stage_since + dt.timedelta(days=offset),
                note="x",
            )
        for i, theme in enumerate(("cost", "uptime", "cost")):
            services.motive_add(
                journey=journey, actor=alice, text=f"Pris {i + n % 2}.", theme=theme
            )
        if n in (1, 2):
            services.journey_set_outcome(
                journey=journey, actor=alice, outcome=(Outcome.NO_DECISION, Outcome.BOUGHT)[n - 1]
            )
    journey = journey_at(team_b, charlie, process=foreign, index=1, since=TODAY)
    services.motive_add(journey=journey, actor=charlie, text="Pris 0.", theme="cost")

    found = selectors.team_insight(team_a, today=TODAY)
    assert [i.process.pk for i in found] == [p.pk for p in selectors.process_list(team_a)]
    assert {i.process.pk for i in found} == {process.pk, other.pk}
    for insight in found:
        proc = insight.process
        _page_equals_engine(team_a, proc)
        assert insight == selectors.category_insight(team_a, proc, today=TODAY)
        assert [
            (m.theme, m.motives, m.accounts, m.examples) for m in insight.motives
        ] == _python_motive_counts(team_a, proc)
        outcomes = Counter(
            Journey.objects.for_team(team_a).filter(process=proc).values_list("outcome", flat=True)
        )
        assert insight.journeys_open == outcomes.pop(Outcome.OPEN, 0)
        assert insight.journeys_closed == dict(sorted(outcomes.items()))
    assert sum(i.journeys_open for i in found) == 3
    assert [i.process.pk for i in selectors.team_insight(team_b, today=TODAY)] == [foreign.pk]

    # The API: team A's processes for alice, team B's own for charlie, who gets a 404 on
    # a team A process.
    assert [row["process_id"] for row in alice_client.get("/api/buying/insight").json()] == [
        i.process.pk for i in found
    ]
    assert [row["process_id"] for row in charlie_client.get("/api/buying/insight").json()] == [
        foreign.pk
    ]
    assert charlie_client.get(reverse("buying:process", args=[process.pk])).status_code == 404
