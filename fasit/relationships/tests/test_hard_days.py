"""Date logic on the days that break it: the last evening of the year, 29 February,
the nights the clocks change and a day years ahead — in Oslo, and for users who set
Stockholm or Copenhagen as their time zone. Each test freezes the clock at its moment
(the rest of the suite runs at whatever day CI moves the clock to)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from fasit.conversations.models import Conversation
from fasit.customers.models import ImportantDate
from fasit.customers.services import account_revenue_set
from fasit.tenancy.models import UserProfile
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.UTC


def client_in(user: Any, zone: str) -> Client:
    """A signed-in client for ``user`` with ``zone`` as their chosen time zone."""
    UserProfile.objects.update_or_create(user=user, defaults={"time_zone": zone})
    client = Client()
    client.force_login(user)  # the login signal keeps the zone in the session
    return client


def dates(client: Client, days: int = 14) -> list[tuple[str, str, int, int | None]]:
    rows = client.get("/api/relationships/dates", {"days": days}).json()
    return [(r["person"], r["date"], r["days_until"], r["years"]) for r in rows]


@pytest.fixture
def account(team_a: Any, alice: Any) -> Any:
    return AccountFactory(team=team_a, name="Nordkyst AS", country="NO", tier="key", owner=alice)


def person_with_birthday(account: Any, name: str, month: int, day: int, year: int | None) -> Any:
    person = PersonFactory(team=account.team, name=name, country="FI")  # no almanac name day
    PersonRoleFactory(person=person, account=account)
    ImportantDate.objects.create(person=person, kind="birthday", month=month, day=day, year=year)
    return person


# -- the last evening of the year -----------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen"])
def test_dates_in_the_next_14_days_wrap_into_january(account: Any, alice: Any, zone: str) -> None:
    person_with_birthday(account, "Aino Korhonen", 1, 2, 1970)
    person_with_birthday(account, "Ville Laine", 12, 31, None)
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 40, tzinfo=OSLO), tick=False):
        client = client_in(alice, zone)
        assert dates(client) == [
            ("Ville Laine", "2026-12-31", 0, None),
            ("Aino Korhonen", "2027-01-02", 2, 57),
        ]
        page = client.get(reverse("relationships:dates")).content.decode()
        assert "Aino Korhonen" in page and "Ville Laine" in page


def test_this_years_revenue_follows_the_local_new_year(account: Any, alice: Any) -> None:
    # 00:10 on 1 January in Oslo is still 31 December in UTC: "next year" is 2028 here.
    with time_machine.travel(dt.datetime(2027, 1, 1, 0, 10, tzinfo=OSLO), tick=False):
        account_revenue_set(account=account, actor=alice, year=2028, amount=1, currency="NOK")
        with pytest.raises(ValidationError):
            account_revenue_set(account=account, actor=alice, year=2029, amount=1)


def test_days_since_our_contact_counts_local_days_across_new_year(account: Any, alice: Any) -> None:
    ConversationFactory(
        team=account.team,
        account=account,
        occurred_at=dt.datetime(2026, 12, 31, 23, 30, tzinfo=OSLO),
        initiated_by="us",
    )
    url = f"/api/relationships/accounts/{account.pk}"
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 40, tzinfo=OSLO), tick=False):
        assert client_in(alice, "Europe/Oslo").get(url).json()["days_since_our_contact"] == 0
    with time_machine.travel(dt.datetime(2027, 1, 1, 0, 10, tzinfo=OSLO), tick=False):
        assert client_in(alice, "Europe/Copenhagen").get(url).json()["days_since_our_contact"] == 1


# -- 29 February ----------------------------------------------------------------------


def test_leap_day_birthday_in_a_common_year_is_on_28_february(account: Any, alice: Any) -> None:
    person_with_birthday(account, "Leena Mäkinen", 2, 29, 1980)
    with time_machine.travel(dt.datetime(2027, 2, 28, 9, 0, tzinfo=OSLO), tick=False):
        assert dates(client_in(alice, "Europe/Stockholm")) == [
            ("Leena Mäkinen", "2027-02-28", 0, 47)
        ]
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, 0, tzinfo=OSLO), tick=False):
        assert dates(client_in(alice, "Europe/Stockholm"), days=366) == [
            ("Leena Mäkinen", "2028-02-29", 365, 48)
        ]


def test_leap_day_today_in_a_leap_year(account: Any, alice: Any) -> None:
    person_with_birthday(account, "Leena Mäkinen", 2, 29, 1980)
    person_with_birthday(account, "Juha Nieminen", 2, 28, 1990)
    person_with_birthday(account, "Sari Lahti", 3, 1, None)
    with time_machine.travel(dt.datetime(2028, 2, 29, 12, 0, tzinfo=OSLO), tick=False):
        assert dates(client_in(alice, "Europe/Copenhagen"), days=1) == [
            ("Leena Mäkinen", "2028-02-29", 0, 48),
            ("Sari Lahti", "2028-03-01", 1, None),
        ]


# -- the nights the clocks change -----------------------------------------------------


def log_at(client: Client, account: Any, when: str) -> Any:
    return client.post(
        reverse("conversations:log"),
        {"account": account.pk, "kind": "call", "occurred_at": when, "initiated_by": "us"},
    )


@pytest.mark.parametrize("zone", ["Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen"])
def test_0230_on_the_night_summer_time_starts_is_logged(account: Any, bob: Any, zone: str) -> None:
    # 02:30 never shows on the clock on 28 March 2027: it jumps from 02:00 to 03:00.
    with time_machine.travel(dt.datetime(2027, 3, 28, 9, 0, tzinfo=OSLO), tick=False):
        response = log_at(client_in(bob, zone), account, "2027-03-28T02:30")
    assert response.status_code == 302
    occurred = Conversation.objects.get().occurred_at
    assert occurred == dt.datetime(2027, 3, 28, 1, 30, tzinfo=UTC)  # 03:30 summer time
    assert occurred.astimezone(ZoneInfo(zone)).date() == dt.date(2027, 3, 28)


@pytest.mark.parametrize("zone", ["Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen"])
def test_0230_on_the_night_summer_time_ends_is_logged(account: Any, bob: Any, zone: str) -> None:
    # 02:30 comes twice on 31 October 2027; the first (summer time) is taken.
    with time_machine.travel(dt.datetime(2027, 10, 31, 2, 30, tzinfo=OSLO, fold=1), tick=False):
        response = log_at(client_in(bob, zone), account, "2027-10-31T02:30")
    assert response.status_code == 302
    assert Conversation.objects.get().occurred_at == dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_contact_on_the_night_clocks_change_counts_for_that_day(account: Any, alice: Any) -> None:
    ConversationFactory(
        team=account.team,
        account=account,
        occurred_at=dt.datetime(2027, 10, 31, 2, 30, tzinfo=OSLO, fold=1),
        initiated_by="us",
    )
    url = f"/api/relationships/accounts/{account.pk}"
    with time_machine.travel(dt.datetime(2027, 10, 31, 23, 59, tzinfo=OSLO), tick=False):
        assert client_in(alice, "Europe/Oslo").get(url).json()["days_since_our_contact"] == 0
    with time_machine.travel(dt.datetime(2027, 11, 1, 0, 1, tzinfo=OSLO), tick=False):
        assert client_in(alice, "Europe/Oslo").get(url).json()["days_since_our_contact"] == 1


# -- a day years ahead ----------------------------------------------------------------


def test_years_ahead_ages_yearless_birthdays_and_days_since(account: Any, alice: Any) -> None:
    person_with_birthday(account, "Aino Korhonen", 6, 16, None)
    person_with_birthday(account, "Ville Laine", 6, 20, 1980)
    ConversationFactory(
        team=account.team,
        account=account,
        occurred_at=dt.datetime(2030, 5, 11, 10, 0, tzinfo=OSLO),
        initiated_by="us",
    )
    with time_machine.travel(dt.datetime(2031, 6, 15, 9, 0, tzinfo=OSLO), tick=False):
        client = client_in(alice, "Europe/Stockholm")
        assert dates(client) == [
            ("Aino Korhonen", "2031-06-16", 1, None),
            ("Ville Laine", "2031-06-20", 5, 51),
        ]
        health = client.get(f"/api/relationships/accounts/{account.pk}").json()
    assert health["days_since_our_contact"] == 400


def test_charlie_sees_none_of_it(account: Any, charlie: Any) -> None:
    person_with_birthday(account, "Aino Korhonen", 1, 2, 1970)
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 40, tzinfo=OSLO), tick=False):
        client = client_in(charlie, "Europe/Copenhagen")
        assert dates(client) == []
        assert client.get(f"/api/relationships/accounts/{account.pk}").status_code == 404
