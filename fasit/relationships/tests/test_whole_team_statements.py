"""Statements of the nightly and feed code bind as many parameters for a large team as
for a small one: a statement naming every account or person of a `--scale 1000` team
(40,000 accounts, 200,000 people) is refused by PostgreSQL past 65,535 parameters.
Slices of two (``fasit.core.db.ID_SLICE``, ``snapshots.CHUNK``) stand in for slices of
thousands, so a few rows show whether a statement grows with the team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fasit.core import db
from fasit.customers.models import Account
from fasit.relationships import digest, snapshots
from fasit.relationships.feeds import build_calendar
from fasit.relationships.models import AccountHealth, CalendarFeed
from fasit.relationships.tests.conftest import TODAY, TOMORROW
from fasit.testing import (
    AccountFactory,
    ImportantDateFactory,
    PersonFactory,
    PersonRoleFactory,
    bound_parameters,
    most_bound,
)


@pytest.fixture
def small_slices(monkeypatch: Any) -> None:
    monkeypatch.setattr(db, "ID_SLICE", 2)
    monkeypatch.setattr(snapshots, "CHUNK", 2)


def test_health_refresh_binds_no_more_for_more_accounts(
    team_a: Any, team_b: Any, small_slices: None
) -> None:
    other = AccountFactory(team=team_b)
    snapshots.refresh(team_b, today=TODAY)

    def refresh_with(n: int) -> int:
        for _ in range(n):
            AccountFactory(team=team_a)
        with bound_parameters() as seen:
            snapshots.refresh(team_a, today=TODAY)
        return most_bound(seen)

    assert refresh_with(3) == refresh_with(8)
    assert AccountHealth.objects.filter(team=team_a, day=TODAY).count() == 11
    # The stale rows it drops are the team's own: the other team's row stays.
    assert AccountHealth.objects.filter(account=other).exists()


def test_health_refresh_drops_rows_of_accounts_that_left_the_team(team_a: Any) -> None:
    kept, moved = AccountFactory(team=team_a), AccountFactory(team=team_a)
    snapshots.refresh(team_a, today=TODAY)
    # A row left behind for an account no longer the team's (as a bulk edit could).
    Account.objects.filter(pk=moved.pk).update(team=AccountFactory().team)
    snapshots.refresh(team_a, today=TODAY)
    assert list(AccountHealth.objects.filter(team=team_a).values_list("account_id", flat=True)) == [
        kept.pk
    ]


def _people_with_birthdays(team: Any, owner: Any, n: int, day: dt.date) -> None:
    for _ in range(n):
        person = PersonFactory(team=team)
        PersonRoleFactory(person=person, account=AccountFactory(team=team, owner=owner))
        ImportantDateFactory(person=person, kind="birthday", month=day.month, day=day.day)


def test_calendar_feed_binds_no_more_for_more_people(
    team_a: Any, alice: Any, small_slices: None
) -> None:
    feed = CalendarFeed.objects.create(team=team_a, user=alice, token_hash="f" * 64)

    def feed_with(n: int) -> tuple[int, bytes]:
        _people_with_birthdays(team_a, alice, n, TOMORROW)
        with bound_parameters() as seen:
            body = build_calendar(feed, today=TODAY)
        return most_bound(seen), body

    small, _ = feed_with(3)
    large, body = feed_with(6)
    assert small == large
    # Every person's birthday is in the feed, whichever slice read it.
    assert body.count(b"BEGIN:VEVENT") == 9


def test_digest_dates_bind_no_more_for_more_people(
    team_a: Any, alice: Any, small_slices: None
) -> None:
    setting = digest.selectors.reminder_setting(team_a, alice)

    def dates_with(n: int) -> tuple[int, Any]:
        _people_with_birthdays(team_a, alice, n, TOMORROW)
        with bound_parameters() as seen:
            section = digest.dates_section(team=team_a, user=alice, today=TODAY, setting=setting)
        return most_bound(seen), section

    small, _ = dates_with(digest.MAX_DATES + 1)
    large, section = dates_with(5)
    assert small == large
    # The mail shows MAX_DATES and counts the rest.
    assert len(section.items) == digest.MAX_DATES + 1
    assert "6 more dates" in section.items[-1].headline


def test_key_account_order_binds_no_more_for_more_stale_accounts(
    team_a: Any, team_b: Any, small_slices: None
) -> None:
    from fasit.relationships import selectors

    AccountFactory(team=team_b, tier="key")

    def order_with(n: int) -> tuple[int, list[int]]:
        for _ in range(n):
            PersonRoleFactory(
                person=PersonFactory(team=team_a), account=AccountFactory(team=team_a, tier="key")
            )
        # No refresh today: every key account is scored in memory (as before a day's
        # first refresh), found by a subquery rather than by naming each id.
        with bound_parameters() as seen:
            order = selectors.key_account_order(team_a, today=TODAY)
        return most_bound(seen), order

    small, _ = order_with(3)
    large, order = order_with(8)
    assert small == large
    assert sorted(order) == sorted(
        Account.objects.filter(team=team_a, tier="key").values_list("pk", flat=True)
    )
