"""Risk, gap and suggestions computed from rows, on a fixed today."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from fasit.buying import selectors, services
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_forecast_ahead_of_problem_identification_is_a_gap(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=TODAY - dt.timedelta(days=10),
        forecast_probability=80,
        forecast_value=Decimal("500000"),
    )
    a = selectors.assess_one(journey, today=TODAY)
    assert a.gap is not None and a.gap.flagged
    assert a.gap_reasons == [
        "The forecast says 80%, 58 points above the 22% that the customer's stage "
        "“Problem identification” (stage 2 of 9) supports; a forecast more than 25 points "
        "ahead is a gap."
    ]


def test_risk_reasons_from_rows(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(days=60)
    )
    a = selectors.assess_one(journey, today=TODAY)
    assert a.risk is not None
    assert [r.code for r in a.risk.reasons] == ["stalled", "no_motive", "no_decision_maker"]
    assert a.risk_reasons[0] == (
        "In “Problem identification” for 60 days; the template expects about 30 days "
        "(too little history in this category for a median yet)."
    )
    assert a.risk.level == "high"


def test_decision_maker_contact_comes_from_conversations(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(days=5)
    )
    boss = PersonFactory(team=team_a, name="Kari Berg")
    services.member_set(journey=journey, actor=alice, person=boss, role="decision_maker")
    services.motive_add(journey=journey, actor=alice, text="Stans koster oss dyrt.", person=boss)
    old = ConversationFactory(
        team=team_a, account=journey.account, occurred_at=_at(TODAY - dt.timedelta(days=50))
    )
    old.people.add(boss)
    a = selectors.assess_one(journey, today=TODAY)
    assert [r.code for r in a.risk.reasons] == ["decision_maker_silent"]  # type: ignore[union-attr]
    recent = ConversationFactory(
        team=team_a, account=journey.account, occurred_at=_at(TODAY - dt.timedelta(days=3))
    )
    recent.people.add(boss)
    assert selectors.assess_one(journey, today=TODAY).risk.reasons == ()  # type: ignore[union-attr]


def test_medians_come_from_the_categorys_history(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    stages = stages_of(process)
    for days in (10, 12, 14, 16, 18):
        journey = journey_at(
            team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(days=days + 5)
        )
        services.journey_change_stage(
            journey=journey,
            actor=alice,
            stage=stages[2],
            changed_on=TODAY - dt.timedelta(days=5),
            note="De ser på alternativer.",
        )
    norms = selectors.process_norms(process)
    assert norms[str(stages[1].pk)].median_days == 14
    assert norms[str(stages[1].pk)].from_history
    assert not norms[str(stages[2].pk)].from_history
    slow = journey_at(team_a, alice, process=process, index=1, since=TODAY - dt.timedelta(days=22))
    reasons = selectors.assess_one(slow, today=TODAY).risk_reasons
    assert reasons[0] == (
        "In “Problem identification” for 22 days; buyers in this category usually move on "
        "after 14 days (median)."
    )


def test_another_category_does_not_count_in_the_median(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    for _ in range(5):
        journey = journey_at(
            team_a, alice, process=other, index=1, since=TODAY - dt.timedelta(days=30)
        )
        services.journey_change_stage(
            journey=journey,
            actor=alice,
            stage=stages_of(other)[2],
            changed_on=TODAY - dt.timedelta(days=20),
            note="x",
        )
    assert not selectors.process_norms(process)[str(stages_of(process)[1].pk)].from_history


def test_gap_list_is_sorted_by_value_at_stake(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    since = TODAY - dt.timedelta(days=3)
    small = journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=since,
        title="Liten",
        forecast_probability=90,
        forecast_value=Decimal(100),
    )
    big = journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=since,
        title="Stor",
        forecast_probability=90,
        forecast_value=Decimal(900),
    )
    journey_at(team_a, alice, process=process, index=1, since=since, forecast_probability=20)
    gaps = selectors.gap_list(team_a, today=TODAY)
    assert [a.journey for a in gaps] == [big, small]
    assert selectors.value_by_currency(gaps) == [("NOK", Decimal(1000))]


def test_suggestions_come_from_new_conversations_and_change_nothing(
    team_a: Any, alice: Any
) -> None:
    process = process_for(team_a, alice)
    today = timezone.localdate()
    journey = journey_at(team_a, alice, process=process, index=1, since=today - dt.timedelta(5))
    ConversationFactory(
        team=team_a,
        account=journey.account,
        occurred_at=_at(today - dt.timedelta(days=20)),
        notes="Anbud er sendt ut.",
    )
    new = ConversationFactory(
        team=team_a,
        account=journey.account,
        occurred_at=_at(today - dt.timedelta(days=1)),
        notes="De skriver en kravspesifikasjon, og budsjettet er satt av.",
    )
    ConversationFactory(team=team_a, notes="Anbud er sendt ut.")  # another account
    suggestions = selectors.journey_suggestions(journey)
    assert [(s.conversation, s.stage.name, s.matched) for s in suggestions] == [
        (new, "Requirements building", ("kravspes", "kravspesifikasjon", "budsjett"))
    ]
    journey.refresh_from_db()
    assert journey.stage.name == "Problem identification"


def test_accepting_a_suggestion_uses_the_conversation_as_evidence(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    today = timezone.localdate()
    journey = journey_at(team_a, alice, process=process, index=1, since=today - dt.timedelta(5))
    new = ConversationFactory(
        team=team_a,
        account=journey.account,
        occurred_at=_at(today - dt.timedelta(days=1)),
        notes="Upphandling startar, förfrågningsunderlag kommer.",
    )
    change = services.suggestion_accept(journey=journey, actor=alice, conversation=new)
    journey.refresh_from_db()
    assert journey.stage.name == "Supplier selection"
    assert (change.conversation, change.changed_on) == (new, today - dt.timedelta(1))
    assert "upphandling" in change.note
    assert selectors.journey_suggestions(journey) == []


def test_dismissed_suggestions_stay_away(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    today = timezone.localdate()
    journey = journey_at(team_a, alice, process=process, index=1, since=today - dt.timedelta(5))
    new = ConversationFactory(team=team_a, account=journey.account, notes="Vi vil ha en pilot.")
    services.suggestion_dismiss(journey=journey, actor=alice, conversation=new)
    services.suggestion_dismiss(journey=journey, actor=alice, conversation=new)
    assert selectors.journey_suggestions(journey) == []
    assert journey.dismissals.count() == 1
    assert journey.stage.name == "Problem identification"


def test_insight_counts_stalls_and_motives(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    stalled = journey_at(
        team_a, alice, process=process, index=2, since=TODAY - dt.timedelta(days=100)
    )
    fine = journey_at(team_a, alice, process=process, index=2, since=TODAY - dt.timedelta(days=3))
    for journey in (stalled, fine):
        services.motive_add(journey=journey, actor=alice, text="Oppetid.", theme="uptime")
    insight = selectors.category_insight(team_a, process, today=TODAY)
    exploration = insight.stages[2]
    assert (exploration.here_now, exploration.stalled_now) == (2, 1)
    assert insight.stall_stage == exploration
    assert [(m.theme, m.accounts, m.motives) for m in insight.motives] == [("uptime", 2, 2)]


def test_account_journeys_for_the_account_page(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    account = AccountFactory(team=team_a, category=process.category)
    journey_at(team_a, alice, process=process, index=1, since=TODAY, account=account)
    journey_at(team_a, alice, process=process, index=1, since=TODAY)
    assert len(selectors.account_journeys(account)) == 1


def _python_durations(team: Any, process_ids: set[int]) -> dict[int, dict[str, list[int]]]:
    """The stage-visit lengths as the history read into Python gives them (the way
    process_frames counted them before the database did)."""
    from collections import defaultdict

    from fasit.buying.models import StageChange
    from fasit.engine.buying import ordered_durations

    rows: dict[int, list[Any]] = defaultdict(list)
    for process_id, journey, stage, on in (
        StageChange.objects.for_team(team)
        .filter(journey__process__in=process_ids)
        .order_by("journey_id", "changed_on", "id")
        .values_list("journey__process_id", "journey_id", "to_stage_id", "changed_on")
    ):
        rows[process_id].append((journey, str(stage) if stage is not None else None, on))
    return {pid: {k: sorted(v) for k, v in ordered_durations(rows[pid]).items()} for pid in rows}


def test_visit_lengths_counted_by_the_database_equal_the_history_read_in_python(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    """Same-day changes, changes entered out of date order, a change to a removed stage
    and another category's and another team's journeys: the database's counts give the
    same visit lengths (and so the same norms) as the history read row by row."""
    from fasit.buying.models import StageChange

    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    foreign = process_for(team_b, charlie)
    for n, (proc, team, actor) in enumerate(
        [(process, team_a, alice)] * 7 + [(other, team_a, alice)] * 3 + [(foreign, team_b, charlie)]
    ):
        stages = stages_of(proc)
        start = TODAY - dt.timedelta(days=60 + n)
        journey = journey_at(team, actor, process=proc, index=0, since=start)
        # Two changes on one day (ordered by id), then later ones.
        for index, offset in ((2, 10 + n % 3), (1, 10 + n % 3), (3, 30 + n), (1, 45 + n % 2)):
            services.journey_change_stage(
                journey=journey,
                actor=actor,
                stage=stages[index],
                changed_on=start + dt.timedelta(days=offset),
                note="x",
            )
        changes = StageChange.objects.filter(journey=journey)
        if n == 3:  # a change to a stage that has since been removed
            changes.filter(to_stage=stages[3]).update(to_stage=None)
            services.link_visits([journey])
        if n == 4:  # history corrected afterwards: a later id with an earlier date
            changes.filter(to_stage=stages[3]).update(changed_on=start + dt.timedelta(days=5))
            # A correction outside the services relinks the journey's visits, as the
            # services (and the migration that filled ``left_on``) do.
            services.link_visits([journey])
    ids = {process.pk, other.pk}
    found = selectors._visit_lengths(team_a, ids)
    assert {pid: dict(v) for pid, v in found.items()} == _python_durations(team_a, ids)
    assert sum(len(v) for v in found[process.pk].values()) > 20
    assert foreign.pk not in found
    frames = selectors.process_frames(team_a, ids)
    norms = selectors.process_norms(process)
    assert frames[process.pk].norms == norms
    assert any(n.from_history for n in norms.values())


def test_each_stage_change_keeps_the_date_its_visit_ended(team_a: Any, alice: Any) -> None:
    """``left_on`` is the date of the journey's next change in date and id order, after
    every service that adds changes: a start, same-day changes, a removed stage that
    moves its journeys."""
    from fasit.buying.models import StageChange

    process = process_for(team_a, alice)
    stages = stages_of(process)
    start = TODAY - dt.timedelta(days=40)
    journeys = [journey_at(team_a, alice, process=process, index=0, since=start) for _ in range(3)]
    for n, journey in enumerate(journeys):
        for index, offset in ((1, 5), (2, 5), (3, 9 + n)):
            services.journey_change_stage(
                journey=journey,
                actor=alice,
                stage=stages[index],
                changed_on=start + dt.timedelta(days=offset),
                note="x",
            )
    services.stage_remove(stage=stages[3], actor=alice)
    rows = list(
        StageChange.objects.filter(journey__team=team_a)
        .order_by("journey_id", "changed_on", "id")
        .values_list("journey_id", "changed_on", "left_on")
    )
    assert len(rows) == 3 * 5
    for (journey, _on, left_on), following in zip(rows, [*rows[1:], None], strict=True):
        expected = following[1] if following and following[0] == journey else None
        assert left_on == expected
    assert sum(left_on is None for *_, left_on in rows) == 3


def _python_motive_counts(team: Any, process: Any) -> list[tuple]:
    """The motive counts as every motive read into Python gave them before."""
    from collections import Counter, defaultdict

    from fasit.buying.models import Motive

    counts: Counter[str] = Counter()
    accounts: dict[str, set[int]] = defaultdict(set)
    examples: dict[str, list[str]] = defaultdict(list)
    for theme, account_id, text in (
        Motive.objects.for_team(team)
        .filter(journey__process=process)
        .values_list("theme", "journey__account_id", "text")
        .order_by("-id")
    ):
        counts[theme] += 1
        accounts[theme].add(account_id)
        if len(examples[theme]) < 3 and text not in examples[theme]:
            examples[theme].append(text)
    return [
        (theme, count, len(accounts[theme]), tuple(examples[theme]))
        for theme, count in sorted(counts.items(), key=lambda kv: (-len(accounts[kv[0]]), -kv[1]))
    ]


def test_motive_counts_by_the_database_equal_the_motives_read_in_python(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    """Repeated wordings, themes tied on accounts and motives (the newest first), one
    account with several journeys, and another process's and team's motives."""
    import random

    rng = random.Random(5)
    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    foreign = process_for(team_b, charlie)
    account = AccountFactory(team=team_a, category=process.category)
    journeys = [
        journey_at(team_a, alice, process=process, index=1, since=TODAY, account=account),
        *(journey_at(team_a, alice, process=process, index=1, since=TODAY) for _ in range(5)),
    ]
    themes = ["uptime", "cost", "safety", "other"]
    for _ in range(60):
        services.motive_add(
            journey=rng.choice(journeys),
            actor=alice,
            text=rng.choice(["Oppetid.", "Pris.", "Risiko.", "Enklere drift.", "Ny lov."]),
            theme=rng.choice(themes),
        )
    # Two themes with one motive each from one account: tied, the newer first.
    for theme in ("growth", "compliance"):
        services.motive_add(journey=journeys[1], actor=alice, text="x", theme=theme)
    for proc, team, actor in ((other, team_a, alice), (foreign, team_b, charlie)):
        journey = journey_at(team, actor, process=proc, index=1, since=TODAY)
        services.motive_add(journey=journey, actor=actor, text="Annet.", theme="uptime")
    found = [
        (m.theme, m.motives, m.accounts, m.examples)
        for m in selectors.motive_counts(team_a, process)
    ]
    assert found == _python_motive_counts(team_a, process)
    assert len(found) >= 5
