"""Reads for being on, knowing people and important dates. Every function takes the
team first, and reaches rows only through ``for_team``."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField, Exists, F, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime

from fasit.conversations.models import Conversation, FollowUp, ListeningAnalysis
from fasit.customers.models import (
    Account,
    AccountRevenue,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
    PersonRole,
    Tier,
)
from fasit.engine.relationships import cadence
from fasit.engine.relationships.cadence import (
    AccountAssessment,
    AccountFacts,
    PersonAssessment,
    PersonFacts,
    PersonOnRecord,
)
from fasit.engine.relationships.dates import (
    Upcoming,
    YearlyDate,
    one_off_upcoming,
    time_zone_for,
    upcoming,
    valid_yearly,
)
from fasit.engine.relationships.knowledge import (
    BEST_PER_ROLE,
    AccountKnowledge,
    PersonKnowledge,
    account_knowledge,
    person_knowledge,
)
from fasit.relationships import mapping
from fasit.relationships.models import (
    AccountCadence,
    AccountHealth,
    AccountKnowledgeSnapshot,
    CadenceNorm,
    CalendarFeed,
    PersonCadence,
    PersonKnowledgeSnapshot,
    ReminderSetting,
)
from fasit.tenancy.currency import convert, team_rates
from fasit.tenancy.models import Membership, Team

#: contacts older than this are only needed for "our last contact ever" (one aggregate)
WINDOW_DAYS = 400
#: within a day, the more personal dates first
KIND_RANK = {"birthday": 0, "work_anniversary": 1, "life_event": 2, "other": 3, "name_day": 4}
REAL = Q(kind__in=sorted(cadence.REAL_KINDS)) | Q(kind="email", customer_replied=True)


# -- cadence norms -----------------------------------------------------------------


def team_norms(team: Team | None) -> dict[str, int]:
    """The team's norm per tier, defaults filled in."""
    norms = dict(cadence.DEFAULT_NORMS)
    norms.update(CadenceNorm.objects.for_team(team).values_list("tier", "days"))
    return norms


def account_norm(account: Account, norms: dict[str, int] | None = None) -> tuple[int, str]:
    """(days, where from: "account" or "tier") for one account."""
    override = AccountCadence.objects.filter(account=account).values_list("days", flat=True).first()
    if override is not None:
        return override, "account"
    return cadence.resolve_norm(account.tier, team_norms=norms or team_norms(account.team)), "tier"


def person_norm(person: Person) -> tuple[int, str]:
    """(days, where from: "person", "account" or "tier"); a person at several accounts
    follows the strictest of them."""
    override = PersonCadence.objects.filter(person=person).values_list("days", flat=True).first()
    if override is not None:
        return override, "person"
    norms = team_norms(person.team)
    best: tuple[int, str] | None = None
    for account in Account.objects.for_team(person.team).filter(roles__person=person):
        candidate = account_norm(account, norms)
        if best is None or candidate[0] < best[0]:
            best = candidate
    return best or (cadence.resolve_norm(Tier.CUSTOMER, team_norms=norms), "tier")


# -- being on ------------------------------------------------------------------------


@dataclass
class AccountRow:
    account: Account
    assessment: AccountAssessment
    revenue: Decimal | None = None
    currency: str = ""
    people_by_id: dict[int, str] = field(default_factory=dict)  # person id -> name
    #: revenue at risk in the team's currency (tenancy/currency.py); None when the
    #: account has no revenue or its currency has no rate
    at_risk_team: Decimal | None = None
    team_currency: str = ""

    @property
    def next_person_name(self) -> str:
        pid = self.assessment.next_step.person_id
        return self.people_by_id.get(pid, "") if pid is not None else ""


def _latest_revenue(account_ids: Any) -> dict[int, tuple[Decimal, str]]:
    latest: dict[int, tuple[Decimal, str]] = {}
    rows = (
        AccountRevenue.objects.filter(account_id__in=account_ids)
        .order_by("account_id", "-year")
        .values_list("account_id", "amount", "currency")
    )
    for account_id, amount, currency in rows:
        latest.setdefault(account_id, (amount, currency))
    return latest


def being_on(
    team: Team | None,
    *,
    today: dt.date,
    owner: Any = None,
    accounts: QuerySet[Account] | None = None,
) -> list[AccountRow]:
    """Every account (or those of ``owner``) assessed, riskiest revenue first.

    A fixed number of queries whatever the team's size: accounts, overrides, roles,
    one year of conversations and their participants, our last contact ever, revenue.
    """
    qs = accounts if accounts is not None else Account.objects.for_team(team)
    qs = qs.filter(team=team) if team is not None else qs.none()
    if owner is not None:
        qs = qs.filter(owner=owner)
    account_list = list(qs.select_related("owner"))
    if not account_list:
        return []
    ids = [a.pk for a in account_list]
    norms = team_norms(team)
    overrides = dict(
        AccountCadence.objects.for_team(team)
        .filter(account_id__in=ids)
        .values_list("account_id", "days")
    )
    people: dict[int, list[PersonOnRecord]] = defaultdict(list)
    names: dict[int, str] = {}
    # Scoped through the account, not the person: with the person's team in the
    # WHERE clause SQLite walks every person of the team and probes each account id
    # (seconds at 20,000 people), where this walks the accounts' own index.
    for account_id, person_id, role in PersonRole.objects.filter(
        account__team=team, account_id__in=ids
    ).values_list("account_id", "person_id", "buying_role"):
        people[account_id].append(PersonOnRecord(person_id, role))
        names[person_id] = ""
    # The names by primary key apart: joined to the roles, PostgreSQL hashed the team's
    # 20,000 people for the 250 of one large account (12 ms of the first request after
    # a conversation with it).
    if names:
        names.update(Person.objects.filter(pk__in=list(names)).values_list("pk", "name"))

    since = today - dt.timedelta(days=WINDOW_DAYS)
    # ``occurred_at__date`` runs a Python function per row in SQLite; an instant a day
    # early uses the index, and the local dates are cut at ``since`` below.
    # Scoped through the account so SQLite uses the (account, occurred_at) index: with
    # the conversation's own team_id in the query it range-scans the whole team's
    # year of conversations even for the 50 accounts of one page.
    conversations = Conversation.objects.filter(
        account__team=team,
        account_id__in=ids,
        occurred_at__gte=_day_start(since - dt.timedelta(days=1)),
    )
    contacts = account_contacts(
        team, conversations, {a.pk: a.country for a in account_list}, since=since
    )
    last_ours = dict(
        Conversation.objects.filter(REAL, account__team=team, account_id__in=ids, initiated_by="us")
        .values("account_id")
        .annotate(last=Max("occurred_at"))
        .values_list("account_id", "last")
    )
    revenue = _latest_revenue(ids)
    rates = team_rates(team)

    result = []
    for account in account_list:
        norm = overrides.get(account.pk) or cadence.resolve_norm(account.tier, team_norms=norms)
        last = last_ours.get(account.pk)
        amount, currency = revenue.get(account.pk, (None, ""))
        facts = AccountFacts(
            account_id=account.pk,
            tier=account.tier,
            norm_days=norm,
            people=tuple(people.get(account.pk, ())),
            contacts=tuple(contacts.get(account.pk, ())),
            last_our_contact=mapping.local_date_of(last, account.country) if last else None,
            revenue=amount,
        )
        assessment = cadence.assess_account(facts, today=today)
        result.append(
            AccountRow(
                account=account,
                assessment=assessment,
                revenue=amount,
                currency=currency,
                people_by_id={p.person_id: names[p.person_id] for p in facts.people},
                at_risk_team=convert(assessment.revenue_at_risk, currency, team.currency, rates),
                team_currency=team.currency,
            )
        )
    result.sort(key=risk_order)
    return result


def account_contacts(
    team: Team | None,
    conversations: QuerySet[Conversation],
    countries: dict[int, str],
    *,
    since: dt.date,
) -> dict[int, list[cadence.Contact]]:
    """``conversations`` (of the accounts in ``countries``) as each account's contacts
    from ``since`` on, dated in the account's country, with their people and listening
    scores, in the model's order. Raw driver rows, each instant's local day by
    ``_LocalDays`` (as ``standings`` reads them): Django's converters and a time zone
    conversion per row were a third of assessing a page's 50 accounts; equal to
    ``mapping.contact_from_row`` of ``.values()`` rows (``test_standings.py``)."""
    rows = _raw_rows(
        conversations.annotate(at=_raw_instant()).values_list(
            "id", "account_id", "at", "kind", "initiated_by", "customer_replied"
        )
    )
    participants: dict[int, list[int]] = defaultdict(list)
    through = Conversation.people.through.objects.filter(conversation__in=conversations)
    for conversation_id, person_id in _raw_rows(
        through.values_list("conversation_id", "person_id")
    ):
        participants[conversation_id].append(person_id)
    scores = mapping.listening_scores(
        team, [r[0] for r in rows], id_query=conversations.values("id")
    )
    zones = {pk: time_zone_for(country) for pk, country in countries.items()}
    local_day = _LOCAL_DAYS.of
    first = since.toordinal()
    days: dict[int, dt.date] = {}
    contacts: dict[int, list[cadence.Contact]] = defaultdict(list)
    for cid, account_id, occurred_at, kind, initiated_by, replied in rows:
        on = local_day(occurred_at, zones[account_id])
        if on < first:
            continue
        day = days.get(on)
        if day is None:
            day = days[on] = dt.date.fromordinal(on)
        contacts[account_id].append(
            cadence.Contact(
                on=day,
                kind=kind,
                initiated_by=initiated_by,
                customer_replied=bool(replied),
                people=tuple(participants.get(cid, ())),
                listening=scores.get(cid),
            )
        )
    return contacts


