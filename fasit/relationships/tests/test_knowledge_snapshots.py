"""The stored knowledge scores: the key accounts ranking equals the per-person
computation with and without them, a changed person's row is not used, another team's
rows are never read, and the nightly task writes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from fasit.core.guard import CrossTeamReference
from fasit.customers.models import FamilyMember, ImportantDate, Interest, LifeEvent, Person
from fasit.relationships import selectors, snapshots
from fasit.relationships.models import PersonKnowledgeSnapshot
from fasit.relationships.tasks import refresh_account_health_task
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

# A fixed day: the scores' freshness depends on it, the tests must not.
DAY = dt.date(2026, 3, 15)
ROLES = ["decision_maker", "economic_buyer", "champion", "user", ""]


@pytest.fixture
def key_team(team_a: Any, team_b: Any, alice: Any, bob: Any) -> list[Person]:
    people = []
    for i in range(7):
        account = AccountFactory(
            team=team_a, name=f"Konto {i}", tier="key", owner=(alice, bob, None)[i % 3]
        )
        for p in range(i % 4 + 1):
            person = PersonFactory(
                team=team_a,
                name=f"Person {i}-{p}",
                what_matters="Deliveries" if (i + p) % 2 else "  ",
                preferred_meeting="coffee" if p % 2 else "",
                notes="Met the family" if (i * p) % 3 == 1 else "",
            )
            people.append(person)
            PersonRoleFactory(person=person, account=account, buying_role=ROLES[(i + p) % 5])
            if (i + p) % 3 == 0:
                FamilyMember.objects.create(person=person, relation="Son", name="Ola")
            if (i + p) % 2 == 0:
                Interest.objects.create(person=person, name="Sailing")
            if p == 1:
                ImportantDate.objects.create(person=person, kind="birthday", month=3, day=4)
                LifeEvent.objects.create(person=person, date=DAY, text="Moved")
    # Profiles recorded years before DAY weigh their freshness.
    Person.objects.filter(pk__in=[p.pk for p in people[::3]]).update(
        updated_at=dt.datetime(2023, 6, 1, 12, tzinfo=dt.UTC)
    )
    other = AccountFactory(team=team_b, name="Other team", tier="key")
    PersonRoleFactory(person=PersonFactory(team=team_b, name="Kari Other"), account=other)
    return people


def _full(team: Any, owner: Any = None) -> list[tuple[Any, ...]]:
    """The ranking from full rows, each person scored from their own profile."""
    return [
        (r.account.pk, r.knowledge, r.account.owner)
        for r in selectors.key_accounts(team, today=DAY, owner=owner)
    ]


def _ranked(team: Any, owner: Any = None) -> list[tuple[Any, ...]]:
    return [
        (e.account_id, e.knowledge, e.owner)
        for e in selectors.key_account_ranking(team, today=DAY, owner=owner)
    ]


def test_ranking_equals_the_per_person_computation_with_and_without_stored_rows(
    team_a: Any, alice: Any, key_team: list[Person]
) -> None:
    expected = {owner: _full(team_a, owner) for owner in (None, alice)}
    assert len({k.score for _a, k, _o in expected[None]}) > 2
    assert PersonKnowledgeSnapshot.objects.count() == 0
    for owner in (None, alice):
        assert _ranked(team_a, owner) == expected[owner]

    assert snapshots.refresh_knowledge(team_a, today=DAY) == len(key_team)
    assert PersonKnowledgeSnapshot.objects.filter(team=team_a, day=DAY).count() == len(key_team)
    for owner in (None, alice):
        assert _ranked(team_a, owner) == expected[owner]

    # Some stored, some not: each person scored once, either way.
    PersonKnowledgeSnapshot.objects.filter(person__in=key_team[::2]).delete()
    for owner in (None, alice):
        assert _ranked(team_a, owner) == expected[owner]
    # Every stored score is the person's own.
    mine = selectors.person_knowledge_map(team_a, Person.objects.filter(team=team_a), today=DAY)
    for pid, score in PersonKnowledgeSnapshot.objects.values_list("person_id", "score"):
        assert mine[pid].score == score


def test_a_stale_row_is_not_used(team_a: Any, alice: Any, key_team: list[Person]) -> None:
    snapshots.refresh_knowledge(team_a, today=DAY)
    # A row of another day is stale, whatever it holds.
    PersonKnowledgeSnapshot.objects.filter(person=key_team[0]).update(
        day=DAY - dt.timedelta(days=1), score=100
    )
    assert _ranked(team_a) == _full(team_a)

    # A change through the ORM deletes the person's row...
    person = key_team[2]  # "Person 1-1", who has a life event
    assert LifeEvent.objects.filter(person=person).exists()
    assert PersonKnowledgeSnapshot.objects.filter(person=person).exists()
    FamilyMember.objects.create(person=person, relation="Daughter", name="Kari")
    assert not PersonKnowledgeSnapshot.objects.filter(person=person).exists()
    # ... and so do edits of the person and the other parts of the profile.
    for change in (
        lambda p: Person.objects.get(pk=p.pk).save(),
        lambda p: Interest.objects.create(person=p, name="Chess"),
        lambda p: ImportantDate.objects.create(person=p, kind="other", month=5, day=6),
        lambda p: LifeEvent.objects.filter(person=p).delete(),
    ):
        snapshots.refresh_knowledge(team_a, today=DAY)
        change(person)
        assert not PersonKnowledgeSnapshot.objects.filter(person=person).exists()
        assert _ranked(team_a) == _full(team_a)
    # The other people's rows stay.
    assert PersonKnowledgeSnapshot.objects.count() == len(key_team) - 1


def test_another_teams_rows_are_never_read(
    team_a: Any,
    team_b: Any,
    key_team: list[Person],
    alice_client: Any,
    charlie_client: Any,
) -> None:
    snapshots.refresh_knowledge(team_a, today=DAY)
    snapshots.refresh_knowledge(team_b, today=DAY)
    expected = _full(team_a)
    # Rows are read through the team: another team finds none of these scores, and
    # the guard refuses a row whose person is of another team than the row.
    ids = Person.objects.filter(team=team_a).values("pk")
    assert selectors.knowledge_scores(team_b, ids, today=DAY) == {}
    assert selectors.knowledge_scores(None, ids, today=DAY) == {}
    with pytest.raises(CrossTeamReference):
        PersonKnowledgeSnapshot.objects.filter(person=key_team[2]).update(team=team_b)
    assert _ranked(team_a) == expected
    # The other team's ranking holds only its own account.
    assert [e.name for e in selectors.key_account_ranking(team_b, today=DAY)] == ["Other team"]

    url = reverse("relationships:key_accounts")
    assert "Konto 1" in alice_client.get(url).content.decode()
    theirs = charlie_client.get(url).content.decode()
    assert "Konto" not in theirs and "Person " not in theirs
    assert charlie_client.get(reverse("people:detail", args=[key_team[2].pk])).status_code == 404


def test_the_nightly_task_writes_the_scores(
    team_a: Any, team_b: Any, key_team: list[Person]
) -> None:
    PersonKnowledgeSnapshot.objects.create(team=team_a, person=key_team[0], day=DAY, score=100)
    refresh_account_health_task.call(date=DAY.isoformat(), team_slug=team_a.slug)
    rows = dict(PersonKnowledgeSnapshot.objects.values_list("person_id", "day"))
    assert rows == {p.pk: DAY for p in key_team}  # only team A's, each for the day
    mine = selectors.person_knowledge_map(team_a, Person.objects.filter(team=team_a), today=DAY)
    stored = dict(PersonKnowledgeSnapshot.objects.values_list("person_id", "score"))
    assert stored == {p.pk: mine[p.pk].score for p in key_team}
    refresh_account_health_task.call(date=DAY.isoformat())
    assert PersonKnowledgeSnapshot.objects.filter(team=team_b).count() == 1
