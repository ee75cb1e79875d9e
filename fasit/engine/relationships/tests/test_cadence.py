from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from fasit.engine.relationships.cadence import (
    AccountFacts,
    Components,
    Contact,
    PersonFacts,
    PersonOnRecord,
    assess_account,
    assess_person,
    frequency,
    health_score,
    is_real_contact,
    listening_quality,
    recency,
    reciprocity,
    resolve_norm,
    sparkline_points,
    standing,
)

TODAY = dt.date(2026, 11, 23)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def test_real_contact() -> None:
    assert is_real_contact("coffee", False)
    assert is_real_contact("email", True)
    assert not is_real_contact("email", False)
    assert not is_real_contact("letter", True)


def test_norm_resolution_person_then_account_then_team_then_default() -> None:
    assert resolve_norm("key") == 14
    assert resolve_norm("customer") == 45
    assert resolve_norm("prospect") == 90
    assert resolve_norm("key", team_norms={"key": 21}) == 21
    assert resolve_norm("key", team_norms={"key": 21}, account_days=7) == 7
    assert resolve_norm("key", team_norms={"key": 21}, account_days=7, person_days=30) == 30


@pytest.mark.parametrize(
    ("days", "dark"),
    [(0, False), (13, False), (14, False), (15, True), (100, True)],
)
def test_going_dark_starts_the_day_after_the_norm(days: int, dark: bool) -> None:
    facts = AccountFacts(
        1,
        "key",
        14,
        (PersonOnRecord(1, "decision_maker"),),
        (Contact(ago(days), "meeting", "us", people=(1,)),),
    )
    result = assess_account(facts, today=TODAY)
    assert (result.going_dark is not None) is dark
    if dark:
        assert result.going_dark is not None
        assert result.going_dark.days_behind == days - 14
        assert result.going_dark.since == ago(days) + dt.timedelta(days=14)


def test_an_email_without_an_answer_is_not_contact() -> None:
    facts = AccountFacts(
        1, "key", 14, (), (Contact(ago(1), "email", "us"), Contact(ago(30), "meeting", "us"))
    )
    assert assess_account(facts, today=TODAY).days_since_our_contact == 30


def test_the_customer_calling_us_does_not_keep_us_on() -> None:
    facts = AccountFacts(
        1,
        "key",
        14,
        (PersonOnRecord(1), PersonOnRecord(2)),
        (
            Contact(ago(2), "call", "customer", people=(1,)),
            Contact(ago(60), "visit", "us", people=(2,)),
        ),
    )
    result = assess_account(facts, today=TODAY)
    assert result.going_dark is not None
    assert result.days_since_our_contact == 60
    assert result.last_their_contact == ago(2)
    assert result.going_dark.people_still_in_contact == 1


def _forty_of_250() -> AccountFacts:
    people = tuple(
        PersonOnRecord(
            i, ("decision_maker", "economic_buyer", "influencer", "user", "champion")[i % 5]
        )
        for i in range(250)
    )
    contacts = [Contact(ago(150 + k * 20), "meeting", "us", people=(k,)) for k in range(10)]
    for person in range(40):
        for k in range(3):
            contacts.append(
                Contact(ago(1 + (person * 7 + k * 41) % 140), "call", "customer", people=(person,))
            )
    return AccountFacts(7, "key", 14, people, tuple(contacts), revenue=Decimal("7000000"))


def test_the_40_of_250_case_goes_dark_with_its_revenue_at_risk() -> None:
    result = assess_account(_forty_of_250(), today=TODAY)
    assert result.going_dark is not None
    assert result.going_dark.days_since_our_contact == 150
    assert result.going_dark.days_behind == 136
    assert result.going_dark.people_still_in_contact == 40
    assert result.going_dark.people_on_record == 250
    assert result.components.recency == 0
    assert result.components.reciprocity < 0.05
    assert result.health <= 20
    assert result.revenue_at_risk is not None and result.revenue_at_risk >= Decimal("5600000")
    assert result.alerts[0].code == "going_dark"
    assert result.next_step.code == "reach_out"
    assert result.next_step.person_id is not None and result.next_step.person_id < 40
    assert result.coverage.on_record == 250
    assert 0 < result.coverage.in_contact <= 40