@dataclass(frozen=True)
class AccountStanding:
    """An account's place in the being-on ranking, from plain rows: ``being_on``'s
    health, going dark and revenue at risk for it, without the rest of the row."""

    account_id: int
    name: str
    standing: cadence.Standing
    currency: str


def standings(
    team: Team | None, *, today: dt.date, accounts: QuerySet[Account]
) -> list[AccountStanding]:
    """``being_on``'s health, going dark and revenue at risk of ``accounts`` (a query
    of the team's), equal to its rows', for ranking them: read with ``values_list``
    (no model objects, no people's names) and assessed by ``cadence.standing`` in one
    pass per account. Ranking the 4,000 accounts of a scale-100 team through
    ``being_on`` cost 2-4 s of CPU on the first request of a day; only the rows a page
    shows need the full assessment. Unsorted. ``accounts`` is used as a subquery
    (a list of thousands of ids built into each statement cost more than running it)."""
    if team is None:
        return []
    qs = accounts.filter(team=team)
    listed = list(qs.values_list("pk", "name", "tier", "country"))
    if not listed:
        return []
    ids = qs.values("pk")
    norms = team_norms(team)
    overrides = dict(
        AccountCadence.objects.for_team(team)
        .filter(account_id__in=ids)
        .values_list("account_id", "days")
    )
    roles: dict[int, dict[int, str]] = defaultdict(dict)
    # In ``being_on``'s order, so a person with two roles at one account keeps the same.
    for account_id, person_id, role in PersonRole.objects.filter(
        account__team=team, account_id__in=ids
    ).values_list("account_id", "person_id", "buying_role"):
        roles[account_id][person_id] = role

    since = today - dt.timedelta(days=WINDOW_DAYS)
    conversations = Conversation.objects.filter(
        account__team=team,
        account_id__in=ids,
        occurred_at__gte=_day_start(since - dt.timedelta(days=1)),
    )
    # Raw rows: Django's converters (text to aware datetime, 0/1 to bool on SQLite)
    # cost more than the rest of the ranking for the ~60,000 rows of a scale-100 team.
    # On SQLite the instant comes as its stored UTC text (an expression has no declared
    # type for the driver to parse), which ``_LocalDays`` reads by the hour.
    rows = _raw_rows(
        conversations.annotate(at=_raw_instant()).values_list(
            "id", "account_id", "at", "kind", "initiated_by", "customer_replied"
        )
    )
    # Only people in real contact within three norms count (breadth), so only those
    # conversations' people are read: per tier from its norm (key accounts': six
    # weeks of the window's year), and from the longest override for the overridden.
    norm_of = {
        pk: overrides.get(pk) or cadence.resolve_norm(tier, team_norms=norms)
        for pk, _n, tier, _c in listed
    }
    recent = Q()
    for tier in sorted({t for _p, _n, t, _c in listed}):
        recent |= Q(account__tier=tier) & _since_day(
            today, cadence.resolve_norm(tier, team_norms=norms)
        )
    if overrides:
        overridden = AccountCadence.objects.for_team(team).filter(account_id__in=ids)
        recent |= Q(account_id__in=overridden.values("account_id")) & _since_day(
            today, max(overrides.values())
        )
    participants: dict[int, list[int]] = defaultdict(list)
    through = Conversation.people.through.objects.filter(
        conversation__in=conversations.filter(REAL).filter(recent).values("id")
    )
    for conversation_id, person_id in _raw_rows(
        through.values_list("conversation_id", "person_id")
    ):
        participants[conversation_id].append(person_id)
    # The team's analysed conversations stand for the rows' ids (a superset: only the
    # rows' scores are read): a few, where the window's ids are tens of thousands.
    scores = mapping.listening_scores(
        team,
        [r[0] for r in rows],
        id_query=ListeningAnalysis.objects.for_team(team).values("conversation_id"),
    )
    zones = {pk: time_zone_for(country) for pk, _n, _t, country in listed}
    local_day = _LOCAL_DAYS.of
    first, last_day = since.toordinal(), today.toordinal()
    contacts: dict[int, list[cadence.ContactRow]] = defaultdict(list)
    real_kinds = cadence.REAL_KINDS
    no_people: list[int] = []
    for cid, account_id, occurred_at, kind, initiated_by, replied in rows:
        on = local_day(occurred_at, zones[account_id])
        if on < first or on > last_day:
            continue  # before the window (as being_on) or ahead (no component reads it)
        real = kind in real_kinds or (kind == "email" and bool(replied))
        ours = real and initiated_by == "us"
        contacts[account_id].append(
            (on, real, ours, participants.get(cid, no_people), scores.get(cid))
        )
    # Our last real contact ever counts only where the window has none up to today
    # (``cadence._last_ours``): not read for accounts surely with one (an instant a
    # day inside the window at either end is on a day of it in any zone). A subquery,
    # so a statement binds no more for more accounts.
    surely = Conversation.objects.filter(
        REAL,
        account__team=team,
        account_id__in=ids,
        initiated_by="us",
        occurred_at__gte=_day_start(since + dt.timedelta(days=1)),
        occurred_at__lt=_day_start(today),
    )
    last_ours = dict(
        Conversation.objects.filter(REAL, account__team=team, account_id__in=ids, initiated_by="us")
        .exclude(account_id__in=surely.values("account_id"))
        .values("account_id")
        .annotate(last=Max("occurred_at"))
        .values_list("account_id", "last")
    )
    revenue = _latest_revenue(ids)
    result = []
    for pk, name, _tier, country in listed:
        last = last_ours.get(pk)
        amount, currency = revenue.get(pk, (None, ""))
        result.append(
            AccountStanding(
                account_id=pk,
                name=name,
                standing=cadence.standing(
                    norm_days=norm_of[pk],
                    roles=roles.get(pk, {}),
                    contacts=contacts.get(pk, ()),
                    last_our_contact=mapping.local_date_of(last, country) if last else None,
                    revenue=amount,
                    today=today,
                ),
                currency=currency,
            )
        )
    return result


def _since_day(today: dt.date, norm_days: int) -> Q:
    """Conversations that may fall within ``BREADTH_NORMS`` norms of ``today`` in any
    zone (a day early: the local day is cut exactly by ``cadence.standing``)."""
    start = today - dt.timedelta(days=cadence.BREADTH_NORMS * norm_days + 1)
    return Q(occurred_at__gte=_day_start(start))


def _raw_instant() -> Any:
    """A conversation's instant for ``_raw_rows``, as ``_LocalDays`` reads it: on SQLite
    its stored UTC text (an expression has no declared type for the driver to parse)."""
    if connection.vendor == "sqlite":
        return Cast("occurred_at", output_field=CharField())
    return F("occurred_at")


