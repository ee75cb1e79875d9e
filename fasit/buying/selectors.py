"""Reads for buying processes and journeys. Every function takes the team first
(or a record that belongs to one)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from fasit.buying import mapping, visits
from fasit.buying import motives as kept_motives
from fasit.buying.models import (
    BuyingGroupMember,
    BuyingProcess,
    Journey,
    Motive,
    MotiveTheme,
    Outcome,
    Stage,
    StageChange,
    SuggestionDismissal,
)
from fasit.buying.reasons import reason_text
from fasit.conversations.models import Conversation
from fasit.customers.models import Account, Person
from fasit.engine.buying import (
    DECISION_MAKER,
    Gap,
    JourneyFacts,
    Judge,
    Risk,
    StageDef,
    StageInsight,
    StageNorm,
    StageVisits,
    norms_for,
    norms_from_durations,
    stage_insight_from_visits,
    suggest_stage,
)
from fasit.tenancy.models import Team

SUGGESTION_LOOKBACK = 50


def _count(rows: QuerySet[Any]) -> Coalesce:
    """How many of ``rows`` (filtered by an outer reference) there are, as a subquery."""
    counted = rows.order_by().values("process").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def process_list(team: Team | None) -> QuerySet[BuyingProcess]:
    return (
        BuyingProcess.objects.for_team(team)
        .select_related("category")
        # Counted in subqueries: both counts over one join multiplied each process's
        # stages by its journeys (900 ms on SQLite at scale 100, for three processes).
        .annotate(
            stage_count=_count(Stage.objects.filter(process=OuterRef("pk"))),
            open_journeys=_count(
                Journey.objects.filter(process=OuterRef("pk"), outcome=Outcome.OPEN)
            ),
        )
        .order_by("category__name", "name")
    )


def process_stages(process: BuyingProcess) -> list[Stage]:
    return list(Stage.objects.filter(process=process).order_by("order", "id"))


def _entry_rows(team: Team, process_ids: Iterable[int]) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    for process_id, journey, stage, on, change in (
        StageChange.objects.for_team(team)
        .filter(journey__process__in=list(process_ids))
        .values_list("journey__process_id", "journey_id", "to_stage_id", "changed_on", "id")
    ):
        rows[process_id].append((journey, stage, on, change))
    return rows


def process_norms(process: BuyingProcess) -> dict[str, StageNorm]:
    """Median stage durations from the team's journeys in this process's category."""
    rows = _entry_rows(process.team, [process.pk])[process.pk]
    return norms_for(mapping.stage_defs(process_stages(process)), mapping.stage_entries(rows))


def journey_list(
    team: Team | None,
    *,
    process: BuyingProcess | None = None,
    stage: Stage | None = None,
    account: Account | None = None,
    open_only: bool = True,
) -> QuerySet[Journey]:
    journeys = Journey.objects.for_team(team).select_related(
        "account", "process__category", "stage"
    )
    if open_only:
        journeys = journeys.filter(outcome=Outcome.OPEN)
    if process is not None:
        journeys = journeys.filter(process=process)
    if stage is not None:
        journeys = journeys.filter(stage=stage)
    if account is not None:
        journeys = journeys.filter(account=account)
    return journeys.order_by("account__name", "title", "id")


@dataclass
class Assessment:
    """A journey as the rules see it, with sentences ready to show."""

    journey: Journey
    stages: list[Stage]
    stage_index: int
    days_in_stage: int
    norm: StageNorm
    risk: Risk | None
    gap: Gap | None
    risk_reasons: list[str] = field(default_factory=list)
    gap_reasons: list[str] = field(default_factory=list)

    @property
    def stages_total(self) -> int:
        return len(self.stages)

    @property
    def stage(self) -> Stage:
        return self.stages[self.stage_index]

    @property
    def stage_number(self) -> int:
        return self.stage_index + 1

    @property
    def value_at_stake(self) -> Decimal | None:
        return self.journey.value_at_stake  # type: ignore[return-value]

    @property
    def progress_percent(self) -> int:
        return round(100 * self.stage_number / self.stages_total)


# Above this many people one pass over the team's conversations is cheaper than a
# lookup per person (and keeps the query's parameter list short).
CONTACTS_PER_PERSON_LIMIT = 500


def last_contacts(team: Team, person_ids: Iterable[int]) -> dict[int, dt.date]:
    """Each person's latest conversation with us (any account), as a local date.

    One query either way. Filtering the conversation-people rows by person *and* team
    lets SQLite walk every team conversation and probe each person id (minutes at
    100k conversations), so a few people are looked up from the person side and many
    people from one grouped pass over the team's conversations."""
    ids = set(person_ids)
    if not ids:
        return {}
    if len(ids) <= CONTACTS_PER_PERSON_LIMIT:
        rows = (
            Person.objects.for_team(team)
            .filter(pk__in=ids)
            .values("pk")
            .annotate(last=Max("conversations__occurred_at", filter=Q(conversations__team=team)))
            .values_list("pk", "last")
        )
    else:
        rows = (
            Conversation.people.through.objects.filter(conversation__team=team)
            .values("person_id")
            .annotate(last=Max("conversation__occurred_at"))
            .values_list("person_id", "last")
        )
    # The zone is looked up once: ``timezone.localtime`` per row cost ~10 ms at 3,000 rows.
    zone = timezone.get_current_timezone()
    return {pk: last.astimezone(zone).date() for pk, last in rows if last is not None and pk in ids}


