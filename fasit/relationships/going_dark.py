"""Home's going-dark card: the scope's riskiest accounts going dark, and how many there are.

The card needs the first few of ``snapshots.ranking(..., going_dark=True)`` and their
number. ``snapshots.Standings`` answers that too, but it is built for the Being on page:
its totals sum every stored row of the scope by currency and key (one aggregate with a
temp B-tree over the team's 4,000 rows at --scale 100) and it scopes the rows through a
list of the team's account ids. ``DarkStandings`` counts what the card shows (rows,
going-dark rows at the present key, rows of another key) in one plain count and ranks
with ``Standings``' own order and merge (``window``), so the two cannot drift: equal to
the full ranking cut (``tests/test_cold_pages.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Max, Q

from fasit.conversations.models import Conversation
from fasit.customers.models import Account, PersonRole
from fasit.engine.relationships import cadence
from fasit.relationships import mapping, memo, selectors, snapshots
from fasit.relationships.models import AccountCadence, AccountHealth
from fasit.tenancy.currency import convert, team_rates
from fasit.tenancy.models import Team


class DarkStandings(snapshots.Standings):
    """``Standings`` of the accounts going dark: ``window(..., going_dark=True)`` and
    ``going_dark`` (their number, as ``totals()["going_dark"]``); no other totals."""

    def __init__(self, team: Team, *, today: dt.date, owner: Any = None) -> None:
        self.team = team
        accounts = snapshots._scope(team, owner)
        rows = AccountHealth.objects.for_team(team).filter(day=today)
        if owner is not None:
            # The owner's accounts through the join the ranking makes anyway (for the
            # names), not a list of their ids.
            rows = rows.filter(account__team=team, account__owner=owner)
        # The team's scope is the team's rows: a snapshot is stored for an account of
        # its own team only (``snapshots.refresh``, ``_store``), and goes with it.
        key = snapshots.rates_key(team)
        self.stored = rows.filter(rates_key=key)
        counted = rows.order_by().aggregate(
            n=Count("pk"),
            dark=Count("pk", filter=Q(going_dark=True, rates_key=key)),
            other=Count("pk", filter=~Q(rates_key=key)),
        )
        rates = team_rates(team)
        others: list[snapshots.RankedAccount] = []
        if counted["other"]:
            others += snapshots._stored_entries(team, rows.exclude(rates_key=key), rates)
        if counted["n"] < accounts.count():
            missing = accounts.exclude(
                pk__in=AccountHealth.objects.for_team(team).filter(day=today).values("account_id")
            )
            for chunk in snapshots._chunks(missing):
                others += snapshots._standings(team, today=today, accounts=chunk, rates=rates)
        self.others = sorted(others, key=lambda e: e.order)
        #: how many accounts of the scope are going dark
        self.going_dark = counted["dark"] + sum(1 for e in self.others if e.going_dark)
        self._totals = None

    def totals(self) -> dict[str, Any]:
        raise NotImplementedError("the going-dark card counts only the accounts going dark")


def card_rows(team: Team, ids: list[int], *, today: dt.date) -> dict[int, selectors.AccountRow]:
    """``selectors.being_on``'s rows of these accounts as the card shows them: the same
    assessment, revenue, currency and amount in the team's currency, with the account
    as a bare model of its id and name (no owner, no people's names: the card shows
    neither). Our last contact ever is read only for the accounts with none of ours up
    to today in the window: ``cadence.assess_account`` reads it only then (in a window
    with one, it is no earlier than that one, so neither the day nor the trend's day
    before takes it). Equal to ``being_on`` (``tests/test_going_dark_card.py``)."""
    listed = list(
        Account.objects.for_team(team)
        .filter(pk__in=ids)
        .order_by()
        .values_list("pk", "name", "tier", "country")
    )
    if not listed:
        return {}
    ids = [pk for pk, *_rest in listed]
    norms = selectors.team_norms(team)
    overrides = dict(
        AccountCadence.objects.for_team(team)
        .filter(account_id__in=ids)
        .values_list("account_id", "days")
    )
    people: dict[int, list[cadence.PersonOnRecord]] = defaultdict(list)
    # In ``being_on``'s order: a person with two roles at an account keeps the same one.
    for account_id, person_id, role in PersonRole.objects.filter(
        account__team=team, account_id__in=ids
    ).values_list("account_id", "person_id", "buying_role"):
        people[account_id].append(cadence.PersonOnRecord(person_id, role))
    since = today - dt.timedelta(days=selectors.WINDOW_DAYS)
    conversations = Conversation.objects.filter(
        account__team=team,
        account_id__in=ids,
        occurred_at__gte=selectors._day_start(since - dt.timedelta(days=1)),
    )
    contacts = selectors.account_contacts(
        team, conversations, {pk: country for pk, _n, _t, country in listed}, since=since
    )
    without = [pk for pk in ids if not any(c.ours and c.on <= today for c in contacts.get(pk, ()))]
    last_ours = (
        dict(
            Conversation.objects.filter(
                selectors.REAL, account__team=team, account_id__in=without, initiated_by="us"
            )
            .values("account_id")
            .annotate(last=Max("occurred_at"))
            .values_list("account_id", "last")
        )
        if without
        else {}
    )
    revenue = selectors._latest_revenue(ids)
    rates = team_rates(team)
    rows = {}
    for pk, name, tier, country in listed:
        norm = overrides.get(pk) or cadence.resolve_norm(tier, team_norms=norms)
        last = last_ours.get(pk)
        amount, currency = revenue.get(pk, (None, ""))
        facts = cadence.AccountFacts(
            account_id=pk,
            tier=tier,
            norm_days=norm,
            people=tuple(people.get(pk, ())),
            contacts=tuple(contacts.get(pk, ())),
            last_our_contact=mapping.local_date_of(last, country) if last else None,
            revenue=amount,
        )
        assessment = cadence.assess_account(facts, today=today)
        rows[pk] = selectors.AccountRow(
            account=Account(pk=pk, team=team, name=name, tier=tier, country=country),
            assessment=assessment,
            revenue=amount,
            currency=currency,
            at_risk_team=convert(assessment.revenue_at_risk, currency, team.currency, rates),
            team_currency=team.currency,
        )
    return rows


def kept_card_rows(
    team: Team, ids: list[int], *, today: dt.date
) -> dict[int, selectors.AccountRow]:
    """``card_rows``, each kept in this process until its account changes (``memo.py``),
    as ``snapshots.kept_rows`` keeps the full rows: after a logged conversation only its
    account is assessed again."""
    return memo.per_account(
        team, ("card-row", today), ids, lambda missing: card_rows(team, missing, today=today)
    )
