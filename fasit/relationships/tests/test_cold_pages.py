"""The fast paths behind the home page's cards and key accounts give exactly what the
plain per-person (per-account) computation gives, on a factory-built team."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from fasit.customers.models import (
    Account,
    AccountRevenue,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
)
from fasit.engine.relationships.dates import one_off_upcoming, upcoming
from fasit.engine.relationships.knowledge import person_knowledge
from fasit.relationships import mapping, selectors, snapshots
from fasit.relationships.models import AccountHealth
from fasit.relationships.tests import knowledge_reference as reference
from fasit.relationships.tests.conftest import TODAY, ago
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory


def _reference_dates(team: Any, *, today: dt.date, days: int, user: Any = None) -> list[Any]:
    """Every person of the scope as a model, each with all their dates: what the card
    computed before it read plain rows."""
    rows = []
    people = list(selectors.people_scope(team, user).order_by("name", "pk"))
    for person in people:
        labelled = selectors.yearly_dates(
            person, ImportantDate.objects.filter(person=person).order_by("month", "day", "pk")
        )
        labels = {d.key: label for d, label in labelled}
        for item in upcoming([d for d, _l in labelled], today=today, days=days):
            rows.append((person, item, labels.get(item.key, "")))
    end = today + dt.timedelta(days=days)
    for event in LifeEvent.objects.filter(
        person__in=people, date__gte=today, date__lte=end
    ).order_by("-date", "pk"):
        item = one_off_upcoming(
            f"life-{event.pk}", "life_event", event.date, today=today, days=days
        )
        if item:
            rows.append((event.person, item, event.text))
    rows.sort(key=lambda r: (r[1].date, selectors.KIND_RANK.get(r[1].kind, 9), r[0].name))
    return [(p.pk, i.key, i.kind, i.date, i.days_until, i.years, label) for p, i, label in rows]


def _key(row: Any) -> tuple[Any, ...]:
    return (
        row.person.pk,
        row.key,
        row.kind,
        row.date,
        row.days_until,
        row.years,
        row.label,
    )


@pytest.fixture
def dated_team(team_a: Any, team_b: Any, alice: Any, bob: Any) -> Any:
    mine = AccountFactory(team=team_a, owner=alice, tier="key")
    theirs = AccountFactory(team=team_a, owner=bob)
    people = [
        # (name, country): almanac days in SE/NO/DK; none in FI; two people share a name
        ("Kari Berg", "NO"),
        ("Kari Berg", "NO"),
        ("Erik Svensson", "SE"),
        ("Anna-Karin Lind", "SE"),
        ("Anna Hansen", "DK"),
        ("Aino Korhonen", "FI"),
        ("Ola Dahl", "NO"),
        ("  ", "SE"),
        # Almanac days around the year's end and on 28 February.
        ("Eva Lind", "SE"),
        ("Sylvester Holm", "DK"),
        ("Maria Berg", "SE"),
    ]
    created = []
    for i, (name, country) in enumerate(people):
        person = PersonFactory(team=team_a, name=name, country=country)
        PersonRoleFactory(person=person, account=mine if i % 2 else theirs, title=f"T{i}")
        created.append(person)
    kari, kari2, erik, anna, hansen, aino, ola, blank = created[:8]
    ImportantDate.objects.create(person=erik, kind="birthday", month=11, day=24, year=1980)
    ImportantDate.objects.create(person=erik, kind="work_anniversary", month=2, day=28, year=2020)
    ImportantDate.objects.create(person=anna, kind="birthday", month=2, day=29, year=1984)
    ImportantDate.objects.create(person=anna, kind="other", month=12, day=1, label="Jubilee")
    # A recorded name day replaces the almanac's, in the window or outside it…
    ImportantDate.objects.create(person=kari2, kind="name_day", month=6, day=1)
    ImportantDate.objects.create(person=ola, kind="name_day", month=11, day=26)
    # …but an invalid one does not.
    ImportantDate.objects.create(person=hansen, kind="name_day", month=2, day=30)
    ImportantDate.objects.create(person=aino, kind="birthday", month=11, day=25, year=2090)
    ImportantDate.objects.create(person=blank, kind="birthday", month=11, day=30)
    LifeEvent.objects.create(person=kari, date=dt.date(2026, 11, 26), text="Wedding")
    LifeEvent.objects.create(person=kari, date=dt.date(2026, 11, 26), text="Move")
    LifeEvent.objects.create(person=aino, date=dt.date(2027, 2, 25), text="Retires")
    # Ties the card's bounded reads must break as the full listing does: one person's
    # two birthdays on a day (their keys compare as text, "date-1000000" first), people
    # of one name with dates and life events on one day, years on the edge.
    twin = PersonFactory(team=team_a, name="Kari Berg", country="SE")
    PersonRoleFactory(person=twin, account=mine, title="Twin")
    for pk, year in ((900_000, 1990), (1_000_000, 1979)):
        ImportantDate.objects.create(
            pk=pk, person=twin, kind="birthday", month=11, day=24, year=year
        )
    ImportantDate.objects.create(person=kari, kind="birthday", month=11, day=24, year=1985)
    ImportantDate.objects.create(person=kari, kind="name_day", month=11, day=24)
    LifeEvent.objects.create(person=twin, date=dt.date(2026, 11, 26), text="Marathon")
    LifeEvent.objects.create(person=aino, date=dt.date(2026, 11, 26), text="Sauna")
    # 28 February in a common year: a birthday on the 29th is that day's too.
    leap = PersonFactory(team=team_a, name="Bo Ek", country="FI")
    PersonRoleFactory(person=leap, account=mine, title="Leap")
    ImportantDate.objects.create(person=leap, kind="birthday", month=2, day=28, year=1970)
    ImportantDate.objects.create(person=ola, kind="birthday", month=2, day=29, year=1983)
    ImportantDate.objects.create(person=ola, kind="work_anniversary", month=1, day=2, year=2027)
    ImportantDate.objects.create(person=ola, kind="work_anniversary", month=12, day=30, year=2027)
    ImportantDate.objects.create(person=ola, kind="birthday", month=11, day=28, year=0)
    # Another team's people on the same days are never listed.
    other = PersonFactory(team=team_b, name="Kari Other", country="NO")
    ImportantDate.objects.create(person=other, kind="birthday", month=11, day=24)
    PersonFactory(team=team_b, name="Eva Other", country="SE")
    PersonFactory(team=team_b, name="Maria Other", country="SE")
    return team_a


@pytest.mark.parametrize(
    "today",
    [
        dt.date(2026, 11, 23),
        dt.date(2026, 12, 24),  # over the year's end
        dt.date(2027, 2, 20),
        dt.date(2028, 2, 20),  # 29 February
        dt.date(2028, 2, 29),
        dt.date(2027, 12, 29),  # over the year's end, to dates whose year is that year
        dt.date(2026, 11, 26),  # life events of people of several names first
    ],
)
@pytest.mark.parametrize("days", [0, 2, 14, 60, 364, 366])
def test_upcoming_dates_match_the_per_person_computation(
    dated_team: Any, team_b: Any, alice: Any, today: dt.date, days: int
) -> None:
    # The other team, whose people share names and days with the first.
    expected = _reference_dates(team_b, today=today, days=days)
    assert [_key(r) for r in selectors.upcoming_dates(team_b, today=today, days=days)] == expected
    head, total = selectors.upcoming_dates_head(team_b, today=today, days=days, shown=8)
    assert ([_key(r) for r in head], total) == (expected[:8], len(expected))
    for user in (None, alice):
        expected = _reference_dates(dated_team, today=today, days=days, user=user)
        rows = selectors.upcoming_dates(dated_team, today=today, days=days, user=user)
        assert [_key(r) for r in rows] == expected
        # Every cut of the shorter windows: a source's own order matters only where
        # the cut falls between two of its rows.
        cuts = range(1, len(expected) + 2) if days <= 60 else (1, 3, 8, 50)
        for shown in cuts:
            head, total = selectors.upcoming_dates_head(
                dated_team, today=today, days=days, user=user, shown=shown
            )
            assert [_key(r) for r in head] == expected[:shown]
            assert total == len(expected)
        roles = selectors.primary_roles(dated_team, [r.person.pk for r in head])
        assert [(r.account, r.title) for r in head] == [
            (roles[r.person.pk].account, roles[r.person.pk].title) for r in head
        ]


def test_the_dated_team_covers_the_cases(dated_team: Any, team_b: Any) -> None:
    # The fixture above is only a check if these are in the window it is read with.
    kinds = {
        (r.person.name, r.kind)
        for r in selectors.upcoming_dates(dated_team, today=dt.date(2026, 11, 23), days=14)
    }
    assert ("Erik Svensson", "birthday") in kinds
    assert ("Kari Berg", "life_event") in kinds
    assert ("Ola Dahl", "name_day") in kinds
    assert ("Anna-Karin Lind", "other") in kinds
    year_end_people = selectors.upcoming_dates(dated_team, today=dt.date(2026, 12, 24), days=14)
    year_end = {(r.person.name, r.kind, r.date) for r in year_end_people}
    assert ("Eva Lind", "name_day", dt.date(2026, 12, 24)) in year_end
    assert ("Sylvester Holm", "name_day", dt.date(2026, 12, 31)) in year_end
    leap = {
        (r.person.name, r.kind, r.date)
        for r in selectors.upcoming_dates(dated_team, today=dt.date(2028, 2, 20), days=14)
    }
    assert ("Maria Berg", "name_day", dt.date(2028, 2, 28)) in leap
    assert ("Anna-Karin Lind", "birthday", dt.date(2028, 2, 29)) in leap
    # The other team's people have their days in the window too, and are not listed.
    assert selectors.upcoming_dates(team_b, today=dt.date(2026, 12, 24), days=14)
    assert {r.person.team_id for r in year_end_people} == {dated_team.pk}


def _going_dark_team(team: Any, alice: Any) -> None:
    for i, days in enumerate([3, 20, 45, 90, 200, 380]):
        account = AccountFactory(
            team=team, name=f"Konto {i}", tier="key" if i % 2 else "customer", owner=alice
        )
        AccountRevenue.objects.create(account=account, year=2025, amount=Decimal(100_000 * i))
        ConversationFactory(team=team, account=account, occurred_at=ago(days), initiated_by="us")


def test_going_dark_ranking_is_the_full_ranking_filtered(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    _going_dark_team(team_a, alice)
    _going_dark_team(team_b, None)
    full = snapshots.ranking(team_a, today=TODAY)
    # Nothing stored: every account assessed in memory.
    assert snapshots.ranking(team_a, today=TODAY, going_dark=True) == [
        e for e in full if e.going_dark
    ]
    assert any(e.going_dark for e in full) and not all(e.going_dark for e in full)
    # Stored for half of them (the rest changed since): the same answer.
    snapshots.refresh(team_a, today=TODAY)
    snapshots.forget([e.account_id for e in full[::2]])
    assert snapshots.ranking(team_a, today=TODAY) == full
    assert snapshots.ranking(team_a, today=TODAY, going_dark=True) == [
        e for e in full if e.going_dark
    ]
    assert snapshots.ranking(team_a, today=TODAY, owner=alice, going_dark=True) == [
        e for e in full if e.going_dark
    ]


def _dark_card(team: Any, owner: Any) -> tuple[list[int], int]:
    """The going-dark card's account ids and "more", computed afresh."""
    from types import SimpleNamespace

    from django.core.cache import caches
    from django.template import Context

    from fasit.relationships import memo
    from fasit.relationships.templatetags.relationships import going_dark_card

    caches["team"].clear()
    memo.clear()
    card = going_dark_card(Context({"request": SimpleNamespace(team=team), "home_owner": owner}))
    return [r.account.pk for r in card["rows"]], card["more"]