@dataclass(frozen=True)
class ProcessFrame:
    """What the rules need of one process, computed once per request: its stages in
    order and the stage norms from the category's whole history."""

    stages: list[Stage]
    defs: tuple[StageDef, ...]
    norms: dict[str, StageNorm]
    index: dict[int, int]


def process_frames(team: Team, process_ids: Iterable[int]) -> dict[int, ProcessFrame]:
    """Stages and norms of these processes: one query for the stages and one for the
    lengths of the completed stage visits of all of them, counted by the database."""
    process_ids = set(process_ids)
    stages_by_process: dict[int, list[Stage]] = defaultdict(list)
    for stage in Stage.objects.filter(process__in=process_ids).order_by("order", "id"):
        stages_by_process[stage.process_id].append(stage)
    durations = _visit_lengths(team, process_ids)
    frames = {}
    for pid in process_ids:
        stages = stages_by_process[pid]
        defs = mapping.stage_defs(stages)
        frames[pid] = ProcessFrame(
            stages=stages,
            defs=defs,
            norms=norms_from_durations(defs, durations[pid]),
            index={s.pk: i for i, s in enumerate(stages)},
        )
    return frames


def _visit_lengths(team: Team, process_ids: set[int]) -> dict[int, dict[str, list[int]]]:
    """Per process and stage (key ``str(stage id)``), the lengths in days of its
    completed visits, sorted: what ``ordered_durations`` gives for the process's
    stage-change history, from the visits the database counted (the first journeys
    request after a change of the team's data read all 400,000 stage changes at
    --scale 1000 into Python)."""
    durations: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for process_id, stages in counted_visits(team, process_ids, open_visits=False).items():
        for stage, stage_visits in stages.items():
            durations[process_id][stage] = [
                days for days, n in sorted(stage_visits.completed.items()) for _ in range(n)
            ]
    return durations


def team_frames(team: Team) -> dict[int, ProcessFrame]:
    """Frames of all the team's processes, for a request that needs several passes."""
    return process_frames(team, BuyingProcess.objects.for_team(team).values_list("pk", flat=True))


@dataclass(frozen=True)
class GroupRows:
    """The buying groups, motives and decision makers' last contacts of a set of open
    journeys, as plain rows keyed by journey id."""

    members: dict[int, list[mapping.MemberRow]]
    motives: dict[int, list[mapping.MotiveRow]]
    contacts: dict[int, dt.date]

    def facts(
        self,
        pk: int,
        *,
        stage_index: int,
        stage_since: dt.date,
        probability: int | None,
        close_date: dt.date | None,
    ) -> JourneyFacts:
        return mapping.journey_facts(
            stage_index=stage_index,
            stage_since=stage_since,
            probability=probability,
            close_date=close_date,
            members=self.members.get(pk, ()),
            motives=self.motives.get(pk, ()),
            last_contact=self.contacts,
        )


