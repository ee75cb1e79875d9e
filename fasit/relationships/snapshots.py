"""Ranking every account by revenue at risk, cheaply.

Sorting the Being on page needs every account's health, and assessing thousands of
accounts takes seconds. ``AccountHealth`` keeps each account's health, going-dark
flag and revenue at risk for one day; ``ranking`` reads them, recomputes only the
accounts without a row for today, and returns them in the order of
``selectors.being_on``. Pages then assess in full only the accounts they show. No
page writes: ``refresh`` (the nightly task) stores every account's snapshot, and the
pages cache what they computed until the team's data changes (``core/cache.py``).

Each row keeps its revenue at risk in the team's currency as well, with the key of the
currency and rates that converted it (``rates_key``), so ``Standings`` lets the database
order and sum the rows and a page reads only the accounts it shows; a change of the
team's currency or rates converts them again (``convert_stored``, from ``receivers.py``).

A change through the ORM deletes the account's row (``receivers.py``); bulk writes
and queryset updates send no signals, so such rows stay at most until the day ends
(or until ``refresh_account_health_task`` runs, e.g. from cron each night).

``PersonKnowledgeSnapshot`` does the same for people's knowledge scores, which rank
the key accounts: ``refresh_knowledge`` stores every person's score for the day (the
same nightly task and the demo), ``selectors.knowledge_scores`` reads them and scores
in memory the people without a row for today, and a change to a person or their
family, interests, dates or life events deletes their row (``forget_people``).

``AccountKnowledgeSnapshot`` keeps each key account's knowledge score, computed from
those people's scores by the same nightly refresh, so the key accounts API ranks and
pages in the database; a change to one of the account's roles or people deletes the
account's row too (``forget_account_knowledge``, ``forget_people``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, DecimalField, F, Max, Q, QuerySet, Sum, Value
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce, Collate

from fasit.core.cache import team_data_version
from fasit.customers.models import Account, Person, PersonRole
from fasit.engine.relationships import cadence
from fasit.relationships import memo, selectors
from fasit.relationships.models import (
    AccountHealth,
    AccountKnowledgeSnapshot,
    AccountRowSnapshot,
    PersonKnowledgeSnapshot,
)
from fasit.tenancy.currency import convert, team_rates
from fasit.tenancy.models import Team

#: accounts assessed per round when many rows are missing (bounded memory)
CHUNK = 1000
#: accounts ranked from plain rows per round (``selectors.standings``): a few plain
#: tuples per conversation, so a scale-100 team (4,000 accounts) is one round
STANDINGS_CHUNK = 5000


@dataclass(frozen=True)
class RankedAccount:
    account_id: int
    name: str
    health: int
    going_dark: bool
    revenue_at_risk: Decimal | None
    currency: str
    #: revenue at risk in the team's currency (None: no revenue, or no rate for it)
    at_risk_team: Decimal | None = None

    @property
    def order(self) -> tuple[Any, ...]:
        # The same key as selectors.risk_order.
        at_risk = self.at_risk_team if self.at_risk_team is not None else self.revenue_at_risk
        return (
            -(at_risk or Decimal(0)),
            not self.going_dark,
            self.health,
            self.name,
            # Accounts of the same name in a stable order, the database's (``Standings``).
            self.account_id,
        )


def _scope(team: Team | None, owner: Any) -> QuerySet[Account]:
    accounts = Account.objects.for_team(team)
    return accounts.filter(owner=owner) if owner is not None else accounts


def ranking(
    team: Team | None, *, today: dt.date, owner: Any = None, going_dark: bool = False
) -> list[RankedAccount]:
    """Every account in scope (the team's, or ``owner``'s), riskiest revenue first;
    with ``going_dark`` only those going dark (the home card), chosen by the database.

    Reads today's stored snapshots and assesses in memory the accounts without one
    (new, changed since, or not refreshed today): a GET writes nothing. The nightly
    ``refresh`` stores them all, so a day's first pages need not assess thousands."""
    return sorted(
        _ranked(team, today=today, owner=owner, going_dark=going_dark).values(),
        key=lambda e: e.order,
    )


