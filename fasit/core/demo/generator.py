"""The demo generator: ``seed_demo(seed=..., scale=...)``.

Same seed and scale give the same team, relative to the day it runs. Rows are
written with bulk inserts in batches so ``--scale 100`` (4,000 accounts, about
20,000 people, 100,000 conversations) runs in bounded memory; the services'
per-row audit trail is replaced by one audit event for the whole seed, which is
the honest record of what happened.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from stdnum.dk import cvr
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

from fasit.conversations.models import Conversation, FollowUp
from fasit.core.audit import audit_record
from fasit.core.db import refresh_statistics
from fasit.core.demo import texts
from fasit.customers.models import (
    Account,
    AccountRevenue,
    CustomerCategory,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
    PersonRole,
    Tier,
)
from fasit.tenancy.models import Membership, Role, Team

DEMO_SLUG = "demo"
# Each app that has demo data of its own adds a step here: a dotted path to a
# function called as step(team=, users=, today=, seed=, scale=, log=) after the
# accounts, people and conversations exist, in the same transaction.
DEMO_STEPS: list[str] = [
    "fasit.conversations.demo.seed",
    "fasit.signals.demo.seed",
    "fasit.buying.demo.seed",
    "fasit.relationships.demo.seed",
    "fasit.privacy.demo.seed",
    # Last: it reads everything the steps above wrote.
    "fasit.relationships.demo.refresh_health",
    # After everything with text: it indexes it for search.
    "fasit.search.demo.seed",
]
# Before these steps the seed refreshes PostgreSQL's statistics (in its transaction,
# which ANALYZE reads): the steps read what the steps before them wrote, and without
# statistics the planner took a lookup of 2,000 conversations' participants for a
# read of all 1.5 million at ``--scale 1000``, once per batch (docs/operations.md).
ANALYZE_BEFORE = {"fasit.conversations.demo.seed", "fasit.relationships.demo.refresh_health"}
DEMO_PASSWORD = "fasit-demo"
BATCH = 2000

# (username, first, last, role, home country or None)
DEMO_USERS = [
    ("maja", "Maja", "Lindqvist", Role.OWNER, None),
    ("erik", "Erik", "Haugland", Role.MEMBER, "NO"),
    ("sofia", "Sofia", "Bergström", Role.MEMBER, "SE"),
    ("mads", "Mads", "Kjær", Role.MEMBER, "DK"),
    # A product manager: shapes buying processes and themes with the sellers.
    ("pia", "Pia", "Nyström", Role.PRODUCT, None),
    # Reads along (e.g. a controller or a new hire): changes nothing.
    ("vera", "Vera", "Holm", Role.VIEWER, None),
]
CATEGORIES = [
    ("Manufacturing", "Plants that buy machines, spare parts and service."),
    ("Public sector", "Municipalities and public utilities; buy through tenders."),
    ("Energy & utilities", "Power, water and district heating; long asset lifetimes."),
]


class DemoExists(Exception):
    pass


@dataclass
class DemoResult:
    team: Team
    logins: list[tuple[str, str, str]]
    counts: dict[str, int] = field(default_factory=dict)
    # (step, wall seconds, this process's CPU seconds, statements), in the order run.
    timings: list[tuple[str, float, float, int]] = field(default_factory=list)


class _StepClock:
    """Wall and CPU time and database statements per step of the seed. The CPU is this
    process's only: the difference to the wall time is waiting (for the database, or
    for a busy machine), and each statement is a round trip that waits on both."""

    def __init__(self) -> None:
        self.timings: list[tuple[str, float, float, int]] = []
        self.statements = 0
        self._name = ""
        self._wall = self._cpu = 0.0
        self._statements = 0

    def count(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.statements += 1
        return execute(sql, params, many, context)

    def start(self, name: str) -> None:
        self.stop()
        self._name, self._wall, self._cpu = name, time.monotonic(), time.process_time()
        self._statements = self.statements

    def stop(self) -> None:
        if self._name:
            self.timings.append(
                (
                    self._name,
                    time.monotonic() - self._wall,
                    time.process_time() - self._cpu,
                    self.statements - self._statements,
                )
            )
            self._name = ""


def _org_number(rng: random.Random, country: str) -> str:
    module, length, lead = {
        "NO": (no_orgnr, 9, "9"),
        "SE": (se_orgnr, 10, "55"),
        "DK": (cvr, 8, "3"),
    }[country]
    while True:
        digits = lead + "".join(rng.choice("0123456789") for _ in range(length - len(lead)))
        if module.is_valid(digits):
            return str(module.format(digits)) if hasattr(module, "format") else digits


def _phone(rng: random.Random, country: str) -> str:
    if country == "NO":
        return f"+47 {rng.choice('49')}{rng.randint(1000000, 9999999)}"
    if country == "SE":
        return f"+46 70{rng.randint(1000000, 9999999)}"
    return f"+45 {rng.randint(20, 31)}{rng.randint(100000, 999999)}"


def _batched(items: Iterator[Any], model: Any, size: int = BATCH) -> int:
    count, batch = 0, []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            model.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)
        count += len(batch)
    return count


class _Generator:
    def __init__(
        self, *, seed: int, scale: int, today: dt.date, log: Callable[[str], None]
    ) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.today = today
        self.log = log
        self.counts: dict[str, int] = {}

    # -- users, team, categories ---------------------------------------------
    def users_and_team(self) -> tuple[Team, dict[str, Any]]:
        user_model = get_user_model()
        users = {}
        for username, first, last, _role, _country in DEMO_USERS:
            user, _created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.com",
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[username] = user
        team = Team.objects.create(name="Nordlys Teknikk", slug=DEMO_SLUG, language="en")
        Membership.objects.bulk_create(
            [Membership(team=team, user=users[u], role=role) for u, _f, _l, role, _c in DEMO_USERS]
        )
        return team, users

    def categories(self, team: Team) -> list[CustomerCategory]:
        return CustomerCategory.objects.bulk_create(
            [CustomerCategory(team=team, name=n, description=d) for n, d in CATEGORIES]
        )

    # -- accounts ----------------------------------------------------------------
    def accounts(
        self, team: Team, categories: list[CustomerCategory], owners: dict[str, Any]
    ) -> list[Account]:
        rng = self.rng
        n = 40 * self.scale
        accounts = []
        for i in range(n):
            country = ("NO", "SE", "DK")[i % 3]
            words, suffix = texts.COMPANY_WORDS[country]
            place = texts.PLACES[country][(i // 3) % len(texts.PLACES[country])]
            word = words[(i * 7 + i // 30) % len(words)]
            name = f"{place} {word} {suffix}"
            tier = (
                Tier.KEY_ACCOUNT
                if i % 5 == 0
                else (Tier.PROSPECT if i % 10 in (3, 7) else Tier.CUSTOMER)
            )
            since = None
            if tier != Tier.PROSPECT:
                since = self.today - dt.timedelta(days=rng.randint(200, 365 * 22))
            accounts.append(
                Account(
                    team=team,
                    name=name,
                    org_number=_org_number(rng, country),
                    country=country,
                    category=categories[(i // 3) % len(categories)],
                    tier=tier,
                    owner=owners[country],
                    customer_since=since,
                    notes=rng.choice(
                        ["", "", "Plant visit every spring.", "Tender due next autumn."]
                    ),
                )
            )
        # Unique names at any scale: the deterministic pattern repeats, so number repeats.
        seen: dict[str, int] = {}
        for account in accounts:
            seen[account.name] = seen.get(account.name, 0) + 1
            if seen[account.name] > 1:
                account.name = f"{account.name} ({seen[account.name]})"
        created = Account.objects.bulk_create(accounts, batch_size=BATCH)
        # Corporate groups: every 12th account is the parent of the next two of its country.
        children = []
        for i in range(0, len(created) - 6, 12):
            for child in (created[i + 3], created[i + 6]):
                child.parent = created[i]
                children.append(child)
        Account.objects.bulk_update(children, ["parent"], batch_size=BATCH)
        revenues = (
            AccountRevenue(
                account=a,
                year=self.today.year - back,
                amount=Decimal(
                    rng.randint(2, 90) * (10 if a.tier == Tier.KEY_ACCOUNT else 2) * 10000
                ),
                currency={"NO": "NOK", "SE": "SEK", "DK": "DKK"}[a.country],
            )
            for a in created
            if a.tier != Tier.PROSPECT
            for back in (2, 1, 0)
        )
        self.counts["accounts"] = len(created)
        self.counts["revenue rows"] = _batched(revenues, AccountRevenue)
        return created

    # -- people ------------------------------------------------------------------
    def _person(self, team: Team, country: str, index: int, taken: set[str]) -> Person:
        rng = self.rng
        # Two people with the same name at one account confuse everyone, in a demo too.
        for attempt in range(50):
            first = rng.choice(texts.FIRST_NAMES[country])
            last = rng.choice(texts.LAST_NAMES[country])
            if attempt >= 40:
                last = f"{rng.choice(texts.LAST_NAMES[country])}-{last}"
            if f"{first} {last}" not in taken:
                break
        taken.add(f"{first} {last}")
        rich = rng.random() < 0.25
        return Person(
            team=team,
            name=f"{first} {last}",
            email=f"{first}.{last}{index}@example.com".lower()
            .replace("ø", "o")
            .replace("æ", "ae")
            .replace("å", "a")
            .replace("ö", "o")
            .replace("ä", "a"),
            phone=_phone(rng, country) if rng.random() < 0.7 else "",
            country=country,
            preferred_meeting=rng.choice(["in_person", "coffee", "video", "phone", "lunch"])
            if rich
            else "",
            what_matters=rng.choice(texts.WHAT_MATTERS) if rich else "",
            legal_basis=rng.choice(["li_customer", "li_customer", "contract", "consent"]),
            legal_basis_recorded_on=self.today - dt.timedelta(days=rng.randint(10, 900)),
        )

    def people(
        self, team: Team, accounts: list[Account], big_account: Account
    ) -> dict[int, list[int]]:
        plan: list[tuple[Account, int]] = []
        for account in accounts:
            size = {Tier.KEY_ACCOUNT: 8, Tier.CUSTOMER: 5, Tier.PROSPECT: 2}[account.tier]
            plan.append((account, 250 if account.pk == big_account.pk else size))
        people_by_account: dict[int, list[int]] = {}
        index = 0
        for start in range(0, len(plan), 200):
            chunk = plan[start : start + 200]
            persons, owners = [], []
            for account, size in chunk:
                taken: set[str] = set()
                for _ in range(size):
                    index += 1
                    persons.append(self._person(team, account.country, index, taken))
                    owners.append(account)
            Person.objects.bulk_create(persons)
            roles, items = [], []
            for person, account in zip(persons, owners, strict=True):
                people_by_account.setdefault(account.pk, []).append(person.pk)
                position = len(people_by_account[account.pk]) - 1
                title, buying_role = texts.TITLES[position % len(texts.TITLES)]
                roles.append(
                    PersonRole(person=person, account=account, title=title, buying_role=buying_role)
                )
                items.extend(self._profile_items(person, rich=bool(person.what_matters)))
            PersonRole.objects.bulk_create(roles)
            for model in (FamilyMember, Interest, LifeEvent, ImportantDate):
                model.objects.bulk_create([i for i in items if isinstance(i, model)])
            self.counts["people"] = self.counts.get("people", 0) + len(persons)
        return people_by_account

    def _profile_items(self, person: Person, *, rich: bool) -> list[Any]:
        rng = self.rng
        items: list[Any] = []
        if rich:
            for relation, name in rng.sample(texts.FAMILY, rng.randint(1, 3)):
                items.append(FamilyMember(person=person, relation=relation, name=name))
            for interest in rng.sample(texts.INTERESTS, rng.randint(1, 3)):
                items.append(Interest(person=person, name=interest))
            if rng.random() < 0.5:
                items.append(
                    LifeEvent(
                        person=person,
                        date=self.today - dt.timedelta(days=rng.randint(5, 400)),
                        text=rng.choice(texts.LIFE_EVENTS),
                    )
                )
        if rich or rng.random() < 0.15:
            # Some birthdays fall in the coming weeks so reminders have something to show.
            when = self.today + dt.timedelta(
                days=rng.randint(-180, 180) if rng.random() < 0.7 else rng.randint(1, 21)
            )
            day = 28 if (when.month, when.day) == (2, 29) else when.day
            items.append(
                ImportantDate(
                    person=person,
                    kind="birthday",
                    month=when.month,
                    day=day,
                    year=rng.randint(1960, 1995) if rng.random() < 0.6 else None,
                )
            )
        elif rng.random() < 0.1:
            items.append(Interest(person=person, name=rng.choice(texts.INTERESTS)))
        return items

    # -- conversations -------------------------------------------------------------
    def assign_concerns(self, accounts: list[Account]) -> None:
        """Each theme is raised by a few accounts only, so the signals board has themes
        at every level: some said by one customer, some by two, some by many."""
        self.concerns: dict[int, list[str]] = {}
        for theme, reach in texts.THEME_REACH.items():
            for account in self.rng.sample(accounts, min(len(accounts), reach * self.scale)):
                self.concerns.setdefault(account.pk, []).append(theme)

    def _notes(self, account: Account, language: str) -> str:
        rng = self.rng
        concerns = self.concerns.get(account.pk, [])
        if concerns and rng.random() < 0.45:
            variants = texts.STATEMENTS[rng.choice(concerns)]
            # Customers say it in their own language when we have the wording for it.
            language = language if language in variants else rng.choice(sorted(variants))
            lines = [rng.choice(texts.SMALL_TALK[language]), rng.choice(variants[language])]
        else:
            lines = [rng.choice(texts.SMALL_TALK[language])]
        if rng.random() < 0.5:
            lines.append(texts.NEXT_STEPS[language])
        return "\n\n".join(lines)

    def conversations(
        self,
        team: Team,
        accounts: list[Account],
        people_by_account: dict[int, list[int]],
        big_account: Account,
        users: dict[str, Any],
    ) -> None:
        rng = self.rng
        now = timezone.make_aware(dt.datetime.combine(self.today, dt.time(15, 0)))
        weights = {Tier.KEY_ACCOUNT: 60, Tier.CUSTOMER: 20, Tier.PROSPECT: 6}
        total_weight = sum(weights[a.tier] for a in accounts)
        target = 1000 * self.scale
        sellers = [users["erik"], users["sofia"], users["mads"]]
        created = 0
        for start in range(0, len(accounts), 100):
            chunk = accounts[start : start + 100]
            rows: list[tuple[Conversation, list[int], Any]] = []
            for account in chunk:
                count = max(1, round(target * weights[account.tier] / total_weight))
                language = texts.COUNTRY_LANGUAGE[account.country]
                for _ in range(count):
                    days_ago = rng.randint(0, 730)
                    if account.pk == big_account.pk and days_ago < 150:
                        # The 40-of-250 case: the last five months only the customer reached out.
                        continue
                    conversation = Conversation(
                        team=team,
                        account=account,
                        occurred_at=now - dt.timedelta(days=days_ago, minutes=rng.randint(0, 480)),
                        kind=rng.choice(
                            [
                                "meeting",
                                "meeting",
                                "call",
                                "video",
                                "coffee",
                                "visit",
                                "email",
                                "event",
                            ]
                        ),
                        initiated_by="customer" if rng.random() < 0.3 else "us",
                        subject="",
                        notes=self._notes(account, "en" if rng.random() < 0.15 else language),
                        created_by=account.owner,
                    )
                    conversation.customer_replied = (
                        conversation.kind == "email" and rng.random() < 0.6
                    )
                    pool = people_by_account.get(account.pk, [])
                    participants = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
                    rows.append((conversation, participants, account.owner))
            if account_big := next((a for a in chunk if a.pk == big_account.pk), None):
                rows.extend(self._busy_customer_side(team, account_big, people_by_account, now))
            Conversation.objects.bulk_create([c for c, _p, _u in rows], batch_size=BATCH)
            through_people = Conversation.people.through
            through_users = Conversation.users.through
            through_people.objects.bulk_create(
                [
                    through_people(conversation_id=c.pk, person_id=p)
                    for c, ps, _u in rows
                    for p in ps
                ],
                batch_size=BATCH,
            )
            through_users.objects.bulk_create(
                [
                    through_users(conversation_id=c.pk, user_id=(u or rng.choice(sellers)).pk)
                    for c, _p, u in rows
                ],
                batch_size=BATCH,
            )
            follow_ups = []
            for conversation, _p, owner in rows:
                if rng.random() < 0.15:
                    due = (conversation.occurred_at + dt.timedelta(days=rng.randint(2, 14))).date()
                    done = due < self.today - dt.timedelta(days=7)
                    follow_ups.append(
                        FollowUp(
                            conversation=conversation,
                            task=rng.choice(texts.FOLLOW_UP_TASKS),
                            owner=owner,
                            due_date=due,
                            done=done,
                            done_at=conversation.occurred_at if done else None,
                        )
                    )
            FollowUp.objects.bulk_create(follow_ups, batch_size=BATCH)
            created += len(rows)
            self.counts["follow-ups"] = self.counts.get("follow-ups", 0) + len(follow_ups)
        self.counts["conversations"] = created

    def _busy_customer_side(
        self,
        team: Team,
        account: Account,
        people_by_account: dict[int, list[int]],
        now: dt.datetime,
    ) -> list[tuple[Conversation, list[int], Any]]:
        """40 of the account's people keep calling and mailing us; we never reach out."""
        rng = self.rng
        busy = people_by_account[account.pk][:40]
        rows = []
        for person_id in busy:
            for _ in range(3):
                conversation = Conversation(
                    team=team,
                    account=account,
                    occurred_at=now
                    - dt.timedelta(days=rng.randint(1, 140), minutes=rng.randint(0, 480)),
                    kind=rng.choice(["call", "email", "video"]),
                    initiated_by="customer",
                    customer_replied=True,
                    notes="Kunden ringte om en bestilling / the customer called about an order.",
                    created_by=account.owner,
                )
                rows.append((conversation, [person_id], account.owner))
        return rows