def group_rows(team: Team, open_ids: list[int]) -> GroupRows:
    """Three queries however many journeys: members, motives, and one grouped pass for
    the last contact of the decision makers among the members (the rules read no one
    else's)."""
    members: dict[int, list[mapping.MemberRow]] = defaultdict(list)
    motives: dict[int, list[mapping.MotiveRow]] = defaultdict(list)
    if not open_ids:
        return GroupRows(members=members, motives=motives, contacts={})
    journeys = _open_journey_filter(team, open_ids)
    deciders = set()
    # The default ordering (person name) is kept: it is the group's order in facts.
    for journey_id, person_id, name, role, stance in BuyingGroupMember.objects.filter(
        journey__in=journeys
    ).values_list("journey_id", "person_id", "person__name", "role", "stance"):
        members[journey_id].append((person_id, name, role, stance))
        if role == DECISION_MAKER:
            deciders.add(person_id)
    for journey_id, person_id, pulls in Motive.objects.filter(journey__in=journeys).values_list(
        "journey_id", "person_id", "pulls"
    ):
        motives[journey_id].append((person_id, pulls))
    return GroupRows(
        members=members, motives=motives, contacts=decision_maker_contacts(team, deciders)
    )


def decision_maker_contacts(team: Team, person_ids: Iterable[int]) -> dict[int, dt.date]:
    """Latest conversation date of these decision makers. Few are looked up by id; many
    (more than an id list should carry) in one GROUP BY over the conversation-people
    rows of the people who are decision makers in the team's open journeys, which SQLite
    walks person by person through the person index."""
    ids = set(person_ids)
    if len(ids) <= CONTACTS_PER_PERSON_LIMIT:
        return last_contacts(team, ids)
    deciders = (
        BuyingGroupMember.objects.for_team(team)
        .filter(journey__outcome=Outcome.OPEN, role=DECISION_MAKER)
        .values("person_id")
    )
    # The team is a GROUP BY column, not a WHERE condition: with it in WHERE SQLite
    # walks every team conversation instead of the deciders' rows (seconds at scale).
    rows = (
        Conversation.people.through.objects.filter(person_id__in=deciders)
        .values("person_id", "conversation__team_id")
        .annotate(last=Max("conversation__occurred_at"))
        .values_list("person_id", "conversation__team_id", "last")
        .order_by()
    )
    zone = timezone.get_current_timezone()
    return {
        pk: last.astimezone(zone).date()
        for pk, team_id, last in rows
        if team_id == team.pk and last is not None and pk in ids
    }


def assess(
    team: Team,
    journeys: Iterable[Journey],
    *,
    today: dt.date | None = None,
    frames: dict[int, ProcessFrame] | None = None,
) -> list[Assessment]:
    """Risk and reality gap for each journey (closed journeys get neither).

    A fixed number of queries however many journeys: stages and history once per
    request (pass ``frames`` to reuse them), then the members, motives and decision
    makers' last contacts of all the journeys at once, as plain rows."""
    today = today or timezone.localdate()
    journeys = list(journeys)
    if not journeys:
        return []
    if frames is None:
        frames = process_frames(team, {j.process_id for j in journeys})
    groups = group_rows(team, [j.pk for j in journeys if j.is_open])
    judges: dict[int, Judge] = {}

    result = []
    for journey in journeys:
        frame = frames[journey.process_id]
        index = frame.index[journey.stage_id]
        norm = frame.norms[frame.defs[index].key]
        risk = gap = None
        if journey.is_open:
            facts = groups.facts(
                journey.pk,
                stage_index=index,
                stage_since=journey.stage_since,
                probability=journey.forecast_probability,
                close_date=journey.forecast_close,
            )
            judge = judges.get(journey.process_id)
            if judge is None:
                judge = judges[journey.process_id] = Judge(frame.defs, frame.norms, today=today)
            risk = judge.risk_of(facts)
            gap = judge.gap_of(facts)
        result.append(
            Assessment(
                journey=journey,
                stages=frame.stages,
                stage_index=index,
                # A closed journey's last stay ended when it closed.
                days_in_stage=((journey.closed_on or today) - journey.stage_since).days,
                norm=norm,
                risk=risk,
                gap=gap,
                risk_reasons=[reason_text(r) for r in risk.reasons] if risk else [],
                gap_reasons=[reason_text(r) for r in gap.reasons] if gap else [],
            )
        )
    return result