def test_a_well_kept_account_is_healthy() -> None:
    people = (PersonOnRecord(1, "decision_maker"), PersonOnRecord(2, "economic_buyer"))
    contacts = tuple(
        Contact(ago(d), "meeting", "us" if d % 3 else "customer", people=(1, 2))
        for d in range(0, 360, 10)
    )
    result = assess_account(
        AccountFacts(1, "key", 14, people, contacts, revenue=Decimal(1000)), today=TODAY
    )
    assert result.going_dark is None
    assert result.health >= 85
    assert result.alerts == ()
    assert result.next_step.code == "keep_going"
    assert result.revenue_at_risk == Decimal(1000) * Decimal(str(result.risk))


def test_never_contacted() -> None:
    result = assess_account(AccountFacts(1, "prospect", 90, (PersonOnRecord(1),), ()), today=TODAY)
    assert result.going_dark is not None and result.going_dark.days_since_our_contact is None
    assert result.alerts[0].code == "never_contacted"
    assert result.next_step.code == "make_first_contact"
    assert result.health == 0
    assert result.revenue_at_risk is None


def test_last_contact_before_the_window_still_counts() -> None:
    facts = AccountFacts(1, "prospect", 90, (), (), last_our_contact=ago(500))
    assert assess_account(facts, today=TODAY).days_since_our_contact == 500


def test_silent_decision_maker_raises_an_alert() -> None:
    people = (PersonOnRecord(1, "decision_maker"), PersonOnRecord(2, "user"))
    contacts = tuple(Contact(ago(d), "call", "us", people=(2,)) for d in range(0, 200, 7))
    result = assess_account(AccountFacts(1, "key", 14, people, contacts), today=TODAY)
    assert [a.code for a in result.alerts] == ["role_silent"]
    assert result.next_step.code == "meet_role"
    assert result.next_step.person_id == 1


def test_recency_decays_to_zero_at_three_norms() -> None:
    assert recency(14, 14) == 1.0
    assert recency(28, 14) == 0.5
    assert recency(42, 14) == 0.0
    assert recency(None, 14) == 0.0


def test_frequency_and_reciprocity() -> None:
    steady = [Contact(ago(d), "call", "us") for d in range(0, 180, 14)]
    assert frequency(steady, today=TODAY, norm_days=14) > 0.9
    assert frequency([], today=TODAY, norm_days=14) == 0.0
    mixed = [Contact(ago(d), "call", "us" if d % 5 else "customer") for d in range(0, 100, 2)]
    assert reciprocity(mixed, today=TODAY) == pytest.approx(1 - abs(0.8 - 0.6) / 0.6)
    assert reciprocity([Contact(ago(1), "call", "customer")], today=TODAY) == 0.0


def test_listening_is_optional_and_the_others_reweight() -> None:
    without = Components(recency=1.0, frequency=0.5, reciprocity=1.0, breadth=1.0)
    assert health_score(without) == round(100 * (35 + 10 + 15 + 15) / 85)
    with_listening = Components(
        recency=1.0, frequency=0.5, reciprocity=1.0, breadth=1.0, listening=0.0
    )
    assert health_score(with_listening) == 75
    assert health_score(Components(0.0, 0.0, 0.0)) == 0


def test_trend_arrow() -> None:
    people = (PersonOnRecord(1),)
    # Lots of contact until five weeks ago, none since: falling.
    contacts = tuple(Contact(ago(d), "meeting", "us", people=(1,)) for d in range(35, 200, 5))
    result = assess_account(AccountFacts(1, "key", 14, people, contacts), today=TODAY)
    assert result.trend == "down"
    assert result.health < result.health_before


