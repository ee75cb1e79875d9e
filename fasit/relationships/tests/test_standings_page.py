"""The Being on page ranked by the database (``snapshots.Standings``) lists and sums
exactly what ranking every account in Python listed and summed: the full assessment
(``selectors.being_on``) sorted by ``risk_order`` and paged as ``core.views.sort_rows``
pages it. Checked with every row stored, with rows missing (assessed on the spot),
with rows converted at other rates, after the team's currency changed behind the
ORM's back and after the owner set new rates; amounts that land on a half when
converted, equal amounts across currencies, accounts of the same name, an amount
without a rate and accounts without revenue. The page itself is compared byte for
byte with the page built the old way."""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fasit.core.cache import forget_area_versions
from fasit.core.views import detached_page
from fasit.customers.models import AccountRevenue
from fasit.relationships import memo, selectors, snapshots, views
from fasit.relationships.models import AccountHealth
from fasit.relationships.tests.conftest import TODAY
from fasit.tenancy import services as tenancy_services
from fasit.tenancy.currency import convert, team_rates
from fasit.tenancy.models import Team
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

# NOK per unit: 1 SEK is half a krone, so odd amounts land on a half when converted.
RATES = {"NOK": "2", "SEK": "4", "DKK": "1", "USD": "3"}
SORTS = ["-risk", "risk", "health", "-health"]


def _world(team: Any, alice: Any, seed: int) -> None:
    rng = random.Random(seed)
    team.exchange_rates = RATES
    team.save(update_fields=["exchange_rates"])
    amounts = [1_000_001, 2_000_002, 500_001, 999_999, 3, 1]
    for i in range(30):
        account = AccountFactory(
            team=team,
            # Same names across accounts: the ranking breaks their ties by id.
            name=f"Konto {i % 11:02}",
            country=["NO", "SE", "DK"][i % 3],
            tier=["key", "customer", "prospect"][i % 3],
            owner=alice if i % 2 else None,
        )
        currency = ["NOK", "SEK", "DKK", "XYZ", "USD"][i % 5]
        if i % 7 != 6:  # some without revenue
            AccountRevenue.objects.create(
                account=account, year=TODAY.year, amount=rng.choice(amounts), currency=currency
            )
        person = PersonFactory(team=team, name=f"Person {seed}-{i}")
        PersonRoleFactory(person=person, account=account, buying_role="decision_maker")
        for _ in range(rng.randint(0, 4)):
            conversation = ConversationFactory(
                team=team,
                account=account,
                occurred_at=dt.datetime.combine(
                    TODAY - dt.timedelta(days=rng.randint(0, 200)), dt.time(10), tzinfo=dt.UTC
                ),
                kind=rng.choice(["meeting", "call", "note"]),
                initiated_by=rng.choice(["us", "customer"]),
            )
            conversation.people.set([person])


def _reference(team: Any, *, owner: Any, dark: bool, sort: str) -> tuple[list[int], Any]:
    """What the page listed and summed before the database ranked it: every account
    assessed in full, in ``risk_order``, ordered and totalled by the old view code."""
    team = Team.objects.get(pk=team.pk)
    ranked = [
        snapshots.RankedAccount(
            account_id=row.account.pk,
            name=row.account.name,
            health=row.assessment.health,
            going_dark=row.assessment.going_dark is not None,
            revenue_at_risk=row.assessment.revenue_at_risk,
            currency=row.currency,
            at_risk_team=row.at_risk_team,
        )
        for row in selectors.being_on(team, today=TODAY, owner=owner)
    ]
    listed = [e for e in ranked if e.going_dark] if dark else ranked
    if sort == "-risk":
        ordered = listed
    elif sort == "risk":
        ordered = list(reversed(listed))
    else:
        ordered = sorted(listed, key=lambda e: e.health, reverse=sort == "-health")
    return [e.account_id for e in ordered], views.ranking_totals(ranked)


def _window_args(sort: str) -> dict[str, Any]:
    if sort.endswith("health"):
        return {"health": "desc" if sort.startswith("-") else "asc"}
    return {"reverse": sort == "risk"}