# Beyond this many journeys the rows are selected as "the team's open journeys" (a
# superset; only the assessed journeys' rows are used) instead of by an id list that
# would run into SQLite's parameter limit.
_ID_LIST_LIMIT = 900


def _open_journey_filter(team: Team, ids: list[int]) -> Any:
    if len(ids) <= _ID_LIST_LIMIT:
        return ids
    return Journey.objects.for_team(team).filter(outcome=Outcome.OPEN).values("pk")


def assess_one(journey: Journey, *, today: dt.date | None = None) -> Assessment:
    return assess(journey.team, [journey], today=today)[0]


_FACT_FIELDS = (
    "pk",
    "process_id",
    "stage_id",
    "stage_since",
    "forecast_probability",
    "forecast_close",
)


@dataclass(frozen=True)
class Judgement:
    """One open journey's risk and gap from its plain row: what a pass over every open
    journey needs without loading them as model instances. ``row`` holds the
    ``_FACT_FIELDS`` and then any extra fields asked for."""

    row: tuple[Any, ...]
    frame: ProcessFrame
    stage_index: int
    risk: Risk
    gap: Gap | None


def judge_open(
    team: Team,
    journeys: QuerySet[Journey],
    *,
    extra: Sequence[str] = (),
    with_gap: bool = True,
    today: dt.date | None = None,
    frames: dict[int, ProcessFrame] | None = None,
) -> list[Judgement]:
    """Risk (and gap) of the open journeys in ``journeys``, in its order, from value
    rows: one query for the journeys, three for their groups (plus the frames)."""
    today = today or timezone.localdate()
    rows = list(journeys.filter(outcome=Outcome.OPEN).values_list(*_FACT_FIELDS, *extra))
    if not rows:
        return []
    if frames is None:
        frames = process_frames(team, {r[1] for r in rows})
    groups = group_rows(team, [r[0] for r in rows])
    # One judge per process: what journeys in a stage share is worked out once, and
    # the group rows go to the rules as they came from the database.
    judges = {pid: Judge(frame.defs, frame.norms, today=today) for pid, frame in frames.items()}
    members, motives, contacts = groups.members, groups.motives, groups.contacts
    result = []
    for row in rows:
        pk, pid, stage_id, since, probability, close = row[:6]
        frame = frames[pid]
        judge = judges[pid]
        index = frame.index[stage_id]
        result.append(
            Judgement(
                row=row,
                frame=frame,
                stage_index=index,
                risk=judge.risk(index, since, members.get(pk, ()), motives.get(pk, ()), contacts),
                gap=judge.gap(index, since, probability, close) if with_gap else None,
            )
        )
    return result


def risk_ids(
    team: Team,
    journeys: QuerySet[Journey],
    level: str,
    *,
    today: dt.date | None = None,
    frames: dict[int, ProcessFrame] | None = None,
) -> list[int]:
    """Ids of the journeys at one status-quo risk level, in list order. Every open
    journey is judged, from plain rows; assess only the page shown."""
    return [
        j.row[0]
        for j in judge_open(team, journeys, with_gap=False, today=today, frames=frames)
        if j.risk.level == level
    ]


def risk_filtered(
    team: Team, journeys: QuerySet[Journey], level: str, *, today: dt.date | None = None
) -> list[Assessment]:
    """Journeys at one status-quo risk level, in list order, fully assessed."""
    frames = team_frames(team)
    ids = risk_ids(team, journeys, level, today=today, frames=frames)
    return assess_ids(team, ids, today=today, frames=frames)