def test_monthly_sparkline_counts() -> None:
    contacts = (
        Contact(dt.date(2026, 11, 1), "meeting", "us"),
        Contact(dt.date(2026, 11, 2), "email", "customer", customer_replied=True),
        Contact(dt.date(2025, 12, 31), "meeting", "us"),
        Contact(dt.date(2025, 11, 30), "meeting", "us"),  # 13 months back: outside
    )
    result = assess_account(AccountFacts(1, "key", 14, (), contacts), today=TODAY)
    assert result.monthly_ours == (1,) + (0,) * 10 + (1,)
    assert result.monthly_theirs == (0,) * 11 + (1,)
    assert sparkline_points((0, 2, 1), width=10, height=10).split() == [
        "0.0,8.0",
        "5.0,2.0",
        "10.0,5.0",
    ]


def test_person_health() -> None:
    facts = PersonFacts(1, 30, tuple(Contact(ago(d), "coffee", "us") for d in (5, 40, 80, 120)))
    result = assess_person(facts, today=TODAY)
    assert not result.behind
    assert result.components.breadth is None
    assert 0 < result.health <= 100
    quiet = assess_person(PersonFacts(2, 30, ()), today=TODAY)
    assert quiet.behind and quiet.health == 0


def test_listening_quality() -> None:
    assert listening_quality(0.40, 12, 2) == 1.0
    assert listening_quality(0.70, 0, 0) == 0.0
    assert listening_quality(0.54) == pytest.approx(0.5)
    assert listening_quality(0.43, 0) == pytest.approx(0.5 / 0.8)


def _random_facts(rng: random.Random, account_id: int) -> AccountFacts:
    """An account with people, roles and contacts drawn at random: some ahead of
    today, some older than a year, unanswered e-mails, listening scores."""
    people = tuple(
        PersonOnRecord(100 + i, rng.choice(["", "decision_maker", "user", "champion"]))
        for i in range(rng.randint(0, 5))
    )
    reachable = [p.person_id for p in people] + [999]  # 999: someone not on record
    contacts = tuple(
        Contact(
            on=TODAY - dt.timedelta(days=rng.randint(-20, 420)),
            kind=rng.choice(["meeting", "call", "email", "email", "note", "visit"]),
            initiated_by=rng.choice(["us", "customer"]),
            customer_replied=rng.random() < 0.5,
            people=tuple(rng.sample(reachable, rng.randint(0, min(2, len(reachable))))),
            listening=rng.choice([None, None, rng.random()]),
        )
        for _ in range(rng.randint(0, 25))
    )
    return AccountFacts(
        account_id=account_id,
        tier=rng.choice(["key", "customer", "prospect"]),
        norm_days=rng.choice([7, 14, 45, 90, 200]),
        people=people,
        contacts=contacts,
        last_our_contact=rng.choice([None, TODAY - dt.timedelta(days=rng.randint(-30, 900))]),
        revenue=rng.choice([None, Decimal(rng.randint(0, 5_000_000))]),
    )


def test_standing_is_the_full_assessments_health_going_dark_and_revenue_at_risk() -> None:
    rng = random.Random(17)
    facts = [_random_facts(rng, i) for i in range(2000)]
    expected = []
    got = []
    for f in facts:
        full = assess_account(f, today=TODAY)
        expected.append((full.health, full.going_dark is not None, full.revenue_at_risk))
        lean = standing(
            norm_days=f.norm_days,
            roles={p.person_id: p.buying_role for p in f.people},
            contacts=[
                (c.on.toordinal(), c.real, c.ours, c.people, c.listening) for c in f.contacts
            ],
            last_our_contact=f.last_our_contact,
            revenue=f.revenue,
            today=TODAY,
        )
        got.append((lean.health, lean.going_dark, lean.revenue_at_risk))
    assert got == expected
    # The draw reaches every case: dark and not, healthy and not, listening, no people.
    assert {g[1] for g in got} == {True, False}
    assert len({g[0] for g in got}) > 50