def _same_as_reference(team: Any, alice: Any) -> None:
    team = Team.objects.get(pk=team.pk)
    for owner in (None, alice):
        standings = snapshots.Standings(team, today=TODAY, owner=owner)
        for dark in (False, True):
            for sort in SORTS:
                ids, totals = _reference(team, owner=owner, dark=dark, sort=sort)
                args = _window_args(sort)
                assert standings.window(0, 100, going_dark=dark, **args) == ids, (owner, dark, sort)
                # Page by page (short pages, so the merge meets their edges).
                paged: list[int] = []
                for start in range(0, len(ids) + 4, 4):
                    paged += standings.window(start, start + 4, going_dark=dark, **args)
                assert paged == ids
                got = standings.totals()
                assert got == totals
                # The currencies in the order of their first account in the ranking.
                assert list(got["at_risk"].items()) == list(totals["at_risk"].items())


@pytest.fixture
def world(team_a: Any, team_b: Any, alice: Any) -> Any:
    _world(team_a, alice, 1)
    _world(team_b, None, 2)  # another team's rows are never ranked or summed
    snapshots.refresh(team_a, today=TODAY)
    snapshots.refresh(team_b, today=TODAY)
    return team_a


def test_every_row_stored(world: Any, alice: Any) -> None:
    assert AccountHealth.objects.filter(team=world, rates_key=None).count() == 0
    _same_as_reference(world, alice)
    # The draw has what the order must break: equal amounts, a half, no rate.
    ids, totals = _reference(world, owner=None, dark=False, sort="-risk")
    assert len(ids) == 30 and totals["unconverted"] == ["XYZ"]
    assert len(totals["at_risk"]) == 5


def test_rows_missing_or_converted_at_other_rates(world: Any, alice: Any) -> None:
    rows = list(AccountHealth.objects.filter(team=world).order_by("pk"))
    # Changed since the refresh (no row) and yesterday's: assessed on the spot.
    snapshots.forget([r.account_id for r in rows[:5]])
    AccountHealth.objects.filter(pk__in=[r.pk for r in rows[5:8]]).update(
        day=TODAY - dt.timedelta(days=1)
    )
    # Converted at other rates (a wrong amount that must not be read), or never.
    AccountHealth.objects.filter(pk__in=[r.pk for r in rows[8:12]]).update(
        rates_key=1, at_risk_team=Decimal(123_456_789)
    )
    AccountHealth.objects.filter(pk__in=[r.pk for r in rows[12:14]]).update(
        rates_key=None, at_risk_team=None
    )
    _same_as_reference(world, alice)
    assert snapshots.Standings(world, today=TODAY).others


def test_a_currency_changed_behind_the_orm_is_converted_on_the_spot(world: Any, alice: Any) -> None:
    Team.objects.filter(pk=world.pk).update(currency="SEK")
    _same_as_reference(world, alice)


def test_new_rates_convert_the_stored_amounts(world: Any, alice: Any) -> None:
    rates = {code: Decimal(v) for code, v in RATES.items()} | {"SEK": Decimal("1.5")}
    tenancy_services.team_rates_set(team=world, actor=alice, currency="DKK", rates=rates, on=TODAY)
    world.refresh_from_db()
    key = snapshots.rates_key(world)
    stored = list(AccountHealth.objects.filter(team=world))
    assert stored and {r.rates_key for r in stored} == {key}
    for r in stored:
        assert r.at_risk_team == convert(r.revenue_at_risk, r.currency, "DKK", team_rates(world))
    assert not snapshots.Standings(world, today=TODAY).others
    _same_as_reference(world, alice)
    # The other team's rows keep their own team's key.
    other = AccountHealth.objects.exclude(team=world)
    assert other.exists() and not other.filter(rates_key=key).exists()


def test_the_refresh_stores_the_converted_amount(world: Any) -> None:
    rates = team_rates(world)
    for r in AccountHealth.objects.filter(team=world):
        assert r.rates_key == snapshots.rates_key(world)
        assert r.at_risk_team == convert(r.revenue_at_risk, r.currency, world.currency, rates)


def test_the_migrations_fill_converts_stored_rows(world: Any) -> None:
    AccountHealth.objects.filter(team=world).update(rates_key=None, at_risk_team=None)
    assert snapshots.convert_stored(world) == 30
    test_the_refresh_stores_the_converted_amount(world)
    assert snapshots.convert_stored(world) == 0