@dataclass(frozen=True)
class GapSummary:
    """Every flagged journey's id, largest value at stake first, with totals per
    currency; only the page shown is assessed in full."""

    ids: list[int]
    totals: list[tuple[str, Decimal]]

    def __len__(self) -> int:
        return len(self.ids)


def gap_summary(
    team: Team | None,
    *,
    today: dt.date | None = None,
    frames: dict[int, ProcessFrame] | None = None,
) -> GapSummary:
    """The reality gap needs only the journey's own fields and the stage norms, so all
    open journeys are checked in one pass over one query's rows."""
    if team is None:
        return GapSummary(ids=[], totals=[])
    today = today or timezone.localdate()
    rows = list(
        journey_list(team).values_list(
            "pk",
            "process_id",
            "stage_id",
            "stage_since",
            "forecast_probability",
            "forecast_close",
            "forecast_value",
            "value",
            "currency",
            "account__name",
            "title",
        )
    )
    if frames is None:
        frames = process_frames(team, {r[1] for r in rows})
    flagged = []
    totals: dict[str, Decimal] = defaultdict(Decimal)
    judges = {pid: Judge(frame.defs, frame.norms, today=today) for pid, frame in frames.items()}
    for pk, pid, stage_id, since, probability, close, f_value, value, currency, name, title in rows:
        if judges[pid].gap(frames[pid].index[stage_id], since, probability, close).flagged:
            stake = f_value if f_value is not None else value
            if stake is not None:
                totals[currency] += stake
            flagged.append((-(stake or 0), name, title, pk))
    # Rows come in list order (account, title, id); the sort is stable like before.
    flagged.sort(key=lambda f: f[:3])
    return GapSummary(ids=[f[3] for f in flagged], totals=sorted(totals.items()))


def assess_ids(
    team: Team,
    ids: Sequence[int],
    *,
    today: dt.date | None = None,
    frames: dict[int, ProcessFrame] | None = None,
) -> list[Assessment]:
    """Full assessments of these journeys, in the order of ``ids``."""
    by_id = {j.pk: j for j in journey_list(team, open_only=False).filter(pk__in=list(ids))}
    return assess(team, [by_id[pk] for pk in ids if pk in by_id], today=today, frames=frames)


def gap_list(team: Team | None, *, today: dt.date | None = None) -> list[Assessment]:
    """Open journeys whose forecast runs ahead of the buyer, largest value first."""
    if team is None:
        return []
    frames = team_frames(team)
    summary = gap_summary(team, today=today, frames=frames)
    return assess_ids(team, summary.ids, today=today, frames=frames)


def value_by_currency(assessments: Iterable[Assessment]) -> list[tuple[str, Decimal]]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for a in assessments:
        if a.value_at_stake is not None:
            totals[a.journey.currency] += a.value_at_stake
    return sorted(totals.items())


# -- journey page ----------------------------------------------------------------


def journey_history(journey: Journey) -> QuerySet[StageChange]:
    return (
        StageChange.objects.filter(journey=journey)
        .select_related("conversation", "created_by")
        .order_by("-changed_on", "-id")
    )


def journey_members(journey: Journey) -> QuerySet[BuyingGroupMember]:
    return BuyingGroupMember.objects.filter(journey=journey).select_related("person")


def journey_motives(journey: Journey) -> QuerySet[Motive]:
    return Motive.objects.filter(journey=journey).select_related("person", "conversation")


@dataclass(frozen=True)
class StageSuggestion:
    conversation: Conversation
    stage: Stage
    matched: tuple[str, ...]