def _dark_reference(team: Any, owner: Any, shown: int) -> tuple[list[int], int]:
    """The card as it was built before the database ranked it: every going-dark
    account ranked in Python, the first ``shown`` assessed in full."""
    dark = snapshots.ranking(team, today=TODAY, owner=owner, going_dark=True)
    ids = [e.account_id for e in dark[:shown]]
    rows = selectors.being_on(team, today=TODAY, accounts=Account.objects.filter(pk__in=ids))
    return [r.account.pk for r in rows if r.assessment.going_dark], max(0, len(dark) - shown)


def test_going_dark_card_is_the_full_ranking_cut(
    team_a: Any, team_b: Any, alice: Any, monkeypatch: Any
) -> None:
    from fasit.relationships.templatetags import relationships as tags

    _going_dark_team(team_a, alice)
    _going_dark_team(team_a, None)
    _going_dark_team(team_b, None)
    monkeypatch.setattr(tags, "HOME_LIMIT", 2)
    seen = set()
    for stage in ("nothing stored", "stored", "half changed", "other rates"):
        if stage == "stored":
            snapshots.refresh(team_a, today=TODAY)
        elif stage == "half changed":
            full = snapshots.ranking(team_a, today=TODAY)
            snapshots.forget([e.account_id for e in full[::2]])
        elif stage == "other rates":
            AccountHealth.objects.filter(team=team_a).update(rates_key=1)
        for owner in (None, alice):
            ids, more = _dark_card(team_a, owner)
            assert (ids, more) == _dark_reference(team_a, owner, 2), (stage, owner)
            assert ids and more > 0
            assert Account.objects.filter(pk__in=ids, team=team_a).count() == len(ids)
            seen.add(tuple(ids))
    assert len(seen) >= 2  # the owner's scope is not the team's


