"""Demo data for buying: a process per category and journeys in every stage.

Deterministic for a seed; bulk inserts in batches. Some forecasts run ahead of their
customers, some journeys stall, some end without a decision, and a few accounts have
a fresh conversation whose notes suggest a stage change.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from django.utils import timezone, translation

from fasit.buying import motives as kept_motives
from fasit.buying import visits
from fasit.buying.models import (
    BuyingGroupMember,
    BuyingProcess,
    Journey,
    Motive,
    Outcome,
    Stage,
    StageChange,
)
from fasit.buying.services import _default_stages
from fasit.conversations.models import Conversation
from fasit.core.demo import texts
from fasit.customers.models import Account, CustomerCategory, PersonRole, Tier
from fasit.tenancy.models import Team

BATCH = 2000
LANGUAGE = {"NO": "nb", "SE": "sv", "DK": "da"}
CURRENCY = {"NO": "NOK", "SE": "SEK", "DK": "DKK"}
# How much slower than the template's typical days each demo category buys.
PACE = {"Manufacturing": 0.8, "Public sector": 1.6, "Energy & utilities": 1.2}

TITLES = [
    "Replace the packing-line conveyors",
    "Service agreement for the pump stations",
    "Remote monitoring of the substations",
    "New spare-parts stock on site",
    "Upgrade of the control system",
    "Energy-efficient motors for the mill",
    "Framework agreement for maintenance",
    "Predictive maintenance pilot",
]

# (theme, pulls, {language: text}); the customer's own words.
MOTIVES = [
    (
        "uptime",
        "change",
        {
            "nb": "Vi tålte ikke én stans til i vinter – det kostet oss to uker.",
            "sv": "Vi klarar inte ett till driftstopp, förra gången tog det tio dagar.",
            "da": "Endnu et nedbrud i højsæsonen har vi ikke råd til.",
            "en": "We cannot afford another stop in peak season.",
        },
    ),
    (
        "cost",
        "change",
        {
            "nb": "Vedlikeholdet spiser budsjettet, vi må ned i kostnad per time.",
            "sv": "Underhållet äter upp budgeten, vi måste få ner kostnaden.",
            "da": "Vedligeholdet koster for meget, vi skal ned i pris pr. time.",
            "en": "Maintenance eats the budget; the cost per hour has to come down.",
        },
    ),
    (
        "safety",
        "change",
        {
            "nb": "Etter nestenulykken vil ledelsen ha bort manuelle inngrep.",
            "sv": "Efter tillbudet vill ledningen bli av med manuella moment.",
            "da": "Efter nær-ulykken vil ledelsen af med manuelle indgreb.",
            "en": "After the near miss, management wants manual handling gone.",
        },
    ),
    (
        "compliance",
        "change",
        {
            "nb": "De nye kravene fra tilsynet må være på plass før neste revisjon.",
            "sv": "De nya kraven från myndigheten ska vara uppfyllda till nästa revision.",
            "da": "De nye krav fra myndighederne skal være opfyldt inden næste revision.",
            "en": "The regulator's new requirements must be met before the next audit.",
        },
    ),
    (
        "sustainability",
        "change",
        {
            "nb": "Styret vil se at vi kutter energibruken med en femtedel.",
            "sv": "Styrelsen vill se att vi minskar energianvändningen med en femtedel.",
            "da": "Bestyrelsen vil se, at vi skærer en femtedel af energiforbruget.",
            "en": "The board wants to see a fifth off our energy use.",
        },
    ),
    (
        "simplicity",
        "change",
        {
            "nb": "Jeg vil slippe å ringe fem leverandører når noe stopper.",
            "sv": "Jag vill slippa ringa fem leverantörer när något står still.",
            "da": "Jeg vil ikke ringe til fem leverandører, når noget står stille.",
            "en": "I want one number to call when something stops.",
        },
    ),
    (
        "control",
        "change",
        {
            "nb": "Vi vil se tilstanden på anleggene før det blir feil, ikke etterpå.",
            "sv": "Vi vill se hur anläggningen mår innan det blir fel.",
            "da": "Vi vil se anlæggets tilstand, før fejlen opstår.",
            "en": "We want to see the condition of the plant before it fails.",
        },
    ),
    (
        "growth",
        "change",
        {
            "nb": "Vi skal doble kapasiteten innen to år, og linja henger ikke med.",
            "sv": "Vi ska dubbla kapaciteten på två år och linjen hänger inte med.",
            "da": "Vi skal fordoble kapaciteten på to år, og linjen kan ikke følge med.",
            "en": "We will double capacity in two years and the line cannot keep up.",
        },
    ),
    (
        "other",
        "status_quo",
        {
            "nb": "Vi har nettopp investert i dagens system, det må gå noen år til.",
            "sv": "Vi har precis investerat i nuvarande system, det får räcka några år till.",
            "da": "Vi har lige investeret i det nuværende system, det må holde nogle år endnu.",
            "en": "We just invested in the current system; it has to last a few more years.",
        },
    ),
    (
        "simplicity",
        "status_quo",
        {
            "nb": "Operatørene kan dagens løsning, en ny vil bare skape uro.",
            "sv": "Operatörerna kan dagens lösning, något nytt skapar bara oro.",
            "da": "Operatørerne kender den nuværende løsning; noget nyt skaber uro.",
            "en": "Operators know what we have; something new only causes unrest.",
        },
    ),
]

# The evidence for entering each stage (by default-template position), in English.
EVIDENCE = [
    "First conversation: they see no reason to change what works.",
    "The plant manager described last winter's breakdowns and what they cost.",
    "They asked how other plants solved the same problem and read our case.",
    "They shared a first requirement list and a budget range.",
    "We received the tender documents; three suppliers are on the shortlist.",
    "They asked for a pilot on one line and called two references.",
    "The steering group discussed it; the CFO's objections were answered.",
    "Contract negotiation started; legal review of the terms.",
    "Contract signed; kickoff planned with the maintenance team.",
]

# Fresh notes in the customer's language that carry a later stage's sign keywords.
SUGGESTION_NOTES = {
    2: {
        "nb": "De har sett på flere alternativ og vil vite hvordan gjør andre det.",
        "sv": "De har tittat på alternativ och frågade hur gör andra.",
        "da": "De har kigget på alternativer og spurgte hvordan gør andre.",
    },
    3: {
        "nb": "De skriver en kravspesifikasjon nå, og budsjettet er satt av.",
        "sv": "De skriver en kravspecifikation och budgeten är satt.",
        "da": "De skriver en kravspecifikation, og budgettet er afsat.",
    },
    4: {
        "nb": "Anbud er sendt ut, vi er med på shortlist sammen med to andre.",
        "sv": "Upphandling pågår, förfrågningsunderlag kommer nästa vecka.",
        "da": "Udbud er sendt ud, og vi er på shortlist.",
    },
    5: {
        "nb": "De vil kjøre en pilot på én linje og ta et referansebesøk.",
        "sv": "De vill köra en pilot och göra ett referensbesök.",
        "da": "De vil have en pilot og et referencebesøg.",
    },
}


class _Kept(NamedTuple):
    """What the recent conversations need of a journey already written."""

    account_id: int
    created_by_id: int | None
    stage_since: dt.date
    is_open: bool


def _processes(team: Team, categories: list[CustomerCategory]) -> dict[int, list[Stage]]:
    processes = BuyingProcess.objects.bulk_create(
        [
            BuyingProcess(
                team=team,
                category=category,
                name=f"{category.name}: how our customers buy",
                description="Worked out in the spring workshop with sales, product and marketing.",
            )
            for category in categories
        ]
    )
    stages = []
    with translation.override(team.language):
        for process, category in zip(processes, categories, strict=True):
            for stage in _default_stages(process):
                stage.typical_days = round(stage.typical_days * PACE.get(category.name, 1.0))
                stages.append(stage)
    Stage.objects.bulk_create(stages)
    by_category: dict[int, list[Stage]] = defaultdict(list)
    category_of = {p.pk: c.pk for p, c in zip(processes, categories, strict=True)}
    for stage in stages:
        by_category[category_of[stage.process_id]].append(stage)
    return by_category


def seed(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    rng = random.Random(seed * 7919 + 6)
    categories = list(CustomerCategory.objects.for_team(team).order_by("name"))
    stages_by_category = _processes(team, categories)
    process_of = {c.pk: stages_by_category[c.pk][0].process for c in categories}
    roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for account_id, person_id, role in (
        PersonRole.objects.filter(account__team=team)
        .order_by("account_id", "id")
        .values_list("account_id", "person_id", "buying_role")
    ):
        if len(roles[account_id]) < 12:
            roles[account_id].append((person_id, role))
    accounts = list(
        Account.objects.for_team(team)
        .exclude(category=None)
        .order_by("id")
        .values_list("id", "category_id", "country", "tier", "owner_id")
    )
    countries = {account_id: country for account_id, _c, country, _t, _o in accounts}

    counters: dict[int, int] = defaultdict(int)
    open_counters: dict[int, int] = defaultdict(int)
    # Written in chunks as they are drawn, and only what the later steps read is kept
    # of each journey (_Kept): at a million conversations the model instances of all
    # journeys with their stage changes, members and motives were over a GiB.
    chunk: list[tuple[Journey, list[StageChange], list[BuyingGroupMember], list[Motive]]] = []
    kept: list[tuple[_Kept, int | None]] = []
    fresh: list[tuple[_Kept, int, str]] = []
    fresh_pending: list[tuple[Journey, int, str]] = []
    totals = {"journeys": 0, "stage changes": 0}

    def flush() -> None:
        Journey.objects.bulk_create([j for j, _c, _m, _mo in chunk])
        for journey, changes, members, motives in chunk:
            for row in (*changes, *members, *motives):
                row.journey = journey
            # Made in date order and saved in that order: each visit ends at the next.
            for change, following in zip(changes, changes[1:], strict=False):
                change.left_on = following.changed_on
        StageChange.objects.bulk_create([c for _j, cs, _m, _mo in chunk for c in cs])
        BuyingGroupMember.objects.bulk_create([m for _j, _c, ms, _mo in chunk for m in ms])
        Motive.objects.bulk_create([m for _j, _c, _m, mos in chunk for m in mos])
        light = {}
        for journey, changes, members, _motives in chunk:
            decider = next((m.person_id for m in members if m.role == "decision_maker"), None)
            light[id(journey)] = _Kept(
                account_id=journey.account_id,
                created_by_id=journey.created_by_id,
                stage_since=journey.stage_since,
                is_open=journey.outcome == Outcome.OPEN,
            )
            kept.append((light[id(journey)], decider))
            totals["journeys"] += 1
            totals["stage changes"] += len(changes)
        fresh.extend((light[id(j)], index, language) for j, index, language in fresh_pending)
        fresh_pending.clear()
        chunk.clear()

    for account_id, category_id, country, tier, owner_id in accounts:
        # Key accounts consider several purchases; past ones (closed) give the
        # categories a history to compute stage medians from.
        wanted = {Tier.KEY_ACCOUNT: 3, Tier.CUSTOMER: 2, Tier.PROSPECT: 1}[tier]
        if tier != Tier.KEY_ACCOUNT and rng.random() < 0.3:
            wanted -= 1
        for _ in range(wanted):
            stages = stages_by_category[category_id]
            position = counters[category_id]
            counters[category_id] += 1
            # Every third journey is closed (half of them bought); the open ones walk
            # through every stage in turn.
            closed = position % 3 == 2
            last = len(stages) - 1
            index = (
                (last if rng.random() < 0.5 else rng.randint(1, last - 1))
                if closed
                else open_counters[category_id] % len(stages)
            )
            open_counters[category_id] += 0 if closed else 1
            chunk.append(
                _journey(
                    rng,
                    team=team,
                    today=today,
                    process=process_of[category_id],
                    stages=stages,
                    position=position,
                    index=index,
                    closed=closed,
                    account_id=account_id,
                    country=country,
                    owner_id=owner_id,
                    people=roles.get(account_id, []),
                    users=users,
                )
            )
            journey = chunk[-1][0]
            if journey.outcome == Outcome.OPEN and index in (1, 2, 3, 4) and position % 6 == 1:
                fresh_pending.append((journey, index + 1, LANGUAGE[country]))
            if len(chunk) >= BATCH // 4:
                flush()
    flush()
    # Written in bulk, past the services that keep the per-stage visit and per-theme
    # motive counts.
    visits.recount([team.pk])
    kept_motives.recount([team.pk])

    catch_ups = []
    for journey, decider in kept:
        if journey.is_open and decider is not None and rng.random() < 0.7:
            language = LANGUAGE[countries[journey.account_id]]
            catch_ups.append((journey, rng.randint(1, 40), language, decider))
    conversations = _conversations(team, today, fresh, catch_ups, roles)
    log(f"buying: {totals['journeys']} journeys, {conversations} conversations with stage signs")
    return {
        "buying processes": len(categories),
        "buying journeys": totals["journeys"],
        "stage changes": totals["stage changes"],
    }


def _journey(
    rng: random.Random,
    *,
    team: Team,
    today: dt.date,
    process: BuyingProcess,
    stages: list[Stage],
    position: int,
    index: int,
    closed: bool,
    account_id: int,
    country: str,
    owner_id: int | None,
    people: list[tuple[int, str]],
    users: dict[str, Any],
) -> tuple[Journey, list[StageChange], list[BuyingGroupMember], list[Motive]]:
    total = len(stages)
    outcome = Outcome.OPEN
    if closed:
        outcome = (
            Outcome.BOUGHT
            if index == total - 1
            else rng.choice([Outcome.NO_DECISION, Outcome.NO_DECISION, Outcome.BOUGHT_ELSEWHERE])
        )
    stalled = not closed and position % 4 == 3
    durations = [
        max(2, round(stages[i].typical_days * rng.uniform(0.5, 1.6))) for i in range(index)
    ]
    current = stages[index].typical_days
    in_stage = (
        round(current * rng.uniform(1.8, 3.2))
        if stalled
        else round(current * rng.uniform(0.05, 0.9))
    )
    # A closed journey ended some time ago; its last stay lasted until then.
    ended_ago = rng.randint(5, 400) if closed else 0
    start = today - dt.timedelta(days=sum(durations) + in_stage + ended_ago)
    author = users.get({"NO": "erik", "SE": "sofia", "DK": "mads"}[country])
    changes, on = [], start
    for i in range(index + 1):
        changes.append(
            StageChange(
                from_stage=stages[i - 1] if i else None,
                to_stage=stages[i],
                from_name=stages[i - 1].name if i else "",
                to_name=stages[i].name,
                changed_on=on,
                note=EVIDENCE[i] if i < len(EVIDENCE) else "",
                created_by=author,
            )
        )
        if i < index:
            on += dt.timedelta(days=durations[i])
    value = Decimal(rng.randint(4, 120) * 25000)
    ceiling = round(100 * (index + 1) / total)
    gap = not closed and 1 <= index <= 4 and position % 3 == 0
    probability = max(5, min(95, ceiling + rng.randint(-15, 10)))
    close = today + dt.timedelta(
        days=round(sum(s.typical_days for s in stages[index:-1]) * rng.uniform(0.8, 1.5)) + 14
    )
    if gap and position % 2 == 0:
        probability = rng.choice([70, 75, 80, 90])
    elif gap:
        close = today + dt.timedelta(days=rng.randint(10, 45))
    group = people[: rng.randint(2, min(6, len(people)))] if len(people) >= 2 else people
    if position % 7 == 3:
        group = [p for p in group if p[1] != "decision_maker"]
    # Every fifth group agrees, every fifth has one person against.
    stances = ["for", "for", "neutral", "unknown"]
    members = [
        BuyingGroupMember(
            person_id=person_id,
            role=role,
            stance="for"
            if position % 5 == 2
            else ("against" if position % 5 == 1 and n == len(group) - 1 else rng.choice(stances)),
        )
        for n, (person_id, role) in enumerate(group)
    ]
    language = LANGUAGE[country] if rng.random() < 0.8 else "en"
    motives = []
    if position % 6 != 4:
        for theme, pulls, words in rng.sample(MOTIVES[:8], rng.randint(1, 2)):
            motives.append(
                Motive(
                    person_id=group[0][0] if group and rng.random() < 0.7 else None,
                    text=words[language],
                    theme=theme,
                    pulls=pulls,
                )
            )
        if len(group) > 1 and rng.random() < 0.15:
            theme, pulls, words = rng.choice(MOTIVES[8:])
            motives.append(
                Motive(person_id=group[-1][0], text=words[language], theme=theme, pulls=pulls)
            )
    journey = Journey(
        team=team,
        account_id=account_id,
        process=process,
        title=TITLES[(position + account_id) % len(TITLES)],
        value=value,
        currency=CURRENCY[country],
        stage=stages[index],
        stage_since=changes[-1].changed_on,
        outcome=outcome,
        closed_on=today - dt.timedelta(days=ended_ago) if closed else None,
        forecast_probability=None if closed else probability,
        forecast_close=None if closed else close,
        forecast_value=None if closed else value,
        created_by_id=owner_id,
    )
    return journey, changes, members, motives


def _conversations(
    team: Team,
    today: dt.date,
    fresh: list[tuple[_Kept, int, str]],
    catch_ups: list[tuple[_Kept, int, str, int]],
    roles: dict[int, list[tuple[int, str]]],
) -> int:
    """Recent conversations: for ``fresh`` journeys one whose notes carry the next
    stage's signs (so the journey page has a suggestion to accept or dismiss), for
    ``catch_ups`` one with the decision maker (so not every journey lacks contact)."""
    rows: list[tuple[Conversation, list[int], int | None]] = []

    def add(journey: _Kept, days_ago: int, notes: str, people: list[int]) -> None:
        conversation = Conversation(
            team=team,
            account_id=journey.account_id,
            occurred_at=timezone.make_aware(
                dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(10, 30))
            ),
            kind="meeting",
            initiated_by="customer",
            notes=notes,
            created_by_id=journey.created_by_id,
        )
        rows.append((conversation, people, journey.created_by_id))

    for journey, next_index, language in fresh:
        notes = SUGGESTION_NOTES.get(next_index, {}).get(language)
        if notes is not None:
            days_ago = max(0, min(5, (today - journey.stage_since).days - 1))
            add(journey, days_ago, notes, [p for p, _r in roles.get(journey.account_id, [])[:1]])
    for journey, days_ago, language, person_id in catch_ups:
        add(journey, days_ago, texts.SMALL_TALK[language][days_ago % 2], [person_id])
    Conversation.objects.bulk_create([c for c, _p, _u in rows], batch_size=BATCH)
    through_people = Conversation.people.through
    through_people.objects.bulk_create(
        [through_people(conversation_id=c.pk, person_id=p) for c, ps, _u in rows for p in ps],
        batch_size=BATCH,
    )
    through_users = Conversation.users.through
    through_users.objects.bulk_create(
        [through_users(conversation_id=c.pk, user_id=u) for c, _p, u in rows if u],
        batch_size=BATCH,
    )
    return len(rows)