def kept_ranking(
    team: Team | None, *, today: dt.date, owner: Any = None, going_dark: bool = False
) -> list[RankedAccount]:
    """``ranking``, kept in this process from one version of the team's data to the
    next (``memo.py``): after a logged conversation only its account is read again,
    not the team's thousands of rows. For the pages, which are cached by the same
    version."""
    if team is None:
        return ranking(team, today=today, owner=owner, going_dark=going_dark)
    kept = memo.whole_scope(
        team,
        ("ranking", today, owner.pk if owner is not None else None, going_dark),
        lambda ids: _ranked(team, today=today, owner=owner, going_dark=going_dark, ids=ids),
    )
    return sorted(kept.values(), key=lambda e: e.order)


def _ranked(
    team: Team | None,
    *,
    today: dt.date,
    owner: Any = None,
    going_dark: bool = False,
    ids: list[int] | None = None,
) -> dict[int, RankedAccount]:
    """The ranking's entries by account (of ``ids`` only, when given), unsorted."""
    accounts = _scope(team, owner)
    if ids is not None:
        accounts = accounts.filter(pk__in=ids)
    rates = team_rates(team)
    stored = AccountHealth.objects.for_team(team).filter(day=today, account__in=accounts)
    if going_dark:
        stored = stored.filter(going_dark=True)
    known = {e.account_id: e for e in _stored_entries(team, stored, rates)}
    # A subquery rather than the ids read above: thousands of ids built into the
    # statement cost more than running it.
    today_rows = AccountHealth.objects.for_team(team).filter(day=today)
    if ids is not None:
        # A few accounts (a change): their own rows, not a scan of the team's.
        today_rows = today_rows.filter(account_id__in=ids)
    missing = accounts.exclude(pk__in=today_rows.values("account_id"))
    for chunk in _chunks(missing):
        for entry in _standings(team, today=today, accounts=chunk, rates=rates):
            if entry.going_dark or not going_dark:
                known[entry.account_id] = entry
    return known


def _stored_entries(
    team: Team | None, stored: QuerySet[AccountHealth], rates: dict[str, Decimal]
) -> list[RankedAccount]:
    """The ranking's entries of these stored rows, each with its amount in the team's
    currency: as stored where it was converted at the team's present currency and rates
    (``rates_key``), else converted here."""
    to = team.currency if team is not None else ""
    key = rates_key(team)
    # Built in one step with the amount in the team's currency: a second pass through
    # dataclasses.replace cost as much as reading the 4,000 rows. Raw driver rows with
    # only the conversions the values need (``_stored_amount``): Django's per-value
    # converters were most of reading them.
    amount = _stored_amount()
    return [
        RankedAccount(
            account_id=aid,
            name=name,
            health=h,
            going_dark=bool(g),
            revenue_at_risk=(r := amount(raw)),
            currency=c,
            at_risk_team=amount(team_raw) if k == key else convert(r, c, to, rates),
        )
        for aid, name, h, g, raw, c, team_raw, k in selectors._raw_rows(
            stored.values_list(
                "account_id",
                "account__name",
                "health",
                "going_dark",
                "revenue_at_risk",
                "currency",
                "at_risk_team",
                "rates_key",
            )
        )
    ]


def rates_key(team: Team | None) -> int:
    """A number naming the team's currency and every rate ``convert`` may use (its own
    and the defaults), stored with each converted amount: a row of another key was
    converted at other rates (a new currency or rates, or new defaults in a release)."""
    text = repr(
        (
            team.currency if team is not None else "",
            sorted((code, str(rate)) for code, rate in team_rates(team).items()),
        )
    )
    # 7 bytes: fits the signed 64-bit column on every database.
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:7], "big")


def convert_stored_rows(team: Any, rows: QuerySet[Any]) -> int:
    """Convert the amounts of these stored rows (a query of the team's ``AccountHealth``,
    or of its historical model in a migration) not already converted at the team's
    present currency and rates; the number converted. After a change of currency or
    rates (``receivers.py``), so the pages rank in the database again at once."""
    key = rates_key(team)
    rates = team_rates(team)
    stale = list(rows.exclude(rates_key=key).values_list("pk", "revenue_at_risk", "currency"))
    model = rows.model
    model._default_manager.db_manager(rows.db).bulk_update(
        [
            model(
                pk=pk, at_risk_team=convert(amount, currency, team.currency, rates), rates_key=key
            )
            for pk, amount, currency in stale
        ],
        ["at_risk_team", "rates_key"],
        batch_size=500,
    )
    return len(stale)