def test_knowledge_map_is_each_persons_own_knowledge(team_a: Any) -> None:
    people = []
    for i in range(8):
        person = PersonFactory(
            team=team_a,
            what_matters="Delivery" if i % 2 else "",
            preferred_meeting="video" if i % 3 == 0 else "",
            notes="Met at the fair" if i == 5 else "",
        )
        people.append(person)
        if i in (1, 2, 3):  # equal profiles but for the person
            FamilyMember.objects.create(person=person, relation="child", name="Ola")
        if i == 4:
            Interest.objects.create(person=person, name="Sailing")
            ImportantDate.objects.create(person=person, kind="birthday", month=3, day=1)
        if i == 6:
            LifeEvent.objects.create(person=person, date=TODAY, text="New job")
    # Profiles recorded years apart weigh their freshness.
    Person.objects.filter(pk=people[7].pk).update(updated_at=ago(900))
    people = list(Person.objects.filter(pk__in=[p.pk for p in people]))
    facts = reference._profile_facts([p.pk for p in people])
    result = selectors.person_knowledge_map(team_a, people, today=TODAY)
    for person in people:
        data = dict(facts.get(person.pk, {}))
        if person.notes.strip():
            data["notes_on"] = person.updated_at.date()
        own = person_knowledge(mapping.person_profile(person, data), today=TODAY)
        assert result[person.pk] == own
    assert len({k.score for k in result.values()}) > 3


def test_another_teams_user_sees_none_of_the_pages_data(
    dated_team: Any, alice: Any, charlie_client: Any, alice_client: Any
) -> None:
    _going_dark_team(dated_team, alice)
    for name in ("home", "relationships:being_on", "relationships:key_accounts"):
        mine = alice_client.get(reverse(name)).content.decode()
        theirs = charlie_client.get(reverse(name)).content.decode()
        assert "Konto 1" in mine or name == "home"
        assert "Konto" not in theirs and "Erik Svensson" not in theirs
    # A person of the other team is not found from this team's pages.
    person = Person.objects.get(name="Kari Other")
    assert alice_client.get(reverse("people:detail", args=[person.pk])).status_code == 404