def journey_suggestions(journey: Journey) -> list[StageSuggestion]:
    """Conversations with the account since the buyer entered the current stage whose
    notes carry sign keywords of a later stage. Computed on the fly, never applied:
    a person accepts or dismisses each one."""
    if not journey.is_open:
        return []
    stages = process_stages(journey.process)
    by_key = {str(s.pk): s for s in stages}
    defs = mapping.stage_defs(stages)
    index = next(i for i, s in enumerate(stages) if s.pk == journey.stage_id)
    used = StageChange.objects.filter(journey=journey, conversation__isnull=False).values(
        "conversation_id"
    )
    dismissed = SuggestionDismissal.objects.filter(journey=journey).values("conversation_id")
    start = timezone.make_aware(dt.datetime.combine(journey.stage_since, dt.time.min))
    conversations = (
        Conversation.objects.for_team(journey.team)
        .filter(account=journey.account_id, occurred_at__gte=start, occurred_at__lte=timezone.now())
        .exclude(pk__in=used)
        .exclude(pk__in=dismissed)
        .order_by("-occurred_at", "-id")[:SUGGESTION_LOOKBACK]
    )
    result = []
    for conversation in conversations:
        found = suggest_stage(
            defs,
            index,
            str(conversation.pk),
            f"{conversation.subject}\n{conversation.notes}",
        )
        if found is not None:
            result.append(
                StageSuggestion(
                    conversation=conversation, stage=by_key[found.stage], matched=found.matched
                )
            )
    return result


def account_conversations(journey: Journey, limit: int = 30) -> QuerySet[Conversation]:
    return (
        Conversation.objects.for_team(journey.team)
        .filter(account=journey.account_id)
        .order_by("-occurred_at")[:limit]
    )


def account_journeys(account: Account) -> list[Assessment]:
    journeys = Journey.objects.for_team(account.team).filter(account=account)
    return assess(
        account.team,
        journeys.select_related("account", "process", "stage").order_by("outcome", "title"),
    )


# -- insight ---------------------------------------------------------------------


@dataclass(frozen=True)
class MotiveCount:
    theme: str
    label: str
    motives: int
    accounts: int
    examples: tuple[str, ...]


@dataclass(frozen=True)
class CategoryInsight:
    process: BuyingProcess
    stages: list[StageInsight]
    journeys_open: int
    journeys_closed: dict[str, int]
    motives: list[MotiveCount]

    @property
    def stall_stage(self) -> StageInsight | None:
        """Where buyers stall: most journeys stalled now, then the lowest move-on rate."""
        stalled = [s for s in self.stages if s.stalled_now]
        if stalled:
            return max(stalled, key=lambda s: (s.stalled_now, -(s.move_on_rate or 0)))
        rated = [s for s in self.stages[:-1] if s.move_on_rate is not None and s.entered >= 3]
        return min(rated, key=lambda s: s.move_on_rate or 0) if rated else None


def motive_counts(team: Team, process: BuyingProcess) -> list[MotiveCount]:
    """Each theme's motives, accounts and three latest different wordings in one
    process (``team_motive_counts``)."""
    return team_motive_counts(team, [process.pk])[process.pk]


def team_motive_counts(team: Team, process_ids: Sequence[int]) -> dict[int, list[MotiveCount]]:
    """Per process, each theme's motives, accounts and three latest different wordings.
    Themes rank by accounts, then motives, then the newest motive first.

    Read from the counts the writes keep (``motives.py``), a row per theme: grouping
    every motive and its wording here (~9,600 at scale 100) was most of what was left
    of the insight page's first request on SQLite."""
    result: dict[int, list[MotiveCount]] = {pid: [] for pid in process_ids}
    if not process_ids:
        return result
    labels = dict(MotiveTheme.choices)
    per_theme = kept_motives.counted(team.pk, process_ids)
    for (process_id, theme), (count, accounts, _last, examples) in sorted(
        per_theme.items(), key=lambda r: (-r[1][1], -r[1][0], -r[1][2])
    ):
        result[process_id].append(
            MotiveCount(
                theme=theme,
                label=str(labels.get(theme, theme)),
                motives=count,
                accounts=accounts,
                examples=tuple(examples),
            )
        )
    return result


