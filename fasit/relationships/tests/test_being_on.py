"""Being on against the database: the 40-of-250 case, time zones, team isolation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fasit.conversations.models import Conversation
from fasit.customers.models import AccountRevenue, PersonRole
from fasit.relationships import mapping, selectors
from fasit.relationships.tests.conftest import TODAY, ago, at
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory


def test_the_40_of_250_case_fires(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a, name="Vestland Kraft AS", tier="key", owner=alice)
    people = PersonFactory.create_batch(250, team=team_a)
    PersonRole.objects.bulk_create(
        [PersonRole(person=p, account=account, buying_role="user") for p in people]
    )
    AccountRevenue.objects.create(account=account, year=2025, amount=6_000_000)
    AccountRevenue.objects.create(account=account, year=2026, amount=7_000_000)
    ConversationFactory(team=team_a, account=account, occurred_at=ago(160), initiated_by="us")
    for i, person in enumerate(people[:40]):
        for k in range(3):
            c = ConversationFactory(
                team=team_a,
                account=account,
                occurred_at=ago(1 + (i + k * 37) % 140),
                kind="call",
                initiated_by="customer",
            )
            c.people.add(person)
    row = selectors.being_on(team_a, today=TODAY)[0]
    a = row.assessment
    assert row.account == account
    assert a.going_dark is not None
    assert (a.days_since_our_contact, a.norm_days, a.going_dark.days_behind) == (160, 14, 146)
    assert a.going_dark.people_still_in_contact == 40
    assert a.coverage.on_record == 250
    assert a.health < 25
    assert row.revenue == 7_000_000  # the latest year
    assert a.revenue_at_risk is not None and a.revenue_at_risk > 5_000_000
    assert a.alerts[0].code == "going_dark"


def test_an_unanswered_email_is_not_real_contact(team_a: Any) -> None:
    account = AccountFactory(team=team_a, tier="key")
    ConversationFactory(team=team_a, account=account, occurred_at=ago(2), kind="email")
    ConversationFactory(
        team=team_a, account=account, occurred_at=ago(5), kind="email", customer_replied=True
    )
    assert selectors.being_on(team_a, today=TODAY)[0].assessment.days_since_our_contact == 5


def test_contact_dates_are_local_to_the_accounts_country(team_a: Any) -> None:
    # 23:30 UTC yesterday is already today (00:30, or 01:30 in summer) in Oslo,
    # Stockholm, Copenhagen and Helsinki.
    instant = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(23, 30), tzinfo=dt.UTC)
    row = {"occurred_at": instant, "kind": "call", "initiated_by": "us", "customer_replied": False}
    for country in ("NO", "SE", "DK"):
        assert mapping.contact_from_row(row, country=country).on == TODAY
    assert mapping.contact_from_row(row, country="FI").on == TODAY


def test_cadence_boundary_on_the_norms_last_day(team_a: Any) -> None:
    on_norm = AccountFactory(team=team_a, tier="key", name="A")
    late = AccountFactory(team=team_a, tier="key", name="B")
    ConversationFactory(
        team=team_a, account=on_norm, occurred_at=at(TODAY - dt.timedelta(days=14), 8)
    )
    ConversationFactory(
        team=team_a, account=late, occurred_at=at(TODAY - dt.timedelta(days=15), 20)
    )
    dark = {
        r.account.name: r.assessment.going_dark is not None
        for r in selectors.being_on(team_a, today=TODAY)
    }
    assert dark == {"A": False, "B": True}


def test_a_team_never_sees_another_teams_accounts(team_a: Any, team_b: Any) -> None:
    AccountFactory(team=team_a, name="Fjord Energi AS")
    AccountFactory(team=team_b, name="Other AB")
    assert [r.account.name for r in selectors.being_on(team_b, today=TODAY)] == ["Other AB"]
    assert selectors.being_on(None, today=TODAY) == []


def test_key_accounts_knowledge_and_gaps(team_a: Any, kari: Any) -> None:
    row = selectors.key_accounts(team_a, today=TODAY)[0]
    assert row.account.name == "Fjord Energi AS"
    assert row.knowledge.missing_roles == ("economic_buyer",)
    knowledge = selectors.person_knowledge_for(kari, today=TODAY)
    # family, interests, what matters, a date: 20 + 20 + 20 + 15
    assert knowledge.score == 75
    assert set(knowledge.missing) == {"recent_note", "meeting"}


def test_loyalty_orders_by_tenure(team_a: Any) -> None:
    AccountFactory(team=team_a, name="Old", customer_since=TODAY - dt.timedelta(days=22 * 365))
    AccountFactory(team=team_a, name="New", customer_since=TODAY - dt.timedelta(days=270))
    AccountFactory(
        team=team_a, name="Lead", tier="prospect", customer_since=TODAY - dt.timedelta(days=2200)
    )
    rows = selectors.loyalty(team_a, today=TODAY)
    assert [(r["account"].name, r["segment"]) for r in rows] == [("Old", "loyal"), ("New", "new")]


def test_conversations_queries_do_not_grow_with_accounts(
    team_a: Any, django_assert_max_num_queries: Any
) -> None:
    for i in range(30):
        account = AccountFactory(team=team_a, name=f"K{i}")
        ConversationFactory(team=team_a, account=account, occurred_at=ago(i))
    assert Conversation.objects.count() == 30
    with django_assert_max_num_queries(10):
        selectors.being_on(team_a, today=TODAY)


def perfect_listening(team: Any, ids: list[int]) -> dict[int, float]:
    return dict.fromkeys(ids, 1.0)


def test_listening_joins_health_when_analysed(team_a: Any, settings: Any) -> None:
    account = AccountFactory(team=team_a, tier="key")
    ConversationFactory(team=team_a, account=account, occurred_at=ago(3))
    without = selectors.being_on(team_a, today=TODAY)[0].assessment
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_being_on.perfect_listening"
    with_listening = selectors.being_on(team_a, today=TODAY)[0].assessment
    assert without.components.listening is None
    assert with_listening.components.listening == 1.0
    assert with_listening.health > without.health
