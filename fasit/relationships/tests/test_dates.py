from __future__ import annotations

import datetime as dt
from typing import Any

from fasit.customers.models import ImportantDate, LifeEvent
from fasit.relationships import selectors
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

# Name days sit on fixed days of the almanac, so these tests pass a fixed day to the
# selector (which reads no clock).
DAY = dt.date(2026, 11, 23)


def test_upcoming_for_me_with_derived_name_days(team_a: Any, alice: Any, bob: Any) -> None:
    mine = AccountFactory(team=team_a, owner=alice)
    theirs = AccountFactory(team=team_a, owner=bob)
    kari = PersonFactory(team=team_a, name="Kari Berg", country="NO")  # name day 25 Nov (NO)
    erik = PersonFactory(team=team_a, name="Erik Svensson", country="SE")  # 18 May (SE)
    PersonRoleFactory(person=kari, account=mine)
    PersonRoleFactory(person=erik, account=theirs)
    ImportantDate.objects.create(person=erik, kind="birthday", month=11, day=24)
    LifeEvent.objects.create(person=kari, date=DAY + dt.timedelta(days=3), text="Wedding")
    mine_rows = selectors.upcoming_dates(team_a, today=DAY, days=7, user=alice)
    assert [(r.person.name, r.kind, r.days_until) for r in mine_rows] == [
        ("Kari Berg", "name_day", 2),
        ("Kari Berg", "life_event", 3),
    ]
    team_rows = selectors.upcoming_dates(team_a, today=DAY, days=7)
    assert [(r.person.name, r.kind) for r in team_rows][0] == ("Erik Svensson", "birthday")


def test_a_recorded_name_day_replaces_the_almanac(team_a: Any) -> None:
    kari = PersonFactory(team=team_a, name="Kari Berg")
    ImportantDate.objects.create(person=kari, kind="name_day", month=12, day=1)
    rows = selectors.upcoming_dates(team_a, today=DAY, days=10)
    assert [(r.kind, r.date) for r in rows] == [("name_day", dt.date(2026, 12, 1))]


def test_a_finnish_person_has_no_almanac_name_day(team_a: Any) -> None:
    PersonFactory(team=team_a, name="Kari Virtanen", country="FI")
    assert selectors.upcoming_dates(team_a, today=DAY, days=10) == []


def test_leap_day_birthday_is_shown_on_28_february(team_a: Any) -> None:
    person = PersonFactory(team=team_a, name="Zeb Lund")
    ImportantDate.objects.create(person=person, kind="birthday", month=2, day=29, year=1984)
    rows = selectors.upcoming_dates(team_a, today=dt.date(2027, 2, 20), days=10)
    assert [(r.date, r.years) for r in rows] == [(dt.date(2027, 2, 28), 43)]


def test_a_team_never_sees_another_teams_dates(team_a: Any, team_b: Any) -> None:
    person = PersonFactory(team=team_a, name="Zeb Lund")
    ImportantDate.objects.create(person=person, kind="birthday", month=11, day=24)
    assert selectors.upcoming_dates(team_b, today=DAY, days=30) == []
    assert selectors.upcoming_dates(None, today=DAY, days=30) == []
    assert len(selectors.upcoming_dates(team_a, today=DAY, days=30)) == 1


def test_a_life_event_is_shown_for_a_person_with_no_yearly_date(team_a: Any) -> None:
    person = PersonFactory(team=team_a, name="Aino Korhonen", country="FI")
    LifeEvent.objects.create(person=person, date=DAY + dt.timedelta(days=40), text="Retires")
    rows = selectors.upcoming_dates(team_a, today=DAY + dt.timedelta(days=35), days=7)
    assert [(r.person.name, r.kind, r.days_until) for r in rows] == [
        ("Aino Korhonen", "life_event", 5)
    ]


def test_shown_rows_have_the_same_order_and_roles_as_all(team_a: Any) -> None:
    # The home card reads roles only for the rows it shows; order and count stay the same.
    account = AccountFactory(team=team_a)
    for i, name in enumerate(["Kari Berg", "Erik Svensson", "Anna Lind", "Ola Dahl"]):
        person = PersonFactory(team=team_a, name=name, country="SE")
        PersonRoleFactory(person=person, account=account, title=f"T{i}")
        ImportantDate.objects.create(person=person, kind="birthday", month=11, day=24 + i)
    full = selectors.upcoming_dates(team_a, today=DAY, days=10)
    shown = selectors.upcoming_dates(team_a, today=DAY, days=10, shown=2)
    assert [(r.person.pk, r.kind, r.date) for r in shown] == [
        (r.person.pk, r.kind, r.date) for r in full
    ]
    assert [(r.account, r.title) for r in shown[:2]] == [(r.account, r.title) for r in full[:2]]
    assert all(r.account == account and r.title for r in full)
    assert all(r.account is None and r.title == "" for r in shown[2:])
