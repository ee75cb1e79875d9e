"""Demo data for being on and knowing people: explicit cadence norms, reminder
settings, a calendar feed for each seller, and dates in the coming days on people
with a rich profile, including one of the people at Vestland Kraft AS who keep
calling us while we have gone quiet (the 40-of-250 case)."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from fasit.conversations.models import Conversation
from fasit.customers.models import (
    Account,
    AccountRevenue,
    FamilyMember,
    ImportantDate,
    Interest,
    Person,
    Tier,
)
from fasit.engine.relationships.cadence import DEFAULT_NORMS
from fasit.relationships import snapshots
from fasit.relationships.models import AccountCadence, CadenceNorm, CalendarFeed, ReminderSetting
from fasit.tenancy.models import Team

BIG_ACCOUNT = "Vestland Kraft AS"
SELLERS = ("erik", "sofia", "mads")

# (seller, days from today, kind, family, interests, what matters)
HIGHLIGHTS = [
    (
        "erik",
        1,
        "birthday",
        [("Datter", "Sigrid (9)"), ("Ektefelle", "Jonas")],
        ["Telemark skiing", "Sourdough baking"],
        "Keeping the hydro plants running through the winter peak; hates surprises.",
    ),
    (
        "sofia",
        2,
        "birthday",
        [("Son", "Axel (14)")],
        ["Orienteering", "Jazz"],
        "A supplier who answers the phone when the line stops.",
    ),
    (
        "mads",
        4,
        "work_anniversary",
        [("Hustru", "Louise")],
        ["Sailing"],
        "Fewer, better suppliers; being asked before decisions are made.",
    ),
]


def _token_hash() -> str:
    # Random, not drawn from the seed: the seed is documented, and a token derived
    # from it would open every demo installation's feeds. Nobody knows these tokens;
    # a demo user makes a new address on the Reminders page to subscribe.
    return CalendarFeed.hash_token(secrets.token_urlsafe(32))


def _highlight_person(team: Team, seller: Any, today: dt.date) -> Person | None:
    """Someone at the seller's key accounts; at Vestland Kraft one of those still calling us."""
    big = Account.objects.for_team(team).filter(name=BIG_ACCOUNT, owner=seller).first()
    if big is not None:
        recent = (
            Conversation.objects.for_team(team)
            .filter(
                account=big,
                initiated_by="customer",
                occurred_at__date__gte=today - dt.timedelta(days=30),
            )
            .values_list("people", flat=True)
        )
        ids = sorted(p for p in recent if p)
        if ids:
            return Person.objects.for_team(team).get(pk=ids[0])
    return (
        Person.objects.for_team(team)
        .filter(roles__account__owner=seller, roles__account__tier=Tier.KEY_ACCOUNT)
        .order_by("pk")
        .first()
    )


def seed(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    rng = random.Random(seed * 1009 + 5)
    CadenceNorm.objects.bulk_create(
        [CadenceNorm(team=team, tier=tier, days=days) for tier, days in DEFAULT_NORMS.items()]
    )
    members = [u for name, u in users.items() if name not in {"pia", "vera"}]
    ReminderSetting.objects.bulk_create(
        [
            ReminderSetting(team=team, user=u, days_before=3 if u.username != "maja" else 7)
            for u in members
        ]
    )
    sellers = [name for name in SELLERS if name in users]
    # The seed's tokens used to be drawn here; drawing the same bits keeps the rest of
    # the demo as it was for a given seed.
    for _name in sellers:
        rng.getrandbits(256)
    CalendarFeed.objects.bulk_create(
        [CalendarFeed(team=team, user=users[name], token_hash=_token_hash()) for name in sellers]
    )
    highlighted = 0
    for name, days, kind, family, interests, matters in HIGHLIGHTS:
        seller = users.get(name)
        person = _highlight_person(team, seller, today) if seller else None
        if person is None:
            continue
        when = today + dt.timedelta(days=days)
        ImportantDate.objects.filter(person=person, kind=kind).delete()
        back = rng.randint(38, 58) if kind == "birthday" else rng.randint(5, 15)
        if (when.month, when.day) == (2, 29):
            # Keep the date on 29 February: the origin year must be a leap year too.
            back -= back % 4
        ImportantDate.objects.create(
            person=person, kind=kind, month=when.month, day=when.day, year=when.year - back
        )
        FamilyMember.objects.bulk_create(
            [FamilyMember(person=person, relation=r, name=n) for r, n in family]
        )
        Interest.objects.bulk_create([Interest(person=person, name=i) for i in interests])
        Person.objects.filter(pk=person.pk).update(what_matters=matters, preferred_meeting="coffee")
        highlighted += 1
    # A leap-day birthday, so the feed and the date list show the 28 February rule.
    leap = Person.objects.for_team(team).filter(country="SE").order_by("pk").first()
    if leap is not None:
        ImportantDate.objects.filter(person=leap, kind="birthday").delete()
        ImportantDate.objects.create(person=leap, kind="birthday", month=2, day=29, year=1984)
    # One prospect the team wants to hear from monthly rather than quarterly.
    prospect = Account.objects.for_team(team).filter(tier=Tier.PROSPECT).order_by("pk").first()
    if prospect is not None:
        AccountCadence.objects.create(account=prospect, days=30)
    # The story's numbers: about 7 million of yearly revenue at stake at Vestland Kraft.
    big = Account.objects.for_team(team).filter(name=BIG_ACCOUNT).first()
    if big is not None:
        AccountRevenue.objects.update_or_create(
            account=big, year=today.year, defaults={"amount": Decimal(7_000_000), "currency": "NOK"}
        )
    log(
        f"relationships: norms, reminders, {len(SELLERS)} calendar feeds, {highlighted} highlighted dates"
    )
    return {"calendar feeds": len(SELLERS), "highlighted dates": highlighted}


def refresh_health(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    """Last demo step: every account's health snapshot and every person's knowledge
    score for today, so the first visits to Being on and Key accounts do not pay for
    thousands of assessments."""
    return {
        "health snapshots": snapshots.refresh(team, today=today),
        "knowledge snapshots": snapshots.refresh_knowledge(team, today=today),
    }
