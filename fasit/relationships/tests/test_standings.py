"""The ranking's fast path (``selectors.standings``, ``cadence.standing``) gives each
account exactly the health, going dark and revenue at risk of ``selectors.being_on``'s
full rows, on a factory-built team with the awkward cases: contacts at local midnight
in four zones and around the clock changes, ahead of today, just outside the year,
unanswered e-mails, people at several accounts, an override and listening scores."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from fasit.customers.models import Account, AccountRevenue
from fasit.engine.relationships.dates import local_date
from fasit.relationships import selectors, snapshots
from fasit.relationships.models import AccountCadence
from fasit.relationships.selectors import _LocalDays
from fasit.relationships.tests.conftest import TODAY
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

ZONES = ("Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Helsinki", "UTC")


def _instants() -> list[dt.datetime]:
    """Every 7 minutes over the days the Nordic clocks changed in 2026 and the days
    around them, and a day of each month at the hours where the local day changes."""
    days = [dt.date(2026, 3, d) for d in range(27, 31)] + [
        dt.date(2026, 10, d) for d in range(23, 27)
    ]
    result = [
        dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC) + dt.timedelta(minutes=7 * i)
        for day in days
        for i in range(24 * 60 // 7 + 1)
    ]
    for month in range(1, 13):
        for hour, minute, second, micro in ((21, 59, 59, 999999), (22, 0, 0, 0), (23, 0, 0, 0)):
            result.append(dt.datetime(2026, month, 14, hour, minute, second, micro, tzinfo=dt.UTC))
            result.append(dt.datetime(2026, month, 14, 22, 59, 59, 0, tzinfo=dt.UTC))
    return result


def test_local_days_of_raw_values_are_the_local_dates() -> None:
    days = _LocalDays()
    expected, from_text, from_naive, from_aware = [], [], [], []
    for name in ZONES:
        zone = ZoneInfo(name)
        for instant in _instants():
            expected.append(local_date(instant, zone).toordinal())
            # SQLite's stored text (microseconds only when not zero), and its driver's
            # naive datetime; PostgreSQL's aware one.
            from_text.append(days.of(instant.replace(tzinfo=None).isoformat(" "), zone))
            from_naive.append(days.of(instant.replace(tzinfo=None), zone))
            from_aware.append(days.of(instant, zone))
    assert from_text == expected
    assert from_naive == expected
    assert from_aware == expected
    # Another zone's instant is converted, not looked up by its wall clock.
    oslo = dt.datetime(2026, 3, 29, 0, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    assert days.of(oslo, ZoneInfo("UTC")) == dt.date(2026, 3, 28).toordinal()


def perfect_listening(team: Any, ids: list[int]) -> dict[int, float]:
    return {i: (i % 7) / 7 for i in ids if i % 3}


def _team(team: Any, owner: Any, seed: int) -> None:
    rng = random.Random(seed)
    countries = ["NO", "SE", "DK", "FI"]
    everyone = []
    for i in range(24):
        account = AccountFactory(
            team=team,
            name=f"Konto {seed}-{i:02}",
            country=countries[i % 4],
            tier=["key", "customer", "prospect"][i % 3],
            owner=owner if i % 2 else None,
        )
        if i % 5:
            for year, amount in ((2024, 900_000 + i), (2025, 100_000 * i)):
                AccountRevenue.objects.create(account=account, year=year, amount=Decimal(amount))
        if i == 7:
            AccountCadence.objects.create(account=account, days=30)
        people = []
        for j in range(i % 4):
            person = PersonFactory(team=team, name=f"Person {seed}-{i}-{j}")
            role = ["decision_maker", "economic_buyer", "champion", ""][(i + j) % 4]
            PersonRoleFactory(person=person, account=account, buying_role=role)
            people.append(person)
        everyone += people
        if i % 6 == 5:
            continue  # never contacted
        for _ in range(rng.randint(1, 9)):
            day = TODAY - dt.timedelta(
                days=rng.choice([-3, 0, 1, 13, 14, 15, 44, 46, 89, 91] + [rng.randint(0, 420)])
            )
            # 21:00-23:59 UTC is the next local day in the Nordics for part of each hour.
            moment = dt.datetime.combine(
                day, dt.time(rng.choice([9, 21, 22, 23]), rng.choice([0, 30, 59])), tzinfo=dt.UTC
            )
            conversation = ConversationFactory(
                team=team,
                account=account,
                occurred_at=moment,
                kind=rng.choice(["meeting", "call", "email", "note", "video"]),
                initiated_by=rng.choice(["us", "customer"]),
                customer_replied=rng.random() < 0.5,
            )
            conversation.people.set(rng.sample(people + everyone[:2], min(len(people), 2)))


@pytest.mark.parametrize("days_ahead", [0, 30])
def test_standings_are_being_ons_health_going_dark_and_revenue_at_risk(
    team_a: Any, team_b: Any, alice: Any, settings: Any, days_ahead: int
) -> None:
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)
    today = TODAY + dt.timedelta(days=days_ahead)
    full = {
        row.account.pk: (
            row.account.name,
            row.assessment.health,
            row.assessment.going_dark is not None,
            row.assessment.revenue_at_risk,
            row.currency,
        )
        for row in selectors.being_on(team_a, today=today)
    }
    lean = {
        s.account_id: (
            s.name,
            s.standing.health,
            s.standing.going_dark,
            s.standing.revenue_at_risk,
            s.currency,
        )
        # Another team's accounts in the query are left out, as being_on leaves them.
        for s in selectors.standings(team_a, today=today, accounts=Account.objects.all())
    }
    assert lean == full
    assert len(full) == 24
    assert {v[2] for v in full.values()} == {True, False}
    # The stored snapshots (nightly refresh) and the ranking agree with it too.
    snapshots.refresh(team_a, today=today)
    assert {
        e.account_id: (e.name, e.health, e.going_dark, e.revenue_at_risk, e.currency)
        for e in snapshots.ranking(team_a, today=today)
    } == full