def convert_stored(team: Team) -> int:
    """``convert_stored_rows`` of all the team's stored snapshots."""
    return convert_stored_rows(team, AccountHealth.objects.filter(team=team))


def _stored_amount() -> Callable[[Any], Decimal | None]:
    """``AccountHealth.revenue_at_risk`` from a raw driver value, as Django's own
    converter gives it: PostgreSQL's driver returns the Decimal itself; SQLite returns
    a number, which Django reads to 15 significant digits and quantizes to the field."""
    if connection.vendor != "sqlite":
        return lambda value: value
    field = AccountHealth._meta.get_field("revenue_at_risk")
    create = decimal.Context(prec=15).create_decimal_from_float
    places = Decimal(1).scaleb(-field.decimal_places)  # type: ignore[union-attr]
    context = field.context  # type: ignore[union-attr]

    def amount(value: Any) -> Decimal | None:
        return None if value is None else create(value).quantize(places, context=context)

    return amount


def _chunks(
    accounts: QuerySet[Account], *, size: int = STANDINGS_CHUNK
) -> Iterable[QuerySet[Account]]:
    """``accounts`` in queries of at most ``size`` accounts each (bounded memory), cut
    by ranges of ids: a range keeps each statement small where a list of a thousand
    ids built into it cost more than running it."""
    ids = list(accounts.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield accounts.filter(pk__gte=chunk[0], pk__lte=chunk[-1])


def _standings(
    team: Team | None,
    *,
    today: dt.date,
    accounts: QuerySet[Account],
    rates: Any = None,
) -> list[RankedAccount]:
    """The ranking's entries of ``accounts``, assessed from plain rows
    (``selectors.standings``: the same health, going dark and revenue at risk as
    ``selectors.being_on``'s full rows, for a fraction of their cost); with ``rates``
    (``team_rates``) their amounts in the team's currency too."""
    to = team.currency if team is not None else ""
    return [
        RankedAccount(
            account_id=s.account_id,
            name=s.name,
            health=s.standing.health,
            going_dark=s.standing.going_dark,
            revenue_at_risk=s.standing.revenue_at_risk,
            currency=s.currency,
            at_risk_team=(
                convert(s.standing.revenue_at_risk, s.currency, to, rates)
                if rates is not None
                else None
            ),
        )
        for s in selectors.standings(team, today=today, accounts=accounts)
    ]


def _store(
    team: Team, *, today: dt.date, rows: list[selectors.AccountRow], version: int
) -> list[selectors.AccountRow]:
    """Save freshly assessed rows (their amounts converted at the team's present rates)
    as today's snapshot, each with its whole row (``dump_row``) read at ``version``."""
    key = rates_key(team)
    AccountHealth.objects.bulk_create(
        [
            AccountHealth(
                team=team,
                account_id=r.account.pk,
                day=today,
                health=r.assessment.health,
                going_dark=r.assessment.going_dark is not None,
                revenue_at_risk=r.assessment.revenue_at_risk,
                currency=r.currency,
                at_risk_team=r.at_risk_team,
                rates_key=key,
                # Worked out for key accounts after (``store_key_account_trends``); a
                # row rewritten keeps no other day's.
                health_before=None,
            )
            for r in rows
        ],
        update_conflicts=True,
        unique_fields=["account"],
        update_fields=[
            "day",
            "health",
            "going_dark",
            "revenue_at_risk",
            "currency",
            "at_risk_team",
            "rates_key",
            "health_before",
            "updated_at",
        ],
        batch_size=500,
    )
    AccountRowSnapshot.objects.bulk_create(
        [
            AccountRowSnapshot(
                team=team, account_id=r.account.pk, day=today, row=dump_row(r), version=version
            )
            for r in rows
        ],
        update_conflicts=True,
        unique_fields=["account"],
        update_fields=["day", "row", "version", "updated_at"],
        batch_size=500,
    )
    return rows


def _day_text(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day_of(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _decimal_text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def _decimal_of(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def dump_row(row: selectors.AccountRow) -> str:
    """An account's Being on row as stored with its snapshot: the full assessment
    (dates as dates, so nothing in it counts days from another day than the row's),
    the revenue and its currency. Names, the tier and the amount in the team's
    currency are read when shown (``stored_rows``). ``load_row`` reads it back equal."""
    a = row.assessment
    dark = a.going_dark
    c = a.components
    return json.dumps(
        [
            a.account_id,
            a.norm_days,
            _day_text(a.last_our_contact),
            a.days_since_our_contact,
            _day_text(a.last_their_contact),
            None
            if dark is None
            else [
                dark.days_since_our_contact,
                dark.norm_days,
                dark.days_behind,
                _day_text(dark.since),
                dark.people_still_in_contact,
                dark.people_on_record,
            ],
            [
                a.coverage.on_record,
                a.coverage.in_contact,
                [[r.role, r.on_record, r.in_contact] for r in a.coverage.roles],
            ],
            [c.recency, c.frequency, c.reciprocity, c.breadth, c.listening],
            a.health,
            a.health_before,
            a.trend,
            a.risk,
            _decimal_text(a.revenue_at_risk),
            list(a.monthly_ours),
            list(a.monthly_theirs),
            [
                [x.code, x.days, x.norm_days, x.count, x.total, x.role, _day_text(x.since)]
                for x in a.alerts
            ],
            [a.next_step.code, a.next_step.person_id, a.next_step.role],
            _decimal_text(row.revenue),
            row.currency,
        ],
        separators=(",", ":"),
    )


def load_row(text: str) -> tuple[cadence.AccountAssessment, Decimal | None, str]:
    """``dump_row``'s text as (assessment, revenue, currency), equal to what was dumped."""
    (
        account_id,
        norm_days,
        last_ours,
        days_since,
        last_theirs,
        dark,
        coverage,
        components,
        health,
        health_before,
        trend,
        risk,
        at_risk,
        monthly_ours,
        monthly_theirs,
        alerts,
        step,
        revenue,
        currency,
    ) = json.loads(text)
    assessment = cadence.AccountAssessment(
        account_id=account_id,
        norm_days=norm_days,
        last_our_contact=_day_of(last_ours),
        days_since_our_contact=days_since,
        last_their_contact=_day_of(last_theirs),
        going_dark=None
        if dark is None
        else cadence.GoingDark(
            days_since_our_contact=dark[0],
            norm_days=dark[1],
            days_behind=dark[2],
            since=_day_of(dark[3]),
            people_still_in_contact=dark[4],
            people_on_record=dark[5],
        ),
        coverage=cadence.Coverage(
            on_record=coverage[0],
            in_contact=coverage[1],
            roles=tuple(cadence.RoleCoverage(*r) for r in coverage[2]),
        ),
        components=cadence.Components(*components),
        health=health,
        health_before=health_before,
        trend=trend,
        risk=risk,
        revenue_at_risk=_decimal_of(at_risk),
        monthly_ours=tuple(monthly_ours),
        monthly_theirs=tuple(monthly_theirs),
        alerts=tuple(
            cadence.Alert(
                code=x[0],
                days=x[1],
                norm_days=x[2],
                count=x[3],
                total=x[4],
                role=x[5],
                since=_day_of(x[6]),
            )
            for x in alerts
        ),
        next_step=cadence.NextStep(code=step[0], person_id=step[1], role=step[2]),
    )
    return assessment, _decimal_of(revenue), currency


def stored_rows(
    team: Team, ids: Iterable[int], *, today: dt.date
) -> dict[int, selectors.AccountRow]:
    """The rows of these accounts that today's refresh stored and that are still true:
    none where the row's account changed since (a changed account's snapshot is
    deleted, ``receivers.py``; and any audited change after the refresh read the
    team's data version, found as the page caches find them, ``memo.changed_accounts``,
    covers the writes that send no signals: imports, analyses, merges). The accounts
    not returned are assessed in full (``kept_rows``). Each amount is converted to the
    team's currency at its present rates here, as ``selectors.being_on`` does."""
    # By account (its unique index), the team and day checked on each row: with the
    # team in the WHERE clause SQLite (no statistics) walked the team's index and read
    # every stored row of the team for the 50 of a page.
    rows = [
        (aid, text, version)
        for aid, text, version, team_id, day in AccountRowSnapshot.objects.filter(
            account_id__in=list(ids)
        ).values_list("account_id", "row", "version", "team_id", "day")
        if team_id == team.pk and day == today
    ]
    if not rows:
        return {}
    version = team_data_version(team)
    changed: dict[int, set[int] | None] = {}
    for since in {v for _a, _r, v in rows}:
        changed[since] = memo.changed_accounts(team, since, version)
    usable = {
        aid: text
        for aid, text, since in rows
        if changed[since] is not None and aid not in changed[since]  # type: ignore[operator]
    }
    if not usable:
        return {}
    accounts = Account.objects.for_team(team).filter(pk__in=list(usable)).select_related("owner")
    loaded = {a.pk: (a, *load_row(usable[a.pk])) for a in accounts}
    people = {a.next_step.person_id for _acc, a, _r, _c in loaded.values() if a.next_step.person_id}
    # By primary key, the team checked on each row: with the team in the WHERE clause
    # SQLite walked the team's people (no statistics) for a handful of names.
    names = {
        pk: name
        for pk, name, team_id in Person.objects.filter(pk__in=people).values_list(
            "pk", "name", "team_id"
        )
        if team_id == team.pk
    }
    rates = team_rates(team)
    return {
        pk: selectors.AccountRow(
            account=account,
            assessment=assessment,
            revenue=revenue,
            currency=currency,
            people_by_id=(
                {assessment.next_step.person_id: names.get(assessment.next_step.person_id, "")}
                if assessment.next_step.person_id is not None
                else {}
            ),
            at_risk_team=convert(assessment.revenue_at_risk, currency, team.currency, rates),
            team_currency=team.currency,
        )
        for pk, (account, assessment, revenue, currency) in loaded.items()
    }


def forget(account_ids: Iterable[int]) -> None:
    """Drop the snapshots of these accounts; the next ranking recomputes them."""
    ids = [i for i in set(account_ids) if i is not None]
    if ids:
        AccountHealth.objects.filter(account_id__in=ids).delete()
        AccountRowSnapshot.objects.filter(account_id__in=ids).delete()


def forget_team(team_id: int) -> None:
    AccountHealth.objects.filter(team_id=team_id).delete()
    AccountRowSnapshot.objects.filter(team_id=team_id).delete()


def refresh(team: Team, *, today: dt.date, progress: Callable[[], None] | None = None) -> int:
    """Recompute and store every account's snapshot of the team for ``today``;
    ``progress`` is called after each round (the worker's daily run renews its claim)."""
    stored = 0
    # Read before assessing: a change audited while the refresh runs is after it, so
    # the rows it may have missed are not used (``stored_rows``).
    version = team_data_version(team)
    for chunk in _chunks(Account.objects.for_team(team), size=CHUNK):
        rows = selectors.being_on(team, today=today, accounts=chunk)
        stored += len(_store(team, today=today, rows=rows, version=version))
        if progress is not None:
            progress()
    store_key_account_trends(team, today=today, progress=progress)
    # Rows of accounts no longer the team's, found by the database: naming every
    # account id here bound one parameter per account, and PostgreSQL refuses a
    # statement of more than 65,535 (a `--scale 1000` team has 40,000 accounts).
    for model in (AccountHealth, AccountRowSnapshot):
        model.objects.for_team(team).exclude(
            account_id__in=Account.objects.for_team(team).values("pk")
        ).delete()
    return stored


#: Key accounts whose health before is worked out per round of ``store_key_account_trends``.
TREND_CHUNK = 200


def store_key_account_trends(
    team: Team, *, today: dt.date, progress: Callable[[], None] | None = None
) -> int:
    """Store each key account's health ``TREND_DAYS`` before ``today`` in its row of
    today (``AccountHealth.health_before``), so the key accounts page reads its cards'
    health, trend and going dark (``selectors.key_account_health``) without dating the
    accounts' year of conversations. Only rows whose stored health and going dark are
    what ``key_account_health`` works out get one; the page works the others out."""
    ids = list(selectors.key_account_scope(team).order_by("pk").values_list("pk", flat=True))
    stored = 0
    for start in range(0, len(ids), TREND_CHUNK):
        marks = selectors.key_account_health(
            team, ids[start : start + TREND_CHUNK], today=today, stored=False
        )
        rows = list(
            AccountHealth.objects.for_team(team)
            .filter(day=today, account_id__in=list(marks))
            .only("pk", "account_id", "health", "going_dark")
        )
        for row in rows:
            mark = marks[row.account_id]
            same = (row.health, row.going_dark) == (mark.health, mark.going_dark)
            row.health_before = mark.health_before if same else None
            stored += same
        AccountHealth.objects.bulk_update(rows, ["health_before"], batch_size=500)
        if progress is not None:
            progress()
    return stored


def forget_people(person_ids: Iterable[int | None]) -> None:
    """Drop the knowledge snapshots of these people; the next ranking scores them."""
    ids = [i for i in set(person_ids) if i is not None]
    if ids:
        PersonKnowledgeSnapshot.objects.filter(person_id__in=ids).delete()
        AccountKnowledgeSnapshot.objects.filter(
            account_id__in=PersonRole.objects.filter(person_id__in=ids).values("account_id")
        ).delete()


def forget_account_knowledge(account_ids: Iterable[int | None]) -> None:
    """Drop the knowledge snapshots of these accounts (a role added, changed or removed)."""
    ids = [i for i in set(account_ids) if i is not None]
    if ids:
        AccountKnowledgeSnapshot.objects.filter(account_id__in=ids).delete()


def refresh_knowledge(
    team: Team, *, today: dt.date, progress: Callable[[], None] | None = None
) -> int:
    """Score every person of the team for ``today`` and store the scores; ``progress``
    as for ``refresh``."""
    people = list(Person.objects.for_team(team).values_list("pk", flat=True))
    stored = 0
    for start in range(0, len(people), CHUNK):
        chunk = Person.objects.for_team(team).filter(pk__in=people[start : start + CHUNK])
        knowledge = selectors.knowledge_of(team, chunk, today=today)
        PersonKnowledgeSnapshot.objects.bulk_create(
            [
                PersonKnowledgeSnapshot(team=team, person_id=pid, day=today, score=k.score)
                for pid, k in knowledge.items()
            ],
            update_conflicts=True,
            unique_fields=["person"],
            update_fields=["day", "score", "updated_at"],
            batch_size=500,
        )
        stored += len(knowledge)
        if progress is not None:
            progress()
    # The key accounts' scores, from the people's scores just stored (one pass).
    AccountKnowledgeSnapshot.objects.bulk_create(
        [
            AccountKnowledgeSnapshot(
                team=team, account_id=e.account_id, day=today, score=e.knowledge.score
            )
            for e in selectors.key_account_ranking(team, today=today)
        ],
        update_conflicts=True,
        unique_fields=["account"],
        update_fields=["day", "score", "updated_at"],
        batch_size=500,
    )
    return stored


def kept_rows(
    team: Team | None, ids: Iterable[int], *, today: dt.date
) -> dict[int, selectors.AccountRow]:
    """Full assessments (``selectors.being_on``) of these accounts, each kept in this
    process until its account changes (``memo.py``): a page's 50 rows after a logged
    conversation assess that conversation's account at most. For the cached pages."""

    def compute(missing: list[int]) -> dict[int, selectors.AccountRow]:
        found = stored_rows(team, missing, today=today) if team is not None else {}
        rest = [pk for pk in missing if pk not in found]
        if rest:
            rows = selectors.being_on(
                team, today=today, accounts=Account.objects.for_team(team).filter(pk__in=rest)
            )
            found.update((r.account.pk, r) for r in rows)
        return found

    if team is None:
        return compute(list(ids))
    return memo.per_account(team, ("row", today), ids, compute)


def _number(raw: Any) -> Decimal | None:
    """A raw driver number as the Decimal the ranking compares and sums: PostgreSQL's
    is one; SQLite returns whole amounts as integers (a float only past 64 bits)."""
    if raw is None or isinstance(raw, Decimal):
        return raw
    return Decimal(raw) if isinstance(raw, int) else Decimal(str(raw))


class Standings:
    """A scope's ranking (``ranking``'s order and entries) read by the database from
    today's stored snapshots, so a page reads the accounts it shows and the totals,
    not every account: ranking 4,000 rows in Python (each amount converted with
    ``Decimal``) was most of the Being on page's first request.

    The rows stored at the team's present currency and rates (``rates_key``) are
    ordered and summed by the database from their stored amounts in the team's
    currency. The scope's other accounts are few: a row of another key is converted
    here, and an account without a row for today (new or changed since the refresh)
    is assessed here from plain rows, as ``ranking`` does; they are merged into the
    database's order and totals. Equal to ``ranking`` (``test_standings_page.py``)."""

    def __init__(self, team: Team, *, today: dt.date, owner: Any = None) -> None:
        self.team = team
        accounts = _scope(team, owner)
        rates = team_rates(team)
        today_rows = AccountHealth.objects.for_team(team).filter(day=today)
        if owner is not None:
            # The team's rows are its accounts' (a row is stored with its account's
            # team): only an owner's scope needs the accounts' query, which SQLite ran
            # as a list of the team's 4,000 ids for each row.
            today_rows = today_rows.filter(account__in=accounts)
        key = rates_key(team)
        #: the rows the database ranks
        self.stored = today_rows.filter(rates_key=key)
        # The sums of today's rows by currency and key: the totals, and whether any row
        # is of another key or any account has none (then read and ranked here).
        groups = selectors._raw_rows(
            today_rows.order_by()
            .values("currency", "rates_key")
            .annotate(
                n=Count("pk"),
                dark=Count("pk", filter=Q(going_dark=True)),
                risk=Sum("revenue_at_risk"),
                team=Sum("at_risk_team"),
                unconverted=Count(
                    "pk", filter=Q(revenue_at_risk__isnull=False, at_risk_team__isnull=True)
                ),
                first=Max(self._AMOUNT, filter=Q(revenue_at_risk__isnull=False)),
            )
            .values_list(
                "currency", "rates_key", "n", "dark", "risk", "team", "unconverted", "first"
            )
        )
        self._groups = [g[:1] + g[2:] for g in groups if g[1] == key]
        #: the others, ranked here: converted, or assessed (no row for today)
        others: list[RankedAccount] = []
        if any(g[1] != key for g in groups):
            others += _stored_entries(team, today_rows.exclude(rates_key=key), rates)
        if sum(g[2] for g in groups) < accounts.count():
            missing = accounts.exclude(
                pk__in=AccountHealth.objects.for_team(team).filter(day=today).values("account_id")
            )
            for chunk in _chunks(missing):
                others += _standings(team, today=today, accounts=chunk, rates=rates)
        self.others = sorted(others, key=lambda e: e.order)
        self._totals: dict[str, Any] | None = None

    # The database's order of stored rows: ``RankedAccount.order``.
    _AMOUNT = Coalesce(
        "at_risk_team",
        "revenue_at_risk",
        Value(0),
        output_field=DecimalField(max_digits=20, decimal_places=0),
    )

    def _order(self, *, reverse: bool, health: str | None) -> list[OrderBy]:
        # Names in code point order, as Python compares them (SQLite's default; on
        # PostgreSQL the database's collation may differ).
        name = (
            Collate("account__name", "C")
            if connection.vendor == "postgresql"
            else F("account__name")
        )
        keys = [
            self._AMOUNT.desc(),
            F("going_dark").desc(),
            F("health").asc(),
            name.asc(),
            F("account_id").asc(),
        ]
        if reverse:
            keys = [OrderBy(k.expression, descending=not k.descending) for k in keys]
        if health is not None:
            keys.insert(0, OrderBy(F("health"), descending=health == "desc"))
        return keys

    @staticmethod
    def _entry_key(entry: RankedAccount, health: str | None) -> tuple[Any, ...]:
        if health is None:
            return entry.order
        return (-entry.health if health == "desc" else entry.health, *entry.order)

    def window(
        self,
        start: int,
        stop: int,
        *,
        going_dark: bool = False,
        reverse: bool = False,
        health: str | None = None,
    ) -> list[int]:
        """The ids of the ranking's entries ``start`` to ``stop`` (of those going dark
        only, with ``going_dark``): in the ranking's order, or its reverse; with
        ``health`` ("asc", "desc") by health first, equal healths in the ranking's
        order (as ``core.views.sort_rows`` sorts)."""
        if reverse and health is not None:
            raise ValueError("by health, the ranking only breaks ties (no reverse)")
        stored = self.stored.filter(going_dark=True) if going_dark else self.stored
        stored = stored.order_by(*self._order(reverse=reverse, health=health))
        others = [e for e in self.others if e.going_dark or not going_dark]
        if not others:
            return list(stored.values_list("account_id", flat=True)[start:stop])
        # Merged: the stored rows up to ``stop`` and the others, in one order.
        merged = [
            (
                self._entry_key(
                    RankedAccount(
                        account_id=aid,
                        name=name,
                        health=h,
                        going_dark=bool(g),
                        revenue_at_risk=None,
                        currency="",
                        at_risk_team=_number(raw),
                    ),
                    health,
                ),
                aid,
            )
            for aid, raw, g, h, name in selectors._raw_rows(
                stored.annotate(amount=self._AMOUNT).values_list(
                    "account_id", "amount", "going_dark", "health", "account__name"
                )[:stop]
            )
        ]
        merged += [(self._entry_key(e, health), e.account_id) for e in others]
        merged.sort(key=lambda m: m[0], reverse=reverse)
        return [aid for _key, aid in merged[start:stop]]

    def totals(self) -> dict[str, Any]:
        """The Being on page's totals of the scope: ``accounts``, ``going_dark``,
        ``at_risk`` by currency (in the order of each currency's first account in the
        ranking), ``at_risk_team`` (the amounts with a rate) and ``unconverted`` (the
        currencies of amounts without one), as the page summed ``ranking``'s entries."""
        if self._totals is not None:
            return self._totals
        accounts = dark = 0
        at_risk: dict[str, Decimal] = {}
        at_risk_team = Decimal(0)
        unconverted: set[str] = set()
        #: each currency's largest amount in the ranking (its first account's)
        first: dict[str, Decimal] = {}
        for currency, n, d, risk, team_sum, unconv, top in self._groups:
            accounts += n
            dark += d
            if risk is not None:
                at_risk[currency] = _number(risk)  # type: ignore[assignment]
                first[currency] = _number(top)  # type: ignore[assignment]
            if team_sum is not None:
                at_risk_team += _number(team_sum)  # type: ignore[operator]
            if unconv:
                unconverted.add(currency)
        for e in self.others:
            accounts += 1
            dark += e.going_dark
            if e.revenue_at_risk is not None:
                at_risk[e.currency] = at_risk.get(e.currency, 0) + e.revenue_at_risk
                amount = e.at_risk_team if e.at_risk_team is not None else e.revenue_at_risk
                first[e.currency] = max(first.get(e.currency, amount), amount)
                if e.at_risk_team is None:
                    unconverted.add(e.currency)
            if e.at_risk_team is not None:
                at_risk_team += e.at_risk_team
        self._totals = {
            "accounts": accounts,
            "going_dark": dark,
            "at_risk": {c: at_risk[c] for c in self._first_ranked(first)},
            "at_risk_team": at_risk_team,
            "unconverted": sorted(unconverted),
        }
        return self._totals

    def _first_ranked(self, first: dict[str, Decimal]) -> list[str]:
        """The currencies in the order of their first account in the ranking: by their
        largest amount, and where two have the same, by their first accounts' places."""
        place: dict[str, tuple[Any, ...]] = {}
        for currency in first:
            if sum(1 for v in first.values() if v == first[currency]) < 2:
                continue
            best = [
                e.order
                for e in self.others
                if e.currency == currency and e.revenue_at_risk is not None
            ]
            top = (
                self.stored.filter(currency=currency, revenue_at_risk__isnull=False)
                .order_by(*self._order(reverse=False, health=None))
                .values_list("account_id", flat=True)[:1]
            )
            for aid in top:
                best += [
                    e.order
                    for e in _stored_entries(
                        self.team, self.stored.filter(account_id=aid), team_rates(self.team)
                    )
                ]
            place[currency] = min(best)
        return sorted(first, key=lambda c: (-first[c], place.get(c, ())))