def _raw_rows(query: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """A ``values_list`` query's rows as the database driver returns them, without
    Django's per-value converters (on SQLite: naive UTC datetimes, booleans as 0/1).
    A query that can find nothing (``none()``, an empty ``__in``) is not run."""
    try:
        sql, params = query.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _LocalDays:
    """The local day (an ordinal) of a conversation's instant in an account's zone,
    from a raw value: an aware datetime in UTC (PostgreSQL) or SQLite's stored UTC text
    ("YYYY-MM-DD HH:MM:SS[.ffffff]"). Within one UTC day the local day changes at most
    once, at the zone's midnight (22:00 or 23:00 UTC in the Nordics), so each zone and
    UTC day is worked out once (a few thousand) and a row only compares its time with
    that instant, instead of converting each of tens of thousands of rows. A UTC day
    this cannot describe, and any other value, is converted row by row."""

    def __init__(self) -> None:
        #: (zone, UTC day) -> (local day before, local day from, the instant it changes
        #: as text and as a datetime), or None: convert each row
        self._days: dict[tuple[Any, Any], tuple[int, int, str, dt.datetime] | None] = {}
        #: UTC offset -> ``_offset``'s (a handful: the zones' summer and winter times)
        self._offsets: dict[dt.timedelta, tuple[int, dt.timedelta, str]] = {}

    def of(self, value: Any, zone: Any) -> int:
        if isinstance(value, str):
            if len(value) not in (19, 26) or value[10] != " ":
                return self._convert(value, zone)
            key: tuple[Any, Any] = (zone, value[:10])
        elif value.tzinfo is dt.UTC:
            key = (zone, value.toordinal())
        else:
            return self._convert(value, zone)
        # Not try/except: on a fresh process most of a request's keys are new, and a
        # raised KeyError per key cost more than the lookup.
        day = self._days.get(key, _UNSEEN)
        if day is _UNSEEN:
            if len(self._days) >= 50_000:  # years of days in a few zones: bounded
                self._days.clear()
            day = self._days[key] = self._day(self._instant(value).date(), zone)
        if day is None:
            return self._convert(value, zone)
        before, after, text, instant = day
        if isinstance(value, str):
            return after if value[11:] >= text else before
        return after if value >= instant else before

    def _day(self, utc_day: dt.date, zone: Any) -> tuple[int, int, str, dt.datetime] | None:
        start = dt.datetime.combine(utc_day, dt.time.min, tzinfo=dt.UTC)
        offset = start.astimezone(zone).utcoffset()
        # Most UTC days have one offset from start to end (the clocks change on two
        # nights a year at most): the local day then changes where the offset alone
        # says. Worked out from two conversions, where ``_changing_day`` needs five
        # and a text: a cold request meets ~900 zone and UTC-day pairs.
        if offset is None or offset != (start + _LAST_INSTANT).astimezone(zone).utcoffset():
            return self._changing_day(utc_day, zone)
        try:
            shift, delta, text = self._offsets[offset]
        except KeyError:
            shift, delta, text = self._offsets[offset] = self._offset(offset)
        before = utc_day.toordinal() + shift
        if not delta:  # midnight to midnight: one local day
            return before, before, "", start
        return before, before + 1, text, start + delta

    @staticmethod
    def _offset(offset: dt.timedelta) -> tuple[int, dt.timedelta, str]:
        """For a UTC day all at ``offset``: the local day its start is on, relative to
        it; how long after its start the next local day begins (zero: at its start);
        and that time of day as SQLite's text has it (seconds, and microseconds only
        when not zero: a shorter text with the same seconds sorts first, as its
        instant does)."""
        day = dt.timedelta(days=1)
        into = offset % day  # the local time of day at the UTC day's start
        delta = (day - into) if into else dt.timedelta(0)
        change = dt.datetime.min + delta
        text = change.strftime("%H:%M:%S.%f" if change.microsecond else "%H:%M:%S")
        return offset // day, delta, text

    @staticmethod
    def _changing_day(utc_day: dt.date, zone: Any) -> tuple[int, int, str, dt.datetime] | None:
        """A UTC day in which the zone's offset changes: from the local days of its
        first and last instant and the zone's midnight between them."""
        start = dt.datetime.combine(utc_day, dt.time.min, tzinfo=dt.UTC)
        before = start.astimezone(zone).toordinal()
        after = (start + _LAST_INSTANT).astimezone(zone).toordinal()
        if after == before:
            return before, before, "", start
        if after != before + 1:
            return None
        # The zone's midnight starting the later local day, in UTC.
        change = dt.datetime.combine(
            dt.date.fromordinal(after), dt.time.min, tzinfo=zone
        ).astimezone(dt.UTC)
        if (
            change.date() != utc_day
            or change.astimezone(zone).toordinal() != after
            or (change - dt.timedelta(microseconds=1)).astimezone(zone).toordinal() != before
        ):
            return None
        text = change.strftime("%H:%M:%S.%f" if change.microsecond else "%H:%M:%S")  # as _offset's
        return before, after, text, change

    @staticmethod
    def _instant(value: Any) -> dt.datetime:
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:  # SQLite keeps UTC without an offset
            value = value.replace(tzinfo=dt.UTC)
        return value  # type: ignore[no-any-return]

    def _convert(self, value: Any, zone: Any) -> int:
        return self._instant(value).astimezone(zone).toordinal()


#: ``_LocalDays._days``'s "not worked out yet" (None is a value: convert each row).
_UNSEEN: Any = object()

#: A UTC day's last instant, from its start.
_LAST_INSTANT = dt.timedelta(days=1, microseconds=-1)

#: Kept by the process: a zone's days do not change (the rows of each request reuse
#: the same few hundred UTC days).
_LOCAL_DAYS = _LocalDays()


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def risk_order(row: AccountRow) -> tuple[Any, ...]:
    a = row.assessment
    # In the team's currency: raw amounts in SEK and DKK do not compare.
    at_risk = row.at_risk_team if row.at_risk_team is not None else a.revenue_at_risk
    return (
        -(at_risk or Decimal(0)),
        a.going_dark is None,
        a.health,
        row.account.name,
        row.account.pk,  # same names in a stable order (``snapshots.RankedAccount.order``)
    )


def account_being_on(account: Account, *, today: dt.date) -> AccountRow:
    rows = being_on(account.team, today=today, accounts=Account.objects.filter(pk=account.pk))
    return rows[0]


def person_being_on(person: Person, *, today: dt.date) -> PersonAssessment:
    norm, _source = person_norm(person)
    countries = dict(
        PersonRole.objects.filter(person=person).values_list("account_id", "account__country")
    )
    since = today - dt.timedelta(days=WINDOW_DAYS)
    base = Conversation.objects.for_team(person.team).filter(people=person)
    rows = list(
        base.filter(occurred_at__gte=_day_start(since - dt.timedelta(days=1))).values(
            "id", "account_id", "occurred_at", "kind", "initiated_by", "customer_replied"
        )
    )
    scores = mapping.listening_scores(person.team, [r["id"] for r in rows])
    contacts = tuple(
        c
        for c in (
            mapping.contact_from_row(
                r,
                country=countries.get(r["account_id"], person.country),
                people=(person.pk,),
                listening=scores.get(r["id"]),
            )
            for r in rows
        )
        if c.on >= since
    )
    last = base.filter(REAL, initiated_by="us").aggregate(last=Max("occurred_at"))["last"]
    facts = PersonFacts(
        person.pk,
        norm,
        contacts,
        last_our_contact=mapping.local_date_of(last, person.country) if last else None,
    )
    return cadence.assess_person(facts, today=today)


def loyalty(team: Team | None, *, today: dt.date) -> list[dict[str, Any]]:
    """Customers with a ``customer_since``, longest first, with their latest revenue and
    the revenue trend over the years recorded."""
    accounts = list(
        Account.objects.for_team(team)
        .exclude(customer_since__isnull=True)
        .exclude(tier=Tier.PROSPECT)
        .select_related("owner")
    )
    revenue: dict[int, list[tuple[int, Decimal, str]]] = defaultdict(list)
    for account_id, year, amount, currency in (
        AccountRevenue.objects.filter(account__in=accounts)
        .order_by("account_id", "-year")
        .values_list("account_id", "year", "amount", "currency")
    ):
        revenue[account_id].append((year, amount, currency))
    result = []
    for account in accounts:
        assert account.customer_since is not None
        years = (today - account.customer_since).days / 365.25
        rows = revenue.get(account.pk, [])
        latest = rows[0] if rows else None
        growing = len(rows) >= 2 and rows[0][1] >= rows[-1][1]
        segment = "loyal" if years >= 10 else "established" if years >= 2 else "new"
        result.append(
            {
                "account": account,
                "years": int(years),
                "revenue": latest[1] if latest else None,
                "currency": latest[2] if latest else "",
                "growing": growing,
                "segment": segment,
            }
        )
    result.sort(key=lambda r: (-r["years"], -(r["revenue"] or 0), r["account"].name))
    return result


# -- knowing people ----------------------------------------------------------------------


def person_knowledge_map(
    team: Team | None, people: Iterable[Any], *, today: dt.date
) -> dict[int, PersonKnowledge]:
    """The knowledge of ``people`` (models, or anything with a person's fields) of the
    team: ``knowledge_of`` for people already read."""
    if team is None:
        return {}
    rows = [
        (p.pk, p.team_id, p.what_matters, p.preferred_meeting, p.updated_at, p.notes)
        for p in people
        if p.team_id == team.pk
    ]
    return _knowledge(team, rows, _profile_rows([r[0] for r in rows]), today=today)


def person_knowledge_for(person: Person, *, today: dt.date) -> PersonKnowledge:
    return person_knowledge_map(person.team, [person], today=today)[person.pk]


@dataclass
class AccountKnowledgeRow:
    account: Account
    knowledge: AccountKnowledge
    #: (role, [(person, knowledge)]) best known first, in buying-role order
    people_by_role: list[tuple[str, list[tuple[Person, PersonKnowledge]]]]

    @property
    def best_known(self) -> dict[str, list[tuple[Person, PersonKnowledge]]]:
        """The two best-known people of each buying role (what the page lists)."""
        return {role: people[:2] for role, people in self.people_by_role}


def account_knowledge_rows(
    team: Team | None, accounts: Iterable[Account], *, today: dt.date
) -> list[AccountKnowledgeRow]:
    accounts = [a for a in accounts if team is not None and a.team_id == team.pk]
    roles = list(
        PersonRole.objects.filter(account__team=team, account__in=accounts)
        .select_related("person")
        .order_by("person__name")
    )
    knowledge = person_knowledge_map(
        team, {r.person.pk: r.person for r in roles}.values(), today=today
    )
    by_account: dict[int, list[PersonRole]] = defaultdict(list)
    for role in roles:
        by_account[role.account_id].append(role)
    order = {r: i for i, r in enumerate(cadence.ROLE_ORDER)}
    result = []
    for account in accounts:
        entries = by_account.get(account.pk, [])
        grouped: dict[str, list[tuple[Person, PersonKnowledge]]] = defaultdict(list)
        for role in entries:
            grouped[role.buying_role].append((role.person, knowledge[role.person_id]))
        people_by_role = [
            (role, sorted(items, key=lambda pk: -pk[1].score))
            for role, items in sorted(grouped.items(), key=lambda kv: order.get(kv[0], 99))
        ]
        result.append(
            AccountKnowledgeRow(
                account=account,
                knowledge=account_knowledge(
                    (r.buying_role, knowledge[r.person_id]) for r in entries
                ),
                people_by_role=people_by_role,
            )
        )
    return result


@dataclass(frozen=True)
class KeyAccountEntry:
    """One key account's place in the ranking: enough to sort and page the list;
    the page then builds ``AccountKnowledgeRow`` for the accounts it shows."""

    account_id: int
    name: str
    owner: Any  # the owner (a user) or None
    knowledge: AccountKnowledge


#: The parts of a profile counted per person, in ``_PROFILE_PARTS``' order.
_PROFILE_PARTS = (FamilyMember, Interest, ImportantDate, LifeEvent)


def _profile_rows(person_ids: QuerySet[Any] | list[int]) -> list[tuple[Any, ...]]:
    """(part, person id, count, newest ``updated_at`` as the driver gives it) for the
    people of ``person_ids``, ``part`` indexing ``_PROFILE_PARTS``: four aggregates in
    one statement, without Django's converters (on SQLite the newest instant stays its
    stored text).

    ``person_ids``: a list, or a query for ids for many people (a list of thousands of
    ids cost more to build into SQL than the query took to run). The query is run once,
    as the statement's common table: as a subquery of each aggregate it ran four times
    (at scale 100, ~10 ms of SQLite each for the key accounts' 6,600 people)."""
    if isinstance(person_ids, list):
        # Each id bound once (four times as many would pass SQLite's limit of bound
        # parameters for ~8,000 people).
        person_ids = Person.objects.filter(pk__in=person_ids).values("pk")
    try:
        ids_sql, params = person_ids.order_by().query.sql_with_params()
    except EmptyResultSet:
        return []
    qn = connection.ops.quote_name
    parts = " UNION ALL ".join(
        f"SELECT {i}, {qn('person_id')}, COUNT({qn('id')}), MAX({qn('updated_at')})"
        f" FROM {qn(model._meta.db_table)} WHERE {qn('person_id')} IN (SELECT id FROM ids)"
        f" GROUP BY {qn('person_id')}"
        for i, model in enumerate(_PROFILE_PARTS)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"WITH ids (id) AS ({ids_sql}) {parts}", params)
        return cursor.fetchall()


class _UtcDays:
    """The day of a stored instant as Django gives it (``updated_at.date()``), from a
    raw value: SQLite's text ("YYYY-MM-DD HH:MM:SS[.ffffff]"; Django reads it as UTC,
    or in its own offset, and either way the day is its first ten characters) or the
    driver's datetime (PostgreSQL: its own ``date()``). Texts are read once per day."""

    def __init__(self) -> None:
        self._days: dict[str, dt.date] = {}

    def of(self, value: Any) -> dt.date | None:
        if value is None:
            return None
        if not isinstance(value, str):
            return value.date()  # type: ignore[no-any-return]
        head = value[:10]
        try:
            return self._days[head]
        except KeyError:
            day = self._days[head] = parse_datetime(value).date()  # type: ignore[union-attr]
            return day


def _knowledge(
    team: Team,
    rows: Iterable[tuple[Any, ...]],
    profile_rows: Iterable[tuple[Any, ...]],
    *,
    today: dt.date,
) -> dict[int, PersonKnowledge]:
    """The knowledge of the team's people among ``rows`` (id, team id, what matters,
    preferred meeting, ``updated_at``, notes) from their profile's counts
    (``_profile_rows``); instants as the driver or Django gives them."""
    day = _UtcDays().of
    facts: dict[int, list[Any]] = {}
    empty: tuple[Any, ...] = (0, None) * len(_PROFILE_PARTS)
    for part, person_id, n, on in profile_rows:
        found = facts.get(person_id)
        if found is None:
            found = facts[person_id] = list(empty)
        found[2 * part] = n
        found[2 * part + 1] = day(on)
    assessed: dict[tuple[Any, ...], tuple[int, Any]] = {}
    result = {}
    team_id = team.pk
    for pk, person_team, what_matters, meeting, updated_at, notes in rows:
        if person_team != team_id:
            continue
        family, family_on, interests, interests_on, dates, dates_on, _e, event_on = facts.get(
            pk, empty
        )
        profile_on = day(updated_at)
        last_note = event_on
        # A personal note counts from the day the person was last edited.
        if notes.strip() and (last_note is None or profile_on > last_note):
            last_note = profile_on
        shape = (
            family,
            family_on,
            interests,
            interests_on,
            dates,
            dates_on,
            bool(what_matters.strip()),
            bool(meeting),
            profile_on,
            last_note,
        )
        known = assessed.get(shape)
        if known is None:
            k = person_knowledge(mapping.profile_of(*shape), today=today)
            known = assessed[shape] = (k.score, k.parts)
        result[pk] = PersonKnowledge(pk, *known)
    return result


def knowledge_of(
    team: Team | None, people: QuerySet[Person], *, today: dt.date
) -> dict[int, PersonKnowledge]:
    """The knowledge of the team's people in ``people`` (a query), equal to
    ``person_knowledge_map``'s for the same people, from plain rows: the people's
    fields and the four counts of their profile (one statement), dates read once per
    distinct day, and one assessment per distinct profile. Before a day's refresh the
    key accounts score ~7,000 people this way in the request; reading them as objects
    (and converting ~17,000 instants) was half of it."""
    if team is None:
        return {}
    # On SQLite the driver would parse a stored instant it is given by its column;
    # cast, it comes as its text (read by ``_UtcDays``).
    at: Any = F("updated_at")
    if connection.vendor == "sqlite":
        at = Cast("updated_at", output_field=CharField())
    rows = _raw_rows(
        people.order_by()
        .annotate(at=at)
        .values_list("pk", "team_id", "what_matters", "preferred_meeting", "at", "notes")
    )
    if not rows:
        return {}
    return _knowledge(team, rows, _profile_rows(people.values("pk")), today=today)


def knowledge_scores(
    team: Team | None,
    person_ids: QuerySet[Any],
    *,
    today: dt.date,
    expected: set[int] | None = None,
) -> dict[int, PersonKnowledge]:
    """The knowledge of the team's people among ``person_ids`` (a query for ids), each
    equal in score to ``person_knowledge_map``'s: today's stored snapshot where there
    is one (``PersonKnowledgeSnapshot``, one query), computed in memory for the others
    (new, changed since, or not refreshed today). A GET writes nothing.

    Stored scores come without their parts (``parts`` is empty): what an account's
    knowledge reads is the score. ``expected``: the ids ``person_ids`` finds, when the
    caller has them, to skip the query for missing people when none is missing."""
    if team is None:
        return {}
    fresh = PersonKnowledgeSnapshot.objects.for_team(team).filter(day=today)
    knowledge = {
        pid: PersonKnowledge(pid, score, ())
        for pid, score in fresh.filter(person_id__in=person_ids).values_list("person_id", "score")
    }
    if expected is not None and expected <= knowledge.keys():
        return knowledge
    missing = (
        Person.objects.for_team(team)
        .filter(pk__in=person_ids)
        .exclude(pk__in=fresh.values("person_id"))
    )
    knowledge.update(knowledge_of(team, missing, today=today))
    return knowledge


def key_account_ranking(
    team: Team | None,
    *,
    today: dt.date,
    owner: Any = None,
    accounts: QuerySet[Account] | None = None,
) -> list[KeyAccountEntry]:
    """The key accounts (or ``owner``'s), least known first, as ``key_accounts`` ranks
    them, from plain rows: building model objects for every role and person of 800 key
    accounts cost most of the page's first request (about a second at scale 100).
    The scores are the engine's own, computed from the same facts. ``accounts``: rank
    these (the team's) instead of the key accounts. Ties of score and name go by id."""
    if team is None:
        return []
    if accounts is None:
        accounts = key_account_scope(team, owner)
    listed = list(accounts.order_by("name", "pk").values_list("pk", "name", "owner_id"))
    if not listed:
        return []
    # Subqueries, not lists of ids: at scale 100 the roles reach ~7,000 people, and
    # building their ids into each statement cost more than running it.
    role_rows = PersonRole.objects.filter(account__team=team, account__in=accounts)
    roles = list(role_rows.values_list("account_id", "person_id", "buying_role"))
    knowledge = knowledge_scores(
        team, role_rows.values("person_id"), today=today, expected={p for _, p, _ in roles}
    )
    by_account: dict[int, list[tuple[str, PersonKnowledge]]] = defaultdict(list)
    for account_id, person_id, role in roles:
        if person_id in knowledge:
            by_account[account_id].append((role, knowledge[person_id]))
    owners = {
        u.pk: u for u in get_user_model().objects.filter(pk__in={o for _, _, o in listed if o})
    }
    rows = [
        KeyAccountEntry(
            account_id=pk,
            name=name,
            owner=owners.get(owner_id) if owner_id else None,
            knowledge=account_knowledge(by_account.get(pk, ())),
        )
        for pk, name, owner_id in listed
    ]
    rows.sort(key=lambda r: (r.knowledge.score, r.name, r.account_id))
    return rows


def key_account_scope(team: Team | None, owner: Any = None) -> QuerySet[Account]:
    accounts = Account.objects.for_team(team).filter(tier=Tier.KEY_ACCOUNT)
    return accounts if owner is None else accounts.filter(owner=owner)


class UnknownCursor(Exception):
    """``after`` is not one of the list's accounts."""


def key_account_order(team: Team | None, *, today: dt.date, owner: Any = None) -> list[int]:
    """The ids of the key accounts (or ``owner``'s) in ``key_account_ranking``'s order
    (least known first, then name, then id), ranked from today's
    ``AccountKnowledgeSnapshot`` rows: one statement (each key account with its stored
    row, if any) and a sort of ~800 tuples, where the ranking from people cost half a
    second at scale 100 (a second statement for the stale accounts, usually none, cost
    a fresh process more than the sort). Only the key accounts without a row for today
    (changed since the nightly refresh) are scored in memory and merged in. Names
    compare by code point, as the databases' ``C`` and binary collations did."""
    if team is None:
        return []
    scope = key_account_scope(team, owner)
    fresh: list[tuple[int, str, int]] = []
    stale = False
    for score, day, name, pk in scope.values_list(
        "knowledge_snapshot__score", "knowledge_snapshot__day", "name", "pk"
    ):
        if day == today:
            fresh.append((score, name, pk))
        else:
            stale = True
    if stale:
        # The stale accounts as a subquery: before a team's first refresh all its key
        # accounts are stale, and naming their ids bound one parameter each.
        fresh_rows = AccountKnowledgeSnapshot.objects.filter(account=OuterRef("pk"), day=today)
        fresh += [
            (e.knowledge.score, e.name, e.account_id)
            for e in key_account_ranking(
                team, today=today, accounts=scope.filter(~Exists(fresh_rows))
            )
        ]
    return [pk for _, _, pk in sorted(fresh)]


def window(order: list[int], *, after: int | None, limit: int) -> list[int]:
    """One page of ``order``: the ``limit`` ids after ``after`` (from the start without)."""
    start = 0
    if after is not None:
        try:
            start = order.index(after) + 1
        except ValueError:
            raise UnknownCursor(after) from None
    return order[start : start + limit]


def _knowledge_by_role(
    ids: list[int],
    listed: Container[int],
    roles: Iterable[tuple[int, int, str, str]],
    knowledge: dict[int, PersonKnowledge],
) -> Iterator[tuple[int, AccountKnowledge, dict[str, list[tuple[int, str, PersonKnowledge]]]]]:
    """The accounts of ``ids`` that are ``listed``, in that order, each with its
    knowledge and its people by buying role, best known first (ties in ``roles``'
    order), as the key accounts' API rows and page cards show them. ``roles``:
    (account id, person id, person's name, buying role), by name; a person without
    ``knowledge`` (of another team) is left out."""
    by_account: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for account_id, person_id, person_name, role in roles:
        if person_id in knowledge:
            by_account[account_id].append((person_id, person_name, role))
    for pk in ids:
        if pk not in listed:
            continue
        entries = by_account.get(pk, [])
        known = account_knowledge((role, knowledge[p]) for p, _n, role in entries)
        best: dict[str, list[tuple[int, str, PersonKnowledge]]] = defaultdict(list)
        for p, person_name, role in sorted(entries, key=lambda e: -knowledge[e[0]].score):
            best[role].append((p, person_name, knowledge[p]))
        yield pk, known, best


def key_account_rows(team: Team | None, ids: list[int], *, today: dt.date) -> list[dict[str, Any]]:
    """The API's rows of these key accounts (in this order): knowledge by buying role
    with each role's two best-known people, as the page shows them, from stored scores
    (a fixed number of queries for any number of accounts)."""
    if team is None or not ids:
        return []
    accounts = {
        pk: (name, owner)
        for pk, name, owner in Account.objects.for_team(team)
        .filter(pk__in=ids)
        .values_list("pk", "name", "owner__username")
    }
    # Each person's stored score comes with their role (one join, no list of their
    # ids built into a second statement); only people without today's row are scored.
    roles = list(
        # A role's person is of the account's team (core.guard); filtering on the
        # person's team too made SQLite walk every person of the team (0.7 s).
        PersonRole.objects.filter(account__team=team, account_id__in=ids)
        .order_by("person__name")
        .values_list(
            "account_id",
            "person_id",
            "person__name",
            "buying_role",
            "person__knowledge_snapshot__day",
            "person__knowledge_snapshot__score",
        )
    )
    knowledge = {
        p: PersonKnowledge(p, score, ()) for _, p, _, _, day, score in roles if day == today
    }
    missing = {p for _, p, _, _, _, _ in roles} - knowledge.keys()
    if missing:
        knowledge.update(
            knowledge_of(team, Person.objects.for_team(team).filter(pk__in=missing), today=today)
        )
    result = []
    for pk, known, best in _knowledge_by_role(
        ids, accounts, ((a, p, n, r) for a, p, n, r, _d, _s in roles), knowledge
    ):
        name, owner = accounts[pk]
        result.append(
            {
                "id": pk,
                "name": name,
                "owner": owner,
                "knowledge_score": known.score,
                "people": known.people,
                "known_well": known.known_well,
                "missing_roles": list(known.missing_roles),
                "roles_not_known_well": list(known.roles_not_known_well),
                "roles": [
                    {
                        "role": r.role,
                        "people": r.people,
                        "known_well": r.known_well,
                        "score": r.score,
                        "best_known": [
                            {"person_id": p, "name": n, "score": k.score}
                            for p, n, k in best.get(r.role, [])[:BEST_PER_ROLE]
                        ],
                    }
                    for r in known.roles
                ],
            }
        )
    return result


@dataclass(frozen=True)
class KeyAccountCard:
    """One key account as its page's card shows it: ``AccountKnowledgeRow``'s content
    from plain rows. ``roles``: each of ``knowledge.roles`` with its best-known people
    (id, name, knowledge), at most ``BEST_PER_ROLE``, best first."""

    account_id: int
    name: str
    owner: Any  # the owner (a user) or None
    knowledge: AccountKnowledge
    roles: list[tuple[Any, list[tuple[int, str, PersonKnowledge]]]]


def key_account_cards(team: Team | None, ids: list[int], *, today: dt.date) -> list[KeyAccountCard]:
    """The cards of the team's accounts among ``ids``, in that order, each equal to
    ``account_knowledge_rows``' row (the same people in the same order, with their
    full knowledge: the page lists what each is missing), from plain rows: the ~600
    roles and people of a page as models, and a pass over them per person, were a
    fifth of the page's first request. A fixed number of queries."""
    if team is None or not ids:
        return []
    accounts = {
        pk: (name, owner_id)
        for pk, name, owner_id in Account.objects.for_team(team)
        .filter(pk__in=ids)
        .values_list("pk", "name", "owner_id")
    }
    owners = {
        u.pk: u
        for u in get_user_model().objects.filter(
            pk__in={o for _n, o in accounts.values() if o is not None}
        )
    }
    # As ``account_knowledge_rows`` orders them: by name, then best known first within
    # a role (a stable sort).
    role_rows = PersonRole.objects.filter(account__team=team, account_id__in=list(accounts))
    roles = list(
        role_rows.order_by("person__name").values_list(
            "account_id", "person_id", "person__name", "buying_role"
        )
    )
    knowledge = knowledge_of(
        team,
        Person.objects.for_team(team).filter(pk__in=role_rows.values("person_id")),
        today=today,
    )
    cards = []
    for pk, known, best in _knowledge_by_role(ids, accounts, roles, knowledge):
        name, owner_id = accounts[pk]
        cards.append(
            KeyAccountCard(
                account_id=pk,
                name=name,
                owner=owners.get(owner_id) if owner_id is not None else None,
                knowledge=known,
                roles=[(r, best.get(r.role, [])[:BEST_PER_ROLE]) for r in known.roles],
            )
        )
    return cards


@dataclass(frozen=True)
class HealthMark:
    """What the key accounts' page shows of an account's health: ``being_on``'s
    ``assessment.health``, ``.health_before`` (its trend) and ``.going_dark is not
    None``."""

    health: int
    health_before: int
    going_dark: bool

    @property
    def trend(self) -> str:
        return cadence.trend_of(self.health, self.health_before)


def key_account_health(
    team: Team | None, ids: list[int], *, today: dt.date, stored: bool = True
) -> dict[int, HealthMark]:
    """The health, trend and going dark of the team's accounts among ``ids``, equal to
    ``being_on``'s full rows' (``cadence.assess_account``) for the same accounts.

    Read from today's ``AccountHealth`` rows that carry the health before (the refresh
    stores it for key accounts: ``snapshots.store_key_account_trends``; any change to
    an account's conversations, people, norm or listening deletes its row): one query
    where working a page's 50 accounts out was a third of the page's first request.
    The others (``stored=False``: all) are worked out from plain rows and two
    ``cadence.standing`` passes (today and ``TREND_DAYS`` before): the full assessment
    (coverage, alerts, months, next step, people's names, revenue, model objects) cost
    a sixth of the page's first request, for three values. The contacts are
    ``being_on``'s (its ``WINDOW_DAYS`` window, in its order), so the health before,
    which breadth and recency read with the same window, is the same too. At most a
    fixed number of queries."""
    if team is None or not ids:
        return {}
    if not stored:
        return _key_account_health(team, ids, today=today)
    result = {
        pk: HealthMark(health=health, health_before=before, going_dark=dark)
        for pk, health, before, dark in AccountHealth.objects.for_team(team)
        .filter(account_id__in=ids, day=today, health_before__isnull=False)
        .values_list("account_id", "health", "health_before", "going_dark")
    }
    if len(result) < len(ids):
        result.update(_key_account_health(team, [i for i in ids if i not in result], today=today))
    return result


def _key_account_health(team: Team, ids: list[int], *, today: dt.date) -> dict[int, HealthMark]:
    """``key_account_health`` worked out from the accounts' contacts."""
    listed = list(
        Account.objects.for_team(team)
        .filter(pk__in=ids)
        .values_list("pk", "tier", "country")
        .order_by("pk")
    )
    if not listed:
        return {}
    ids = [pk for pk, _t, _c in listed]
    norms = team_norms(team)
    overrides = dict(
        AccountCadence.objects.for_team(team)
        .filter(account_id__in=ids)
        .values_list("account_id", "days")
    )
    norm_of = {
        pk: overrides.get(pk) or cadence.resolve_norm(tier, team_norms=norms)
        for pk, tier, _c in listed
    }
    roles: dict[int, dict[int, str]] = defaultdict(dict)
    # As in ``being_on`` (a person with two roles at one account keeps the last).
    for account_id, person_id, role in PersonRole.objects.filter(
        account__team=team, account_id__in=ids
    ).values_list("account_id", "person_id", "buying_role"):
        roles[account_id][person_id] = role

    since = today - dt.timedelta(days=WINDOW_DAYS)
    before = today - dt.timedelta(days=cadence.TREND_DAYS)
    conversations = Conversation.objects.filter(
        account__team=team,
        account_id__in=ids,
        occurred_at__gte=_day_start(since - dt.timedelta(days=1)),
    )
    at: Any = F("occurred_at")
    if connection.vendor == "sqlite":  # its stored text, read by ``_LocalDays``
        at = Cast("occurred_at", output_field=CharField())
    # In the model's order (newest first), as ``being_on`` reads them: the listening
    # mean adds the scores in it.
    rows = _raw_rows(
        conversations.annotate(at=at).values_list(
            "id", "account_id", "at", "kind", "initiated_by", "customer_replied"
        )
    )
    # Breadth reads the people of real contacts within three norms of either day; a
    # day early, as ``_since_day``, and never before the window.
    reach = max(
        _day_start(since - dt.timedelta(days=1)),
        _day_start(before - dt.timedelta(days=cadence.BREADTH_NORMS * max(norm_of.values()) + 1)),
    )
    participants: dict[int, list[int]] = defaultdict(list)
    through = Conversation.people.through.objects.filter(
        conversation__in=conversations.filter(REAL, occurred_at__gte=reach).values("id")
    )
    for conversation_id, person_id in _raw_rows(
        through.values_list("conversation_id", "person_id")
    ):
        participants[conversation_id].append(person_id)
    scores = mapping.listening_scores(
        team, [r[0] for r in rows], id_query=conversations.values("id")
    )
    zones = {pk: time_zone_for(country) for pk, _t, country in listed}
    local_day = _LOCAL_DAYS.of
    first = since.toordinal()
    contacts: dict[int, list[cadence.ContactRow]] = defaultdict(list)
    real_kinds = cadence.REAL_KINDS
    no_people: list[int] = []
    for cid, account_id, occurred_at, kind, initiated_by, replied in rows:
        on = local_day(occurred_at, zones[account_id])
        if on < first:
            continue  # before the window, as ``being_on``; days ahead ``standing`` skips
        real = kind in real_kinds or (kind == "email" and bool(replied))
        contacts[account_id].append(
            (
                on,
                real,
                real and initiated_by == "us",
                participants.get(cid, no_people),
                scores.get(cid),
            )
        )
    # Our last real contact ever (``cadence.standing``'s fallback) counts only where
    # the window has none of ours up to the day assessed, and is at least as late as
    # any of the window's: where the window has one up to the day it is not read, and
    # where it has only later ones it is later than the day too and does not count.
    # So it is read only for accounts with none of ours in the window (usually none of
    # a page's: no query), not aggregated over every conversation of the 50 accounts.
    has_ours = {pk for pk, rows_of in contacts.items() if any(r[2] for r in rows_of)}
    unsure = [pk for pk in ids if pk not in has_ours]
    last_ours = (
        dict(
            Conversation.objects.filter(
                REAL, account__team=team, account_id__in=unsure, initiated_by="us"
            )
            .values("account_id")
            .annotate(last=Max("occurred_at"))
            .values_list("account_id", "last")
        )
        if unsure
        else {}
    )
    result = {}
    for pk, _tier, country in listed:
        last = last_ours.get(pk)
        facts: dict[str, Any] = {
            "norm_days": norm_of[pk],
            "roles": roles.get(pk, {}),
            "contacts": contacts.get(pk, ()),
            "last_our_contact": mapping.local_date_of(last, country) if last else None,
            "revenue": None,
        }
        now = cadence.standing(**facts, today=today)
        then = cadence.standing(**facts, today=before)
        result[pk] = HealthMark(
            health=now.health,
            health_before=then.health,
            going_dark=now.going_dark,
        )
    return result


def key_accounts(
    team: Team | None, *, today: dt.date, owner: Any = None
) -> list[AccountKnowledgeRow]:
    accounts = Account.objects.for_team(team).filter(tier=Tier.KEY_ACCOUNT).select_related("owner")
    if owner is not None:
        accounts = accounts.filter(owner=owner)
    rows = account_knowledge_rows(team, accounts.order_by("name"), today=today)
    rows.sort(key=lambda r: (r.knowledge.score, r.account.name, r.account.pk))
    return rows


# -- important dates -------------------------------------------------------------------


@dataclass(frozen=True)
class DateRow:
    person: Person
    account: Account | None
    title: str
    kind: str  # birthday, work_anniversary, name_day, other, life_event
    label: str
    date: dt.date
    days_until: int
    years: int | None
    key: str  # stable: the source row ("date-12", "nameday-40", "life-3")


def people_scope(team: Team | None, user: Any = None) -> QuerySet[Person]:
    people = Person.objects.for_team(team)
    if user is not None:
        people = people.filter(roles__account__owner=user).distinct()
    return people


def primary_roles(team: Team | None, person_ids: Iterable[int]) -> dict[int, PersonRole]:
    primary: dict[int, PersonRole] = {}
    for role in (
        PersonRole.objects.for_team(team)
        .filter(person_id__in=list(person_ids))
        .select_related("account")
        .order_by("account__tier", "id")
    ):
        # Key accounts sort first ("customer" < "key" alphabetically, so pick explicitly).
        current = primary.get(role.person_id)
        if current is None or (
            role.account.tier == Tier.KEY_ACCOUNT and current.account.tier != Tier.KEY_ACCOUNT
        ):
            primary[role.person_id] = role
    return primary


def yearly_dates(person: Person, dates: Iterable[ImportantDate]) -> list[tuple[YearlyDate, str]]:
    """A person's yearly dates as engine values with their labels; the name day comes
    from the almanac of the person's country unless one was recorded by hand."""
    return _yearly(
        person.pk,
        person.name,
        person.country,
        [(d.pk, d.kind, d.month, d.day, d.year, d.label) for d in dates],
    )


#: (pk, kind, month, day, year, label) of an ``ImportantDate``
_DateFields = tuple[int, str, int, int, "int | None", str]
_DATE_FIELDS = ("pk", "kind", "month", "day", "year", "label")


def _yearly(
    pk: int,
    name: str,
    country: str,
    dates: Iterable[_DateFields],
    *,
    almanac: bool = True,
) -> list[tuple[YearlyDate, str]]:
    """``almanac``: add the almanac's name day when none was recorded (the dates card
    looks those up for the whole team at once instead)."""
    result = []
    has_name_day = False
    for date_pk, kind, month, day, year, label in dates:
        if not valid_yearly(month, day, year):
            continue
        has_name_day |= kind == ImportantDate.Kind.NAME_DAY
        result.append((YearlyDate(f"date-{date_pk}", kind, month, day, year), label))
    if almanac and not has_name_day:
        found = mapping.name_day_for(mapping.first_name(name), country)
        if found:
            result.append((YearlyDate(f"nameday-{pk}", "name_day", *found), ""))
    return result


@dataclass(frozen=True)
class _Candidate:
    """The fields of a person the dates need, from plain rows."""

    pk: int
    name: str
    country: str


def _window(today: dt.date, days: int) -> set[tuple[int, int]]:
    window = {(d.month, d.day) for d in (today + dt.timedelta(i) for i in range(days + 1))}
    if (2, 28) in window:
        window.add((2, 29))  # celebrated on 28 February in common years
    return window


@dataclass(frozen=True)
class _Entry:
    """One upcoming date before its person is read as a model."""

    person: _Candidate
    item: Upcoming
    label: str

    @property
    def order(self) -> tuple[Any, ...]:
        return (self.item.date, KIND_RANK.get(self.item.kind, 9), self.person.name)


def _upcoming_entries(
    team: Team | None, *, today: dt.date, days: int, user: Any = None
) -> list[_Entry]:
    """Every upcoming date in the window, in the order the pages list them, from plain
    rows. At scale 100 a fortnight holds ~2,300 dates, most of them almanac name days:
    reading each of those people and their dates as models was most of the home page's
    first request.

    Only a recorded date on a day of the window can come up in it, so those are read
    with their people's names; the almanac gives everyone else's name day, unless they
    recorded their own (then it is one of the recorded dates, in the window or not).
    The almanac's day of each person is stored with them (``Person.name_day``), so only
    the people whose day is in the window are read."""
    window = _window(today, days)
    end = today + dt.timedelta(days=days)
    scope = people_scope(team, user)
    # One ``month = m AND day IN (…)`` per month of the window (at most two), which the
    # (month, day) index answers; fifteen ORed pairs made SQLite walk every person of
    # the team and look up their dates one by one.
    days_of: dict[int, list[int]] = defaultdict(list)
    for month, day in sorted(window):
        days_of[month].append(day)
    on_day = Q()
    for month, month_days in days_of.items():
        on_day |= Q(month=month, day__in=month_days)
    dated = ImportantDate.objects.for_team(team)
    events_qs = LifeEvent.objects.for_team(team)
    if user is not None:
        # The team's own scope is what for_team already says: ``person__in`` it again
        # made both databases read the team's ids first.
        dated = dated.filter(person__in=scope)
        events_qs = events_qs.filter(person__in=scope)
    people: dict[int, _Candidate] = {}
    recorded: dict[int, list[_DateFields]] = defaultdict(list)
    for pk, name, country, *fields in (
        dated.filter(on_day)
        .order_by("month", "day", "pk")
        .values_list("person_id", "person__name", "person__country", *_DATE_FIELDS)
    ):
        people.setdefault(pk, _Candidate(pk, name, country))
        recorded[pk].append(tuple(fields))  # type: ignore[arg-type]
    # A recorded name day replaces the almanac's (an invalid one does not: _yearly).
    own_name_day = {
        person_id
        for person_id, month, day, year in dated.filter(
            kind=ImportantDate.Kind.NAME_DAY
        ).values_list("person_id", "month", "day", "year")
        if valid_yearly(month, day, year)
    }
    almanac: dict[int, tuple[int, int]] = {}
    # The (team, name_day) index answers this: at scale 100 a fortnight's almanac days
    # are ~800 of the team's 20,000 people, and looking up every first name of the team
    # was most of the card's first request. No ordering: the people's default order (by
    # name) would sort them for a pass that needs none.
    named = scope.order_by().filter(name_day__isnull=False)
    if len(window) < 366:
        named = named.filter(name_day__in=sorted(m * 100 + d for m, d in window))
    for pk, name, country, number in named.values_list("pk", "name", "country", "name_day"):
        if pk not in own_name_day:
            people.setdefault(pk, _Candidate(pk, name, country))
            almanac[pk] = mapping.name_day_of(number)
    events = list(
        events_qs.filter(date__gte=today, date__lte=end)
        .order_by("-date", "pk")
        .values_list("pk", "person_id", "person__name", "person__country", "date", "text")
    )
    for _pk, person_id, name, country, _date, _text in events:
        people.setdefault(person_id, _Candidate(person_id, name, country))
    entries = []
    # In the people's order (by name), ties by id: rows equal in date, kind and name
    # keep one order.
    for person in sorted(people.values(), key=lambda p: (p.name, p.pk)):
        labelled = _yearly(
            person.pk, person.name, person.country, recorded.get(person.pk, []), almanac=False
        )
        if person.pk in almanac:
            labelled.append(
                (YearlyDate(f"nameday-{person.pk}", "name_day", *almanac[person.pk]), "")
            )
        labels = {d.key: label for d, label in labelled}
        for item in upcoming([d for d, _l in labelled], today=today, days=days):
            entries.append(_Entry(person, item, labels.get(item.key, "")))
    for event_pk, person_id, _name, _country, date, text in events:
        item = one_off_upcoming(f"life-{event_pk}", "life_event", date, today=today, days=days)
        if item:
            entries.append(_Entry(people[person_id], item, text))
    entries.sort(key=lambda e: e.order)
    return entries


def _date_rows(team: Team | None, entries: list[_Entry], *, with_roles: int) -> list[DateRow]:
    """The entries as rows with their people read as models; the first ``with_roles``
    also get their account and title."""
    # No ordering: by name, SQLite walked the team's (team, name) index for a handful
    # of ids instead of looking them up.
    people = Person.objects.for_team(team).order_by().in_bulk({e.person.pk for e in entries})
    roles = primary_roles(team, {e.person.pk for e in entries[:with_roles]})
    rows = []
    for i, entry in enumerate(entries):
        role = roles.get(entry.person.pk) if i < with_roles else None
        rows.append(_date_row(people[entry.person.pk], role, entry.item, entry.label))
    return rows


def upcoming_dates(
    team: Team | None,
    *,
    today: dt.date,
    days: int = 14,
    user: Any = None,
    shown: int | None = None,
) -> list[DateRow]:
    """Birthdays, work anniversaries, name days, custom dates and life events ahead, for
    the whole team or for the people at ``user``'s accounts.

    With ``shown`` only the first that many rows get their account and title (the rest
    are only counted): the order does not depend on them, and reading every candidate's
    roles was most of the home page's first request (scale 100: ~2,300 people)."""
    entries = _upcoming_entries(team, today=today, days=days, user=user)
    return _date_rows(team, entries, with_roles=len(entries) if shown is None else shown)


def upcoming_dates_head(
    team: Team | None, *, today: dt.date, days: int, shown: int, user: Any = None
) -> tuple[list[DateRow], int]:
    """The first ``shown`` rows of ``upcoming_dates`` (with account and title) and how
    many rows there are in all: what the home card and the digest show."""
    if days >= 365:
        # A (month, day) can come round twice in such a window: the full listing.
        entries = _upcoming_entries(team, today=today, days=days, user=user)
        return _date_rows(team, entries[:shown], with_roles=shown), len(entries)
    head, total = _upcoming_head(team, today=today, days=days, shown=shown, user=user)
    return _date_rows(team, head, with_roles=shown), total


#: ``valid_yearly`` of an ``ImportantDate`` row ``d`` in SQL (``%%``: the modulo, in a
#: statement with parameters)
_VALID_YEARLY_SQL = (
    "d.month BETWEEN 1 AND 12 AND d.day >= 1"
    " AND (d.year IS NULL OR d.year BETWEEN 1 AND 9999)"
    " AND d.day <= CASE WHEN d.month = 2 THEN CASE WHEN d.year IS NULL OR (d.year %% 4 = 0"
    " AND (d.year %% 100 <> 0 OR d.year %% 400 = 0)) THEN 29 ELSE 28 END"
    " WHEN d.month IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
)


def _upcoming_head(
    team: Team | None, *, today: dt.date, days: int, shown: int, user: Any = None
) -> tuple[list[_Entry], int]:
    """``_upcoming_entries(...)[:shown]`` and how many entries there are, for a window
    shorter than a year (each (month, day) comes round once).

    Each source (recorded dates, almanac name days, life events) is filtered, ordered
    as ``_Entry.order`` with its ties, cut at ``shown`` and counted (``COUNT(*) OVER
    ()``) by the database: the first ``shown`` of the three merged are the first
    ``shown`` in all. Listing the whole window built ~2,300 entries in Python at scale
    100 for the eight the home card shows. The statements are written out: the same
    three through the ORM cost more to compile (a ``CASE`` of the window's days) than
    to run."""
    if team is None:
        return [], 0
    # The day each (month, day) of the window falls on; 29 February is celebrated on
    # 28 February in common years (``dates.occurrence``).
    when: dict[tuple[int, int], dt.date] = {}
    for i in range(days + 1):
        day = today + dt.timedelta(i)
        when[(day.month, day.day)] = day
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            when[(2, 29)] = day
    pg = connection.vendor == "postgresql"
    # Names (and kinds, and ids as text) compare by code point, as Python's sort does:
    # SQLite's default collation does, PostgreSQL's database collation need not.
    binary = ' COLLATE "C"' if pg else ""
    qn = connection.ops.quote_name
    dates, people = qn(ImportantDate._meta.db_table), qn(Person._meta.db_table)
    events = qn(LifeEvent._meta.db_table)
    roles, accounts = qn(PersonRole._meta.db_table), qn(Account._meta.db_table)
    # Days of the window in order as month * 100 + day, the 29th of February on the
    # 28th in a common year: from today's to 31 December, then from 1 January.
    start = today.month * 100 + today.day
    leap_day = 1 if (2, 29) in when and when[(2, 29)].day == 28 else 0

    def order(number: str) -> str:
        return (
            f"(({number}) - {start} + 1300) %% 1300"
            f" - CASE WHEN ({number}) = 229 THEN {leap_day} ELSE 0 END"
        )

    scope, scope_params = "", []
    if user is not None:
        # ``people_scope``, without its DISTINCT (the count would come after it). Asked
        # of each person the window finds: as ``p.id IN (…)`` SQLite listed all the
        # seller's people (~6,700 at --scale 100) once per statement before reading a
        # date, about 20 ms of the seller's home page.
        scope = (
            f" AND EXISTS (SELECT 1 FROM {roles} r JOIN {accounts} a ON a.id = r.account_id"
            f" WHERE r.person_id = p.id AND a.owner_id = %s)"
        )
        scope_params = [user.pk]
    days_of: dict[int, list[int]] = defaultdict(list)
    for month, day in sorted(when):
        days_of[month].append(day)
    # One ``month = m AND day IN (…)`` per month of the window, which the (month, day)
    # index answers (``_upcoming_entries``).
    on_day = " OR ".join(
        f"(d.month = {month} AND d.day IN ({', '.join(map(str, month_days))}))"
        for month, month_days in days_of.items()
    )
    rank = " ".join(f"WHEN '{kind}' THEN {r}" for kind, r in KIND_RANK.items())
    heads: list[tuple[tuple[Any, ...], _Entry]] = []
    total = 0
    # Each date's person by primary key. PostgreSQL, left to plan the plain join, hashed
    # all the team's people (a scan of 20,000 rows at --scale 100) for the window's
    # ~1,700 dates; a lateral subquery that is not pulled up (``OFFSET 0``) probes the
    # primary key once per date, about half the time. SQLite probes it anyway.
    person_join = (
        f"JOIN LATERAL (SELECT p.id, p.name, p.country FROM {people} p"
        f" WHERE p.id = d.person_id AND p.team_id = %s OFFSET 0) p ON true"
        if pg
        else f"JOIN {people} p ON p.id = d.person_id AND p.team_id = %s"
    )
    with connection.cursor() as cursor:
        # A date whose year is ahead has not begun to recur (``upcoming``: no negative
        # age); a year outside 1–9999, or 29 February of a common year, is no date.
        cursor.execute(
            f"SELECT d.id, d.person_id, p.name, p.country, d.kind, d.month, d.day, d.year,"
            f" d.label, COUNT(*) OVER ()"
            f" FROM {dates} d {person_join}"
            f" WHERE ({on_day})"
            f" AND (d.year IS NULL OR d.year BETWEEN 1 AND {today.year}"
            f" OR (d.year = {today.year + 1} AND d.month * 100 + d.day < {start}))"
            f" AND NOT (d.month = 2 AND d.day = 29 AND d.year IS NOT NULL"
            f" AND NOT (d.year %% 4 = 0 AND (d.year %% 100 <> 0 OR d.year %% 400 = 0))){scope}"
            f" ORDER BY {order('d.month * 100 + d.day')}, CASE d.kind {rank} ELSE 9 END,"
            f" p.name{binary}, d.person_id, d.kind{binary}, CAST(d.id AS TEXT){binary}"
            f" LIMIT %s",
            [team.pk, *scope_params, shown],
        )
        for date_pk, pk, name, country, kind, month, day, year, label, count in cursor:
            total = count
            w = when[(month, day)]
            years = None if year is None else w.year - year
            item = Upcoming(f"date-{date_pk}", kind, w, (w - today).days, years)
            entry = _Entry(_Candidate(pk, name, country), item, label)
            heads.append(((*entry.order, 0, pk, kind, item.key), entry))
        # The almanac's day of those who recorded no valid name day of their own.
        cursor.execute(
            f"SELECT p.id, p.name, p.country, p.name_day, COUNT(*) OVER () FROM {people} p"
            f" WHERE p.team_id = %s"
            f" AND p.name_day IN ({', '.join(str(m * 100 + d) for m, d in sorted(when))})"
            f" AND NOT EXISTS (SELECT 1 FROM {dates} d WHERE d.person_id = p.id"
            f" AND d.kind = 'name_day' AND {_VALID_YEARLY_SQL}){scope}"
            f" ORDER BY {order('p.name_day')}, p.name{binary}, p.id LIMIT %s",
            [team.pk, *scope_params, shown],
        )
        for i, (pk, name, country, number, count) in enumerate(cursor):
            total += count if i == 0 else 0
            w = when[mapping.name_day_of(number)]
            item = Upcoming(f"nameday-{pk}", "name_day", w, (w - today).days, None)
            entry = _Entry(_Candidate(pk, name, country), item, "")
            heads.append(((*entry.order, 0, pk, "name_day", item.key), entry))
        # After the yearly dates of the same day, rank and name (``_upcoming_entries``
        # adds them last), among themselves by id. On SQLite ``+p.team_id`` keeps the
        # planner, which has no statistics, on the events' date index: by the team's
        # index it walked all 20,000 people of a scale-100 team and probed each one's
        # events.
        team_id = "+p.team_id" if connection.vendor == "sqlite" else "p.team_id"
        end = today + dt.timedelta(days=days)
        cursor.execute(
            f"SELECT e.id, e.person_id, p.name, p.country, e.date, e.text, COUNT(*) OVER ()"
            f" FROM {events} e JOIN {people} p ON p.id = e.person_id"
            f" WHERE {team_id} = %s AND e.date >= %s AND e.date <= %s{scope}"
            f" ORDER BY e.date, p.name{binary}, e.id LIMIT %s",
            [
                team.pk,
                connection.ops.adapt_datefield_value(today),
                connection.ops.adapt_datefield_value(end),
                *scope_params,
                shown,
            ],
        )
        for i, (event_pk, pk, name, country, date, text, count) in enumerate(cursor):
            total += count if i == 0 else 0
            date = dt.date.fromisoformat(date) if isinstance(date, str) else date
            item = Upcoming(f"life-{event_pk}", "life_event", date, (date - today).days, None)
            entry = _Entry(_Candidate(pk, name, country), item, text)
            heads.append(((*entry.order, 1, event_pk), entry))
    heads.sort(key=lambda h: h[0])
    return [entry for _key, entry in heads[:shown]], total


def _date_row(person: Person, role: PersonRole | None, item: Upcoming, label: str) -> DateRow:
    return DateRow(
        person=person,
        account=role.account if role else None,
        title=role.title if role else "",
        kind=item.kind,
        label=label,
        date=item.date,
        days_until=item.days_until,
        years=item.years,
        key=item.key,
    )


def person_dates(person: Person, *, today: dt.date, days: int = 366) -> list[DateRow]:
    roles = primary_roles(person.team, [person.pk])
    labelled = yearly_dates(person, ImportantDate.objects.filter(person=person))
    labels = {d.key: label for d, label in labelled}
    return [
        _date_row(person, roles.get(person.pk), item, labels.get(item.key, ""))
        for item in upcoming([d for d, _l in labelled], today=today, days=days)
    ]


# -- context for the digest and the feed -------------------------------------------------


def person_context(team: Team | None, person_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Who the person is beyond a name: family, interests, what matters, the last
    conversation and the open follow-ups with their accounts."""
    ids = list(set(person_ids))
    context: dict[int, dict[str, Any]] = {
        pid: {"family": [], "interests": [], "last_conversation": None, "follow_ups": []}
        for pid in ids
    }
    for member in FamilyMember.objects.for_team(team).filter(person_id__in=ids):
        context[member.person_id]["family"].append(member)
    for interest in Interest.objects.for_team(team).filter(person_id__in=ids):
        context[interest.person_id]["interests"].append(interest)
    seen: set[int] = set()
    through = Conversation.people.through.objects.filter(
        person_id__in=ids, conversation__team=team
    ).order_by("person_id", "-conversation__occurred_at")
    last_ids = {}
    for person_id, conversation_id in through.values_list("person_id", "conversation_id"):
        if person_id not in seen:
            seen.add(person_id)
            last_ids[person_id] = conversation_id
    conversations = Conversation.objects.for_team(team).in_bulk(list(last_ids.values()))
    for person_id, conversation_id in last_ids.items():
        context[person_id]["last_conversation"] = conversations.get(conversation_id)
    account_ids = {
        pid: aid
        for pid, aid in PersonRole.objects.for_team(team)
        .filter(person_id__in=ids)
        .values_list("person_id", "account_id")
    }
    open_items = defaultdict(list)
    for follow_up in (
        FollowUp.objects.for_team(team)
        .filter(done=False, conversation__account_id__in=set(account_ids.values()))
        .select_related("conversation__account")
        .order_by("due_date", "id")
    ):
        open_items[follow_up.conversation.account_id].append(follow_up)
    for person_id, account_id in account_ids.items():
        context[person_id]["follow_ups"] = open_items.get(account_id, [])[:3]
    return context


def reminder_setting(team: Team | None, user: Any) -> ReminderSetting:
    """The member's setting, or an unsaved default one."""
    setting = ReminderSetting.objects.for_team(team).filter(user=user).first()
    return setting or ReminderSetting(team=team, user=user)


def live_feed(team: Team | None, user: Any) -> CalendarFeed | None:
    return CalendarFeed.objects.for_team(team).filter(user=user, revoked_at__isnull=True).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    """The live feed behind a secret token; revoked or unknown tokens, and the feed of
    someone who is no longer a member of its team, find nothing. Membership is checked
    on every request, so a member removed by any path loses the feed at once."""
    if not token or len(token) > 64:
        return None
    member = Membership.objects.filter(team=OuterRef("team"), user=OuterRef("user"))
    return (
        CalendarFeed.objects.select_related("team", "user")
        .filter(token_hash=CalendarFeed.hash_token(token), revoked_at__isnull=True)
        .filter(Exists(member))
        .first()
    )


def feed_follow_ups(team: Team | None, user: Any) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.for_team(team)
        .filter(owner=user, done=False, due_date__isnull=False)
        .select_related("conversation__account")
    )