def counted_visits(
    team: Team,
    process_ids: Iterable[int],
    *,
    open_visits: bool = True,
    dates_of: str | None = None,
) -> dict[int, dict[str, StageVisits]]:
    """Per process, each stage's visits of the process's journeys; with
    ``open_visits=False`` only the completed ones (all stage norms need). With
    ``dates_of``, the open visits of journeys with another outcome are counted without
    their first day (None), which only the open ones' stalling needs.

    A visit runs from a stage change to the journey's next one (date, then id: the
    engine's order). The services keep them counted per stage (``StageVisitCount``,
    visits.py): completed visits by their length, open ones by outcome and first day,
    a few thousand rows where the history has tens of thousands of changes. Grouping
    the history here cost most of the insight page's first request after a change
    (scale 100, SQLite: ~60 ms of ~120)."""
    ids = sorted(set(process_ids))
    if not ids:
        return {}
    completed: dict[tuple[int, str], dict[int, int]] = defaultdict(dict)
    still: dict[tuple[int, str], dict[tuple[str, dt.date], int]] = defaultdict(dict)
    for process_id, stage_id, days, outcome, entered, n in visits.counted(
        team.pk, ids, open_visits=open_visits, dates_of=dates_of
    ):
        key = (process_id, str(stage_id))
        if days is not None:
            completed[key][days] = completed[key].get(days, 0) + n
        else:
            still[key][(outcome, entered)] = still[key].get((outcome, entered), 0) + n
    counted: dict[int, dict[str, StageVisits]] = defaultdict(dict)
    for process_id, stage in {*completed, *still}:
        key = (process_id, stage)
        counted[process_id][stage] = StageVisits(completed.get(key, {}), still.get(key, {}))
    return counted


def category_insight(
    team: Team, process: BuyingProcess, *, today: dt.date | None = None
) -> CategoryInsight:
    return team_insight(team, processes=[process], today=today)[0]


def team_insight(
    team: Team,
    *,
    processes: Sequence[BuyingProcess] | None = None,
    today: dt.date | None = None,
) -> list[CategoryInsight]:
    """The insight of each of these processes (default: the team's, in ``process_list``
    order), each statement for all of them at once: stages, outcomes, counted visits
    and motives. A round of five statements per process cost most of the page's
    first request (scale 100, three processes)."""
    today = today or timezone.localdate()
    if processes is None:
        # Without process_list's counts of stages and open journeys: not shown here.
        processes = list(
            BuyingProcess.objects.for_team(team)
            .select_related("category")
            .order_by("category__name", "name")
        )
    ids = [p.pk for p in processes]
    if not ids:
        return []
    stages: dict[int, list[Stage]] = defaultdict(list)
    for stage in Stage.objects.filter(process__in=ids).order_by("order", "id"):
        stages[stage.process_id].append(stage)
    outcomes: dict[int, dict[str, int]] = defaultdict(dict)
    for process_id, outcome, n in (
        Journey.objects.for_team(team)
        .filter(process__in=ids)
        .values_list("process_id", "outcome")
        .annotate(n=Count("id"))
        .order_by("process_id", "outcome")
    ):
        outcomes[process_id][outcome] = n
    counted = counted_visits(team, ids, dates_of=Outcome.OPEN)
    motives = team_motive_counts(team, ids)
    result = []
    for process in processes:
        insight = stage_insight_from_visits(
            mapping.stage_defs(stages[process.pk]),
            counted.get(process.pk, {}),
            today=today,
            open_outcome=Outcome.OPEN,
            no_decision_outcome=Outcome.NO_DECISION,
        )
        by_outcome = outcomes[process.pk]
        result.append(
            CategoryInsight(
                process=process,
                stages=insight,
                journeys_open=by_outcome.get(Outcome.OPEN, 0),
                journeys_closed={k: v for k, v in by_outcome.items() if k != Outcome.OPEN},
                motives=motives[process.pk],
            )
        )
    return result


def stage_choices(stages: Sequence[Stage]) -> list[tuple[int, str]]:
    return [(s.pk, f"{i + 1}. {s.name}") for i, s in enumerate(stages)]


def cached_frames(team: Team) -> dict[int, ProcessFrame]:
    """``team_frames`` computed once per change of the team's data (core/cache.py).

    The stage norms come from the whole stage-change history of every process (tens of
    thousands of rows at scale): recomputing them for each API page cost most of it.
    Any write (a stage change, a new process) is audited and so gives a new key."""
    from fasit.core.cache import team_cached

    return team_cached(team, "buying-frames", lambda: team_frames(team))
