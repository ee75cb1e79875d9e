"""Home's going-dark card from its own reads (``relationships/going_dark.py``): the rows
are ``being_on``'s, the ranking and count are ``Standings``', and a change through a
service changes the card."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from fasit.conversations.services import conversation_log
from fasit.customers.models import Account, AccountRevenue
from fasit.relationships import going_dark, selectors, snapshots
from fasit.relationships.models import AccountCadence, AccountHealth
from fasit.relationships.tests.conftest import TODAY, ago
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

pytestmark = pytest.mark.django_db


def _team(team: Any, owner: Any) -> list[Any]:
    """Accounts of every kind the card's assessment reads: never contacted; ours only
    before the window (the last contact ever counts); ours in the window and ahead of
    today; theirs only; a person at two accounts; a norm of its own; revenue in other
    currencies and none."""
    accounts = []
    for i, (ours, theirs) in enumerate(
        [(None, None), (500, 20), (3, None), (45, 2), (90, None), (200, 5), (-3, 40), (None, 1)]
    ):
        account = AccountFactory(
            team=team, name=f"Konto {i}", tier=("key", "customer")[i % 2], owner=owner
        )
        people = [PersonFactory(team=team) for _ in range(3)]
        for j, person in enumerate(people):
            PersonRoleFactory(
                person=person, account=account, buying_role=("decider", "user", "")[j]
            )
        if i % 3 == 0 and accounts:
            # One person at two accounts.
            PersonRoleFactory(person=people[0], account=accounts[-1], buying_role="influencer")
        if ours is not None:
            ConversationFactory(
                team=team, account=account, occurred_at=ago(ours), initiated_by="us"
            ).people.set(people[:2])
        if theirs is not None:
            ConversationFactory(
                team=team, account=account, occurred_at=ago(theirs), initiated_by="customer"
            ).people.set(people[1:])
        if i % 4 == 1:
            AccountCadence.objects.create(account=account, days=10)
        if i % 3:
            AccountRevenue.objects.create(
                account=account,
                year=TODAY.year,
                amount=Decimal(150_000 * i),
                currency=("SEK", "NOK", "EUR")[i % 3],
            )
        accounts.append(account)
    return accounts


def test_the_cards_rows_are_being_ons(team_a: Any, team_b: Any, alice: Any) -> None:
    accounts = _team(team_a, alice)
    _team(team_b, None)
    ids = [a.pk for a in accounts]
    for today in (TODAY, TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=60)):
        full = selectors.being_on(team_a, today=today, accounts=Account.objects.filter(pk__in=ids))
        lean = going_dark.card_rows(team_a, ids, today=today)
        assert sorted(lean) == sorted(ids)
        for row in full:
            mine = lean[row.account.pk]
            assert mine.assessment == row.assessment, (today, row.account.name)
            assert (mine.revenue, mine.currency, mine.at_risk_team, mine.account.name) == (
                row.revenue,
                row.currency,
                row.at_risk_team,
                row.account.name,
            )
            assert selectors.risk_order(mine) == selectors.risk_order(row)
        if today == TODAY:
            assert any(r.assessment.going_dark for r in full)
            assert not all(r.assessment.going_dark for r in full)
    # Another team's ids give nothing.
    other = list(Account.objects.filter(team=team_b).values_list("pk", flat=True))
    assert going_dark.card_rows(team_a, other, today=TODAY) == {}


def test_the_cards_ranking_and_count_are_the_standings(
    team_a: Any, team_b: Any, alice: Any, bob: Any
) -> None:
    _team(team_a, alice)
    _team(team_a, bob)
    _team(team_b, None)
    for stage in ("nothing stored", "stored", "half changed", "other rates"):
        if stage == "stored":
            snapshots.refresh(team_a, today=TODAY)
        elif stage == "half changed":
            full = snapshots.ranking(team_a, today=TODAY)
            snapshots.forget([e.account_id for e in full[::2]])
        elif stage == "other rates":
            AccountHealth.objects.filter(team=team_a, account__owner=bob).update(rates_key=1)
        for owner in (None, alice, bob):
            standings = snapshots.Standings(team_a, today=TODAY, owner=owner)
            dark = going_dark.DarkStandings(team_a, today=TODAY, owner=owner)
            assert dark.going_dark == standings.totals()["going_dark"], (stage, owner)
            for start, stop in ((0, 3), (2, 8), (0, 100)):
                assert dark.window(start, stop, going_dark=True) == standings.window(
                    start, stop, going_dark=True
                ), (stage, owner, start)
            assert dark.going_dark > 0


def test_a_logged_conversation_takes_the_account_off_the_card(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    quiet = AccountFactory(team=team_a, name="Stille Konto", tier="key", owner=alice)
    ConversationFactory(team=team_a, account=quiet, occurred_at=ago(120), initiated_by="us")
    snapshots.refresh(team_a, today=TODAY)

    def card() -> str:
        html = alice_client.get(reverse("home")).content.decode()
        start = html.index("<h2>Going dark")
        return html[start : html.index("</section>", start)]

    assert "Stille Konto" in card()
    conversation_log(team=team_a, actor=alice, account=quiet, kind="meeting")
    assert "Stille Konto" not in card()
    assert "Stille Konto" not in charlie_client.get(reverse("home")).content.decode()
    assert charlie_client.get(reverse("accounts:detail", args=[quiet.pk])).status_code == 404
