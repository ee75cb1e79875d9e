from __future__ import annotations

import datetime as dt

from fasit.engine.relationships.knowledge import (
    PersonProfile,
    account_knowledge,
    freshness,
    person_knowledge,
)

TODAY = dt.date(2026, 11, 23)


def test_nothing_known_is_zero_and_everything_is_missing() -> None:
    k = person_knowledge(PersonProfile(1, "Kari"), today=TODAY)
    assert k.score == 0
    assert set(k.missing) == {
        "family",
        "interests",
        "what_matters",
        "dates",
        "recent_note",
        "meeting",
    }


def test_everything_known_and_fresh_is_100() -> None:
    profile = PersonProfile(
        1,
        "Kari",
        family=2,
        family_on=TODAY,
        interests=1,
        interests_on=TODAY,
        dates=1,
        dates_on=TODAY,
        what_matters=True,
        meeting=True,
        profile_on=TODAY,
        last_note_on=TODAY - dt.timedelta(days=30),
    )
    k = person_knowledge(profile, today=TODAY)
    assert (k.score, k.missing, k.stale, k.known_well) == (100, (), (), True)


def test_freshness_falls_to_half_over_three_years() -> None:
    assert freshness(TODAY - dt.timedelta(days=365), TODAY) == 1.0
    assert freshness(TODAY - dt.timedelta(days=730), TODAY) == 0.75
    assert freshness(TODAY - dt.timedelta(days=2000), TODAY) == 0.5
    assert freshness(None, TODAY) == 1.0


def test_stale_interests_count_half_and_are_reported() -> None:
    profile = PersonProfile(1, "Kari", interests=2, interests_on=TODAY - dt.timedelta(days=1200))
    k = person_knowledge(profile, today=TODAY)
    assert k.score == 10
    assert k.stale == ("interests",)


def test_an_old_note_is_not_a_recent_note() -> None:
    old = person_knowledge(
        PersonProfile(1, "K", last_note_on=TODAY - dt.timedelta(days=400)), today=TODAY
    )
    new = person_knowledge(
        PersonProfile(1, "K", last_note_on=TODAY - dt.timedelta(days=10)), today=TODAY
    )
    assert (old.score, new.score) == (0, 15)


def test_account_without_a_decision_maker_is_penalised() -> None:
    full = person_knowledge(
        PersonProfile(
            1,
            "A",
            family=1,
            interests=1,
            dates=1,
            what_matters=True,
            meeting=True,
            last_note_on=TODAY,
        ),
        today=TODAY,
    )
    result = account_knowledge([("economic_buyer", full), ("user", full)])
    # economic buyer 25*100 + user 10*100, decision maker 30*0 -> 3500 / 65
    assert result.score == 54
    assert result.missing_roles == ("decision_maker",)
    assert (result.people, result.known_well) == (2, 2)


def test_account_role_score_uses_the_best_two_people() -> None:
    nobody = person_knowledge(PersonProfile(9, "N"), today=TODAY)
    well = person_knowledge(
        PersonProfile(1, "A", family=1, interests=1, what_matters=True), today=TODAY
    )  # 60
    people = [("decision_maker", well), ("decision_maker", well), ("decision_maker", nobody)]
    people += [("economic_buyer", nobody)]
    result = account_knowledge(people)
    dm = next(r for r in result.roles if r.role == "decision_maker")
    # depth: best two = 60; breadth: 2 of 3 known well -> 0.7 * 60 + 0.3 * 66.7 = 62
    assert (dm.people, dm.known_well, dm.best, dm.score) == (3, 2, 60, 62)
    assert result.roles_not_known_well == ("economic_buyer",)
    assert result.score == round(30 * 62 / 55)


def test_account_with_nobody_is_zero() -> None:
    assert account_knowledge([]).score == 0