@transaction.atomic
def seed_demo(
    *,
    seed: int = 7,
    scale: int = 1,
    today: dt.date | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> DemoResult:
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if Team.objects.filter(slug=DEMO_SLUG).exists():
        raise DemoExists("The demo team exists already; use --reset to build it again.")
    generator = _Generator(seed=seed, scale=scale, today=today or timezone.localdate(), log=log)
    clock = _StepClock()
    with connection.execute_wrapper(clock.count):
        return _seed(generator, clock, seed=seed, scale=scale, log=log)


def _seed(
    generator: _Generator, clock: _StepClock, *, seed: int, scale: int, log: Callable[[str], None]
) -> DemoResult:
    clock.start("users, team, accounts")
    team, users = generator.users_and_team()
    categories = generator.categories(team)
    owners = {country: users[u] for u, _f, _l, _r, country in DEMO_USERS if country}
    log("accounts…")
    accounts = generator.accounts(team, categories, owners)
    big_account = next(a for a in accounts if a.tier == Tier.KEY_ACCOUNT and a.country == "NO")
    big_account.name = "Vestland Kraft AS"
    big_account.save(update_fields=["name"])
    log("people…")
    clock.start("people")
    people_by_account = generator.people(team, accounts, big_account)
    log("conversations…")
    clock.start("conversations")
    generator.assign_concerns(accounts)
    generator.conversations(team, accounts, people_by_account, big_account, users)
    for step in DEMO_STEPS:
        if step in ANALYZE_BEFORE:
            clock.start(f"statistics before {step.removeprefix('fasit.')}")
            refresh_statistics()
        log(step)
        clock.start(step.removeprefix("fasit."))
        counts = import_string(step)(
            team=team, users=users, today=generator.today, seed=seed, scale=scale, log=log
        )
        generator.counts.update(counts or {})
    audit_record(
        team=team,
        actor=None,
        action="create",
        instance=team,
        changes={"demo": [None, {"seed": seed, "scale": scale, **generator.counts}]},
    )
    clock.stop()
    logins = [(u, DEMO_PASSWORD, str(r.label)) for u, _f, _l, r, _c in DEMO_USERS]
    return DemoResult(team=team, logins=logins, counts=generator.counts, timings=clock.timings)


@transaction.atomic
def delete_demo() -> None:
    Team.objects.filter(slug=DEMO_SLUG).delete()
