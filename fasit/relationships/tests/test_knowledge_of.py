"""``selectors.knowledge_of`` from plain rows equals the function it replaced
(``knowledge_reference.py``, main at 7174ceb) for every person, on several days, for
people of every kind of profile in two teams; and the key accounts page and API answer
byte for byte what they answered with the old function, before any refresh."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from fasit.customers.models import FamilyMember, ImportantDate, Interest, LifeEvent, Person
from fasit.relationships import memo, selectors
from fasit.relationships.tests import knowledge_reference as reference
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    PersonFactory,
    PersonRoleFactory,
    bound_parameters,
    most_bound,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC
#: Instants where a day could be read wrong: each side of UTC midnight (with and
#: without microseconds: SQLite's text is shorter without), around the freshness
#: limits of a year and of three years before ``DAYS[0]``, a leap day, Oslo's clock
#: changes, and the Oslo evening (the next local day, the same UTC day).
INSTANTS = [
    dt.datetime(2026, 3, 14, 23, 59, 59, 999999, tzinfo=UTC),
    dt.datetime(2026, 3, 15, 0, 0, tzinfo=UTC),
    dt.datetime(2026, 3, 15, 23, 30, tzinfo=UTC),
    dt.datetime(2025, 3, 15, 12, 0, 0, 1, tzinfo=UTC),
    dt.datetime(2025, 3, 14, 23, 59, 59, tzinfo=UTC),
    dt.datetime(2024, 2, 29, 22, 15, tzinfo=UTC),
    dt.datetime(2023, 3, 16, 0, 0, 1, tzinfo=UTC),
    dt.datetime(2023, 3, 15, 0, 0, tzinfo=UTC),
    dt.datetime(2023, 3, 14, 23, 0, tzinfo=UTC),
    dt.datetime(2019, 7, 1, 8, 0, tzinfo=UTC),
    dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC),
    dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC),
]
#: The days scored: the freshness of each instant above differs between them.
DAYS = [dt.date(2026, 3, 15), dt.date(2026, 3, 16), dt.date(2027, 1, 1), dt.date(2029, 3, 15)]
BLANKS = ["", " ", "\t\n", "\xa0", "\u2003 "]
TEXTS = ["Deliveries on time", "  Family first\n"]
CSRF = re.compile(rb"[A-Za-z0-9]{64}")


def _when(rng: random.Random) -> dt.datetime:
    return rng.choice(INSTANTS)


def _varied_team(team: Any, owner: Any, rng: random.Random, size: int) -> list[Person]:
    """Key accounts whose people have every kind of profile: nothing, blanks, each part
    recorded once or several times on different days, birthdays or not, notes with and
    without a life event before or after the profile's last edit; conversations with
    some of them; a few people deleted afterwards."""
    accounts = [
        AccountFactory(team=team, name=f"Nyckel {i}", tier="key", owner=owner if i % 2 else None)
        for i in range(5)
    ] + [AccountFactory(team=team, name="Kund", tier="customer")]
    roles = ["decision_maker", "economic_buyer", "champion", "influencer", "user", ""]
    people = []
    for i in range(size):
        person = PersonFactory(
            team=team,
            name=f"Person {team.slug} {i}",
            what_matters=rng.choice(BLANKS + TEXTS),
            preferred_meeting=rng.choice(["", "", "coffee", "video"]),
            notes=rng.choice(BLANKS + TEXTS),
        )
        people.append(person)
        for account in rng.sample(accounts, rng.choice([0, 1, 1, 2])):
            PersonRoleFactory(person=person, account=account, buying_role=rng.choice(roles))
        for model, make in (
            (FamilyMember, lambda p: FamilyMember(person=p, relation="Son", name="Ola")),
            (Interest, lambda p: Interest(person=p, name="Sailing")),
            (
                ImportantDate,
                lambda p: ImportantDate(
                    person=p, kind=rng.choice(["birthday", "name_day", "other"]), month=3, day=4
                ),
            ),
            (LifeEvent, lambda p: LifeEvent(person=p, date=DAYS[0], text="Moved")),
        ):
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                item = make(person)
                item.save()
                model.objects.filter(pk=item.pk).update(updated_at=_when(rng))
        Person.objects.filter(pk=person.pk).update(updated_at=_when(rng))
        if i % 7 == 0:
            conversation = ConversationFactory(team=team, account=accounts[i % 5])
            conversation.people.add(person)
    for person in people[3::11]:
        person.delete()
    return [p for p in people if p.pk is not None]


@pytest.fixture
def varied(team_a: Any, team_b: Any, alice: Any) -> tuple[list[Person], list[Person]]:
    rng = random.Random(17)
    return _varied_team(team_a, alice, rng, 90), _varied_team(team_b, None, rng, 30)


def test_knowledge_of_equals_the_old_function(
    team_a: Any, team_b: Any, varied: tuple[list[Person], list[Person]]
) -> None:
    mine, theirs = varied
    queries = {
        "team": lambda team: Person.objects.for_team(team),
        "both teams": lambda team: Person.objects.all(),
        "some": lambda team: Person.objects.filter(pk__in=[p.pk for p in (mine + theirs)[::3]]),
        "none": lambda team: Person.objects.none(),
    }
    kinds = set()
    for team in (team_a, team_b):
        for day in DAYS:
            for name, query in queries.items():
                new = selectors.knowledge_of(team, query(team), today=day)
                old = reference.knowledge_of(team, query(team), today=day)
                assert new == old, (team, day, name)
                assert all(p.team_id == team.pk for p in Person.objects.filter(pk__in=new))
                kinds |= {(k.score, k.parts) for k in new.values()}
    assert selectors.knowledge_of(None, Person.objects.all(), today=DAYS[0]) == {}
    # The fixture reaches many profiles, stale and fresh parts among them.
    assert len(kinds) > 40
    assert any(part.stale for _, parts in kinds for part in parts)


def test_knowledge_of_read_people_equals_the_old_function(
    team_a: Any, team_b: Any, varied: tuple[list[Person], list[Person]]
) -> None:
    """``person_knowledge_map`` (people read as models: the rows the page shows, a
    person's own page) goes the same way now."""
    people = list(Person.objects.all())
    for team in (team_a, team_b, None):
        for day in DAYS:
            new = selectors.person_knowledge_map(team, people, today=day)
            assert new == reference.person_knowledge_map(team, people, today=day)
            assert len(new) == sum(team is not None and p.team_id == team.pk for p in people)
    assert selectors.person_knowledge_map(team_a, [], today=DAYS[0]) == {}
    # The people's ids are bound once for the four counts (four times as many would
    # pass SQLite's limit for a few thousand people), and a query of people binds none.
    mine = [p for p in people if p.team_id == team_a.pk]
    with bound_parameters() as seen:
        selectors.person_knowledge_map(team_a, mine, today=DAYS[0])
    assert most_bound(seen) == len(mine)
    with bound_parameters() as seen:
        selectors.knowledge_of(team_a, Person.objects.for_team(team_a), today=DAYS[0])
    assert most_bound(seen) <= 2


def _cold_answers(clients: list[Any], urls: list[str]) -> list[bytes]:
    """Each URL as each client gets it, from empty caches (no stored scores: cold)."""
    answers = []
    for url in urls:
        for client in clients:
            for cache in caches.all():
                cache.clear()
            memo.clear()
            # The CSRF token is masked afresh for each response.
            answers.append(CSRF.sub(b"csrf", client.get(url).content))
    return answers


def test_pages_and_api_are_unchanged_before_a_refresh(
    team_a: Any,
    varied: tuple[list[Person], list[Person]],
    alice_client: Any,
    bob_client: Any,
    bob_api: Any,
    charlie_client: Any,
    monkeypatch: Any,
) -> None:
    page = reverse("relationships:key_accounts")
    urls = [page, f"{page}?sort=account", f"{page}?mine=1", "/api/relationships/key-accounts"]
    clients = [alice_client, bob_client]
    new = _cold_answers(clients, urls) + _cold_answers([bob_api], urls[-1:])
    monkeypatch.setattr(selectors, "knowledge_of", reference.knowledge_of)
    old = _cold_answers(clients, urls) + _cold_answers([bob_api], urls[-1:])
    assert new == old
    assert b"Nyckel 1" in new[0] and b"Person team-a" in new[0]
    assert sum(b'"knowledge_score"' in a for a in new) >= 3
    # Charlie (team B, which has key accounts of its own) sees none of team A's.
    theirs = charlie_client.get(page).content + charlie_client.get(urls[-1]).content
    assert b"Person team-b" in theirs and b"Person team-a" not in theirs
    account = selectors.key_account_scope(team_a).first()
    assert charlie_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 404


def test_a_profile_changed_today_counts_from_today(team_a: Any) -> None:
    """Edited just before and just after UTC midnight: the day is the stored instant's
    UTC day, as Django's ``date()`` of it gives, on either database."""
    today = timezone.localdate()
    person = PersonFactory(team=team_a, what_matters="Calm", notes="Met at the fair")
    for instant in (
        dt.datetime.combine(today, dt.time(0, 0), tzinfo=UTC),
        dt.datetime.combine(today, dt.time(23, 59, 59, 999999), tzinfo=UTC),
        dt.datetime.combine(today, dt.time(0, 0), tzinfo=UTC) - dt.timedelta(days=1100),
    ):
        Person.objects.filter(pk=person.pk).update(updated_at=instant)
        query = Person.objects.filter(pk=person.pk)
        assert selectors.knowledge_of(team_a, query, today=today) == reference.knowledge_of(
            team_a, query, today=today
        )
