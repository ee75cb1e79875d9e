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


#: Zones beyond the Nordics' hour: half and quarter hours, a day skipped (Apia, the
#: end of 2011), changes at local midnight (São Paulo until 2019, Havana), a southern
#: summer (Lord Howe: half an hour), two hours at once (Troll), the far east and west.
ODD_ZONES = (
    "Pacific/Apia",
    "America/Sao_Paulo",
    "America/Havana",
    "Australia/Lord_Howe",
    "Antarctica/Troll",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/New_York",
)


def _odd_days() -> list[dt.date]:
    """The UTC days around year end and every clock change of ``ODD_ZONES`` and the
    Nordics in 2027, and the known odd nights: Apia's skipped day, São Paulo's and
    Havana's midnight changes."""
    starts = [
        (dt.date(2026, 12, 29), 6),
        (dt.date(2011, 12, 28), 5),
        (dt.date(2018, 11, 2), 4),
        (dt.date(2019, 2, 15), 4),
        (dt.date(2027, 3, 12), 4),
        (dt.date(2027, 3, 26), 4),
        (dt.date(2027, 4, 2), 3),
        (dt.date(2027, 10, 1), 3),
        (dt.date(2027, 10, 29), 9),
    ]
    return [start + dt.timedelta(days=i) for start, n in starts for i in range(n)]


def test_local_days_in_odd_zones_are_the_local_dates() -> None:
    """Every quarter hour, and the microsecond before it, of ``_odd_days``: the local
    day as the row's own conversion gives it, from SQLite's text and PostgreSQL's
    value, in zones whose offsets are not whole hours or change at midnight."""
    days = _LocalDays()
    mismatches = []
    for name in ODD_ZONES + ZONES:
        zone = ZoneInfo(name)
        for day in _odd_days():
            start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
            for quarter in range(96):
                on = start + dt.timedelta(minutes=15 * quarter)
                for instant in (on, on - dt.timedelta(microseconds=1)):
                    expected = local_date(instant, zone).toordinal()
                    text = instant.replace(tzinfo=None).isoformat(" ")
                    if days.of(text, zone) != expected or days.of(instant, zone) != expected:
                        mismatches.append((name, instant))
    assert mismatches == []


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


def _reference_contacts(
    conversations: Any, countries: dict[int, str], *, since: dt.date
) -> dict[int, list[Any]]:
    """What ``being_on`` built before it read raw rows: model ``.values()`` rows (Django's
    converters) through ``mapping.contact_from_row``, one zone conversion per row."""
    from collections import defaultdict

    from fasit.conversations.models import Conversation
    from fasit.relationships import mapping

    rows = list(
        conversations.values(
            "id", "account_id", "occurred_at", "kind", "initiated_by", "customer_replied"
        )
    )
    participants: dict[int, list[int]] = defaultdict(list)
    through = Conversation.people.through.objects.filter(conversation__in=conversations)
    for conversation_id, person_id in through.values_list("conversation_id", "person_id"):
        participants[conversation_id].append(person_id)
    scores = mapping.listening_scores(None, [r["id"] for r in rows], id_query=None)
    contacts: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        contact = mapping.contact_from_row(
            row,
            country=countries[row["account_id"]],
            people=participants.get(row["id"], ()),
            listening=scores.get(row["id"]),
        )
        if contact.on >= since:
            contacts[row["account_id"]].append(contact)
    return contacts


@pytest.mark.parametrize(
    "today",
    [
        TODAY,
        dt.date(2026, 3, 29),
        dt.date(2026, 10, 25),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
    ],
)
def test_being_ons_contacts_from_raw_rows_are_the_models(
    team_a: Any, team_b: Any, alice: Any, settings: Any, today: dt.date
) -> None:
    """``selectors.account_contacts`` (raw rows, ``_LocalDays``) gives every account the
    same contacts, in the same order, as the per-row conversion did: on days around the
    clock changes and the year's end, with another team's conversations in the table."""
    from fasit.conversations.models import Conversation

    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)
    # Instants at each zone's local midnight around the clock changes and the year's end.
    account = Account.objects.for_team(team_a).order_by("pk").first()
    for moment in _instants()[::40] + [
        dt.datetime(2026, 12, 31, 22, 59, 59, 999999, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC),
    ]:
        ConversationFactory(team=team_a, account=account, occurred_at=moment, kind="call")
    countries = dict(Account.objects.for_team(team_a).values_list("pk", "country"))
    assert len(set(countries.values())) > 2
    since = today - dt.timedelta(days=selectors.WINDOW_DAYS)
    conversations = Conversation.objects.filter(
        account__team=team_a,
        account_id__in=list(countries),
        occurred_at__gte=dt.datetime.combine(since - dt.timedelta(days=1), dt.time.min, dt.UTC),
    )
    expected = _reference_contacts(conversations, countries, since=since)
    # The seeded contacts alone give 90 in the window whatever the day (they are dated
    # from today); the fixed 2026 instants add theirs when the window reaches 2026.
    assert sum(len(v) for v in expected.values()) > 80
    assert any(c.listening is not None for v in expected.values() for c in v)
    got = selectors.account_contacts(team_a, conversations, countries, since=since)
    assert dict(got) == dict(expected)