class _OldPage:
    """``Standings`` as the page ranked before: every account's entry in Python
    (``snapshots.ranking``), ordered by ``core.views.sort_rows``'s rules."""

    def __init__(self, team: Any, *, today: dt.date, owner: Any = None) -> None:
        self.ranked = snapshots.ranking(team, today=today, owner=owner)

    def totals(self) -> dict[str, Any]:
        return views.ranking_totals(self.ranked)

    def window(
        self,
        start: int,
        stop: int,
        *,
        going_dark: bool = False,
        reverse: bool = False,
        health: str | None = None,
    ) -> list[int]:
        listed = [e for e in self.ranked if e.going_dark] if going_dark else self.ranked
        if health is not None:
            listed = sorted(listed, key=lambda e: e.health, reverse=health == "desc")
        elif reverse:
            listed = list(reversed(listed))
        page = detached_page(listed, stop - start, start // (stop - start) + 1)
        return [e.account_id for e in page.object_list]


def _fresh_get(client: Any, url: str, params: dict[str, str]) -> str:
    cache.clear()
    caches["team"].clear()
    memo.clear()
    forget_area_versions()
    response = client.get(url, params)
    assert response.status_code == 200
    # Each response has its own CSRF token; the rest must be the same.
    return re.sub(
        r"(CSRFToken\": \"|csrfmiddlewaretoken\" value=\")[^\"]+", r"\1", response.content.decode()
    )


def test_the_page_is_the_old_pages_byte_for_byte(
    world: Any, alice: Any, alice_client: Any, charlie_client: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    rows = list(AccountHealth.objects.filter(team=world).order_by("pk"))
    snapshots.forget([rows[3].account_id, rows[20].account_id])  # two assessed on the spot
    url = reverse("relationships:being_on")
    queries = [
        {},
        {"page": "2"},
        {"page": "8"},
        {"page": "99"},
        {"page": "x"},
        {"sort": "risk", "page": "3"},
        {"sort": "health"},
        {"sort": "-health", "page": "2"},
        {"mine": "on"},
        {"mine": "on", "dark": "on", "page": "2"},
        {"dark": "on", "sort": "risk"},
    ]
    new = [_fresh_get(alice_client, url, q) for q in queries]
    monkeypatch.setattr(snapshots, "Standings", _OldPage)
    old = [_fresh_get(alice_client, url, q) for q in queries]
    for q, a, b in zip(queries, new, old, strict=True):
        assert a == b, q
    assert "Konto 00" in new[0] and "Page 1 of 8" in new[0]
    # Another team's user sees none of it, and none of its accounts.
    other = charlie_client.get(url).content.decode()
    assert "Konto" not in other or all(
        f'href="/accounts/{r.account_id}/"' not in other for r in rows
    )
    account = rows[0].account_id
    assert charlie_client.get(reverse("accounts:detail", args=[account])).status_code == 404


def test_the_page_writes_nothing(world: Any, alice_client: Any) -> None:
    snapshots.forget(
        list(AccountHealth.objects.filter(team=world).values_list("account_id", flat=True))[:3]
    )
    for params in ({}, {"sort": "health"}, {"dark": "on"}):
        with CaptureQueriesContext(connection) as captured:
            _fresh_get(alice_client, reverse("relationships:being_on"), params)
        writes = [
            q["sql"]
            for q in captured
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            and "django_session" not in q["sql"]
        ]
        assert writes == [], params


@pytest.mark.parametrize(("sek_name", "nok_name"), [("A konto", "B konto"), ("B konto", "A konto")])
def test_currencies_with_the_same_largest_amount_keep_the_rankings_order(
    team_a: Any, alice: Any, sek_name: str, nok_name: str
) -> None:
    # Never contacted (health 0): all the revenue is at risk, 1,000 NOK both.
    team_a.exchange_rates = RATES
    team_a.save(update_fields=["exchange_rates"])
    for name, amount, currency in ((sek_name, 2000, "SEK"), (nok_name, 1000, "NOK")):
        account = AccountFactory(team=team_a, name=name)
        AccountRevenue.objects.create(
            account=account, year=TODAY.year, amount=amount, currency=currency
        )
    snapshots.refresh(team_a, today=TODAY)
    _ids, totals = _reference(team_a, owner=None, dark=False, sort="-risk")
    got = snapshots.Standings(Team.objects.get(pk=team_a.pk), today=TODAY).totals()
    assert list(got["at_risk"].items()) == list(totals["at_risk"].items())
    first = "SEK" if sek_name < nok_name else "NOK"
    assert next(iter(got["at_risk"])) == first
    _same_as_reference(team_a, alice)
