from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from fasit.buying import selectors, services
from fasit.buying.models import BuyingGroupMember, BuyingProcess, Journey, Motive, Stage
from fasit.buying.schemas import (
    CategoryInsightOut,
    ErrorOut,
    GapSummaryOut,
    JourneyIn,
    JourneyOut,
    JourneyPatch,
    MemberIn,
    MemberOut,
    MotiveIn,
    MotiveOut,
    OutcomeIn,
    ProcessIn,
    ProcessOut,
    ProcessPatch,
    ProcessRow,
    StageChangeIn,
    StageChangeOut,
    StageIn,
    StageMoveIn,
    StagePatch,
    SuggestionOut,
)
from fasit.buying.selectors import Assessment
from fasit.conversations.models import Conversation
from fasit.core import tallies
from fasit.core.api_utils import (
    HistoryPage,
    Id,
    ListQuery,
    Where,
    error_detail,
    history_list,
    list_page,
    page_schema,
    patch_data,
    require_shape,
    require_write,
    team_ref,
)
from fasit.core.cache import team_cached
from fasit.customers.models import Account, CustomerCategory, Person
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.models import Team
from fasit.tenancy.selectors import read_version

router = Router(tags=["buying"])


def journey_out(a: Assessment) -> dict[str, Any]:
    j = a.journey
    return {
        "id": j.pk,
        "account_id": j.account_id,
        "account": j.account.name,
        "title": j.title,
        "category": j.process.category.name if j.process.category_id else None,
        "stage_id": j.stage_id,
        "stage": a.stage.name,
        "stage_index": a.stage_index,
        "stages_total": a.stages_total,
        "days_in_stage": a.days_in_stage,
        "outcome": j.outcome,
        "value": j.value,
        "currency": j.currency,
        "seller_probability": j.forecast_probability,
        "seller_close": j.forecast_close,
        "seller_value": j.forecast_value,
        "status_quo_risk": a.risk.level if a.risk else None,
        "risk_reasons": a.risk_reasons,
        "reality_gap": bool(a.gap and a.gap.flagged),
        "gap_reasons": a.gap_reasons,
        "updated_at": j.updated_at,
    }


def _journeys() -> Any:
    return Journey.objects.select_related("account", "process__category", "stage")


JourneyPage = page_schema(JourneyOut, "JourneyPage")


def _assessed_rows(
    request: HttpRequest, team: Team, frames: dict[int, selectors.ProcessFrame] | None = None
) -> tuple[
    Callable[[QuerySet[Journey]], list[dict[str, Any]]],
    Callable[[list[int]], list[dict[str, Any]]],
]:
    """The page's journeys assessed (risk, reality gap) as plain rows: only the page,
    with the team's process frames computed once per change of its data.

    The assessed rows of a page are cached too, per team data version, day and
    language (core/cache.py), keyed by the page's journey ids: assessing 50 journeys
    (their members, motives and decision makers' last contacts) cost about 10 ms of
    CPU a request, and nothing it reads changes without an audited write or a new day.
    """

    def assess_page(ids: list[int]) -> list[dict[str, Any]]:
        journeys = {
            j.pk: j
            for j in Journey.objects.filter(pk__in=ids).select_related(
                "account", "process__category", "stage"
            )
        }
        ordered = [journeys[pk] for pk in ids if pk in journeys]
        assessed = selectors.assess(team, ordered, frames=frames or selectors.cached_frames(team))
        return [journey_out(a) for a in assessed]

    def rows_for(ids: list[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        name = "api-journey-rows:" + hashlib.sha256(repr(ids).encode()).hexdigest()[:32]
        return team_cached(team, name, lambda: assess_page(ids), version=read_version(request))

    def rows(page: QuerySet[Journey]) -> list[dict[str, Any]]:
        return rows_for(list(page.values_list("id", flat=True)))

    return rows, rows_for


@dataclass(frozen=True)
class _JourneyIds:
    """The page's journey ids by one fixed statement (the team's journeys, of one
    outcome or all), then their assessed rows from the cache: for the request without
    a filter, as core.api_utils.PlainPage does for the other lists (building the ids'
    query through the ORM was a third of the request)."""

    outcome: str
    rows_for: Callable[[list[int]], list[dict[str, Any]]]

    def _conditions(self, team: Team, where: Where | None) -> tuple[list[str], list[Any]]:
        conditions, args = (where or Where(())).sql(team)
        if self.outcome != "all":
            conditions.append("x.outcome = %s")
            args.append(self.outcome)
        return conditions, args

    def statement(
        self, team: Team, params: ListQuery, where: Where | None = None
    ) -> tuple[str, list[Any]]:
        descending = params.order == "-id"
        conditions, args = self._conditions(team, where)
        if params.after is not None:
            conditions.append("x.id < %s" if descending else "x.id > %s")
            args.append(params.after)
        offset = 0 if params.after is not None else params.offset
        sql = (
            f"SELECT x.id FROM {Journey._meta.db_table} x WHERE {' AND '.join(conditions)}"  # noqa: S608
            f" ORDER BY x.id {'DESC' if descending else 'ASC'} LIMIT %s OFFSET %s"
        )
        return sql, [*args, params.limit, offset]

    def count(self, team: Team, where: Where | None = None) -> int:
        if where is None:
            # The team's tally of the outcome (or of all), not a count (core/tallies.py).
            return tallies.total(team, "journeys", None if self.outcome == "all" else self.outcome)
        conditions, args = self._conditions(team, where)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {Journey._meta.db_table} x"  # noqa: S608
                f" WHERE {' AND '.join(conditions)}",
                args,
            )
            return int(cursor.fetchone()[0])

    def page(
        self, team: Team, params: ListQuery, where: Where | None = None
    ) -> list[dict[str, Any]]:
        sql, args = self.statement(team, params, where)
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return self.rows_for([row[0] for row in cursor.fetchall()])


@router.get("/journeys", response=JourneyPage)
def list_journeys(
    request: HttpRequest,
    params: Query[ListQuery],
    outcome: str = Query(  # noqa: B008
        "open",
        pattern="^(open|bought|elsewhere|no_decision|all)$",
        description="open (default), bought, elsewhere, no_decision or all",
    ),
    account_id: Id | None = None,
    gaps_only: bool = False,
    risk: str | None = Query(None, pattern="^(low|medium|high)$"),  # noqa: B008
) -> Any:
    """The team's journeys (open ones unless ``outcome`` says otherwise), each assessed
    for status-quo risk and reality gap. ``gaps_only`` and ``risk`` judge every open
    journey from plain rows first; only the page is assessed in full."""
    team = request.team  # type: ignore[attr-defined]
    if not gaps_only and not risk:
        rows, rows_for = _assessed_rows(request, team)

        def team_journeys() -> QuerySet[Journey]:
            found = Journey.objects.for_team(team)
            if account_id is not None:
                found = found.filter(account_id=account_id)
            return found if outcome == "all" else found.filter(outcome=outcome)

        # The queryset is built only if the total is not cached (core.api_utils); the
        # page's ids are read by a fixed statement (an account's by its own index).
        where = Where.of(("x.account_id = %s", account_id), own_index=True)
        return list_page(
            request,
            team_journeys,
            params,
            rows,
            plain=_JourneyIds(outcome, rows_for),
            where=where,
            keep_body=True,
        )
    journeys = Journey.objects.for_team(team)
    if outcome != "all":
        journeys = journeys.filter(outcome=outcome)
    if account_id is not None:
        journeys = journeys.filter(account_id=account_id)
    frames = None
    if gaps_only or risk:
        frames = selectors.cached_frames(team)
        keep: set[int] | None = None
        if gaps_only:
            keep = set(selectors.gap_summary(team, frames=frames).ids)
        if risk:
            at_risk = set(selectors.risk_ids(team, journeys, risk, frames=frames))
            keep = at_risk if keep is None else keep & at_risk
        # An empty id list cannot be written as SQL (the count's cache key needs it):
        # no journey has a null id, so the filter keeps nothing.
        journeys = journeys.filter(pk__in=sorted(keep)) if keep else journeys.filter(pk=None)
    return list_page(
        request, journeys, params, _assessed_rows(request, team, frames)[0], keep_body=True
    )


@router.get("/journeys/{journey_id}", response=JourneyOut)
def get_journey(request: HttpRequest, journey_id: Id) -> dict[str, Any]:
    journey = get_for_team_or_404(_journeys(), request.team, pk=journey_id)  # type: ignore[attr-defined]
    return journey_out(selectors.assess_one(journey))


@router.post("/journeys/{journey_id}/stage", response={200: JourneyOut, 400: ErrorOut})
def change_journey_stage(
    request: HttpRequest, journey_id: Id, payload: StageChangeIn
) -> Status[Any]:
    team = request.team  # type: ignore[attr-defined]
    journey = get_for_team_or_404(_journeys(), team, pk=journey_id)
    require_write(request)
    try:
        stage = get_for_team_or_404(Stage.objects.all(), team, pk=payload.stage_id)
        conversation = (
            get_for_team_or_404(Conversation.objects.all(), team, pk=payload.conversation_id)
            if payload.conversation_id
            else None
        )
    except Http404:
        return Status(
            400, ErrorOut(detail={"stage_id/conversation_id": ["No such record in your team."]})
        )
    try:
        services.journey_change_stage(
            journey=journey,
            actor=request.user,
            stage=stage,
            changed_on=payload.changed_on,
            conversation=conversation,
            note=payload.note,
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    journey.refresh_from_db()
    return Status(200, journey_out(selectors.assess_one(journey)))


@router.get("/processes/{process_id}", response=ProcessOut)
def get_process(request: HttpRequest, process_id: Id) -> dict[str, Any]:
    process = get_for_team_or_404(
        BuyingProcess.objects.select_related("category"),
        request.team,  # type: ignore[attr-defined]
        pk=process_id,
    )
    return {
        "id": process.pk,
        "name": process.name,
        "category": process.category.name if process.category_id else None,
        "description": process.description,
        "stages": [
            {
                "id": s.pk,
                "order": s.order,
                "name": s.name,
                "questions": s.question_list,
                "signs": s.sign_list,
                "sign_keywords": s.sign_keywords,
                "buying_support": s.buying_support,
                "selling_support": s.selling_support,
                "typical_days": s.typical_days,
            }
            for s in selectors.process_stages(process)
        ],
    }


# -- the whole model: journeys, buying group, motives, processes and stages --------


def _journey(request: HttpRequest, journey_id: int) -> Journey:
    return get_for_team_or_404(_journeys().select_related("team"), request.team, pk=journey_id)  # type: ignore[attr-defined]


def _assessed(journey: Journey) -> dict[str, Any]:
    journey = _journeys().get(pk=journey.pk)
    return journey_out(selectors.assess_one(journey))


@router.post("/journeys", response={201: JourneyOut})
def create_journey(request: HttpRequest, payload: JourneyIn) -> Status[Any]:
    """A new buying journey for an account, in the process of the account's category."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    account = team_ref(Account.objects.all(), team, data.pop("account_id"), "account_id")
    data["stage"] = team_ref(Stage.objects.all(), team, data.pop("stage_id"), "stage_id")
    journey = services.journey_create(team=team, actor=request.user, account=account, **data)
    return Status(201, _assessed(journey))


@router.patch("/journeys/{journey_id}", response=JourneyOut)
def update_journey(request: HttpRequest, journey_id: Id, payload: JourneyPatch) -> Any:
    journey = _journey(request, journey_id)
    require_write(request)
    data = patch_data(
        payload, frozenset({"value", "forecast_probability", "forecast_close", "forecast_value"})
    )
    services.journey_update(journey=journey, actor=request.user, data=data)
    return _assessed(journey)


@router.post("/journeys/{journey_id}/outcome", response=JourneyOut)
def set_journey_outcome(request: HttpRequest, journey_id: Id, payload: OutcomeIn) -> Any:
    journey = _journey(request, journey_id)
    require_write(request)
    services.journey_set_outcome(
        journey=journey, actor=request.user, outcome=payload.outcome, closed_on=payload.closed_on
    )
    return _assessed(journey)


@router.delete("/journeys/{journey_id}", response={204: None})
def delete_journey(request: HttpRequest, journey_id: Id) -> Status[None]:
    journey = _journey(request, journey_id)
    require_write(request)
    services.journey_delete(journey=journey, actor=request.user)
    return Status(204, None)


@router.get("/journeys/{journey_id}/history", response=HistoryPage)
def journey_history(request: HttpRequest, journey_id: Id, params: Query[ListQuery]) -> Any:
    """Every audited change of the journey and of the rows kept with it (stage changes,
    buying group, motives, dismissed suggestions), also of rows since deleted, with who
    and when (``order=-id`` for newest first)."""
    return history_list(request, _journey(request, journey_id), params)


@router.get("/journeys/{journey_id}/stage-changes", response=list[StageChangeOut])
def list_stage_changes(request: HttpRequest, journey_id: Id) -> Any:
    """The journey's history: each move with its evidence, oldest first."""
    journey = _journey(request, journey_id)
    return [
        {
            "id": c.pk,
            "from_stage": c.from_name,
            "to_stage": c.to_name,
            "to_stage_id": c.to_stage_id,
            "changed_on": c.changed_on,
            "conversation_id": c.conversation_id,
            "note": c.note,
        }
        for c in journey.stage_changes.order_by("changed_on", "id")
    ]


def _member_out(member: BuyingGroupMember) -> dict[str, Any]:
    return {
        "person_id": member.person_id,
        "person": member.person.name,
        "role": member.role,
        "stance": member.stance,
        "note": member.note,
    }


@router.get("/journeys/{journey_id}/members", response=list[MemberOut])
def list_members(request: HttpRequest, journey_id: Id) -> Any:
    """The buying group."""
    journey = _journey(request, journey_id)
    return [_member_out(m) for m in journey.members.select_related("person").order_by("id")]


@router.put("/journeys/{journey_id}/members/{person_id}", response=MemberOut)
def set_member(request: HttpRequest, journey_id: Id, person_id: Id, payload: MemberIn) -> Any:
    """Add a person to the buying group, or change their role, stance or note."""
    journey = _journey(request, journey_id)
    require_write(request)
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=person_id)  # type: ignore[attr-defined]
    member = services.member_set(
        journey=journey, actor=request.user, person=person, **payload.dict()
    )
    return _member_out(member)


@router.delete("/journeys/{journey_id}/members/{person_id}", response={204: None})
def remove_member(request: HttpRequest, journey_id: Id, person_id: Id) -> Status[None]:
    journey = _journey(request, journey_id)
    require_write(request)
    member = get_for_team_or_404(
        BuyingGroupMember.objects.filter(journey=journey),
        request.team,
        person_id=person_id,  # type: ignore[attr-defined]
    )
    services.member_remove(member=member, actor=request.user)
    return Status(204, None)


MOTIVE_VALUES = ("id", "text", "person_id", "theme", "pulls", "conversation_id")


@router.get("/journeys/{journey_id}/motives", response=list[MotiveOut])
def list_motives(request: HttpRequest, journey_id: Id) -> Any:
    """The customer's own buying motives, in their words."""
    journey = _journey(request, journey_id)
    return list(journey.motives.order_by("id").values(*MOTIVE_VALUES))


@router.post("/journeys/{journey_id}/motives", response={201: MotiveOut})
def add_motive(request: HttpRequest, journey_id: Id, payload: MotiveIn) -> Status[Any]:
    journey = _journey(request, journey_id)
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    data["person"] = team_ref(Person.objects.all(), team, data.pop("person_id"), "person_id")
    data["conversation"] = team_ref(
        Conversation.objects.all(), team, data.pop("conversation_id"), "conversation_id"
    )
    motive = services.motive_add(journey=journey, actor=request.user, **data)
    return Status(201, Motive.objects.filter(pk=motive.pk).values(*MOTIVE_VALUES).get())


@router.delete("/journeys/{journey_id}/motives/{motive_id}", response={204: None})
def remove_motive(request: HttpRequest, journey_id: Id, motive_id: Id) -> Status[None]:
    journey = _journey(request, journey_id)
    require_write(request)
    motive = get_for_team_or_404(
        Motive.objects.filter(journey=journey),
        request.team,
        pk=motive_id,  # type: ignore[attr-defined]
    )
    services.motive_remove(motive=motive, actor=request.user)
    return Status(204, None)


@router.get("/processes", response=list[ProcessRow])
def list_processes(request: HttpRequest) -> Any:
    """The team's buying processes, one per customer category (and a default)."""
    return list(
        BuyingProcess.objects.for_team(request.team)  # type: ignore[attr-defined]
        .order_by("id")
        .values("id", "name", "category_id", "description")
    )


def _process(request: HttpRequest, process_id: int) -> BuyingProcess:
    return get_for_team_or_404(
        BuyingProcess.objects.select_related("team", "category"),
        request.team,
        pk=process_id,  # type: ignore[attr-defined]
    )


@router.post("/processes", response={201: ProcessOut})
def create_process(request: HttpRequest, payload: ProcessIn) -> Status[Any]:
    """A process for a customer category, with the default stages or a copy of
    another process's (owners, members and the product role)."""
    require_shape(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    data["category"] = team_ref(
        CustomerCategory.objects.all(), team, data.pop("category_id"), "category_id"
    )
    data["copy_from"] = team_ref(
        BuyingProcess.objects.all(), team, data.pop("copy_from_id"), "copy_from_id"
    )
    process = services.process_create(team=team, actor=request.user, **data)
    return Status(201, get_process(request, process.pk))


@router.patch("/processes/{process_id}", response=ProcessOut)
def update_process(request: HttpRequest, process_id: Id, payload: ProcessPatch) -> Any:
    process = _process(request, process_id)
    require_shape(request)
    services.process_update(process=process, actor=request.user, data=patch_data(payload))
    return get_process(request, process.pk)


@router.post("/processes/{process_id}/stages", response={201: ProcessOut})
def add_stage(request: HttpRequest, process_id: Id, payload: StageIn) -> Status[Any]:
    process = _process(request, process_id)
    require_shape(request)
    services.stage_add(process=process, actor=request.user, **payload.dict())
    return Status(201, get_process(request, process.pk))


def _stage(request: HttpRequest, stage_id: int) -> Stage:
    return get_for_team_or_404(
        Stage.objects.select_related("process__team"),
        request.team,
        pk=stage_id,  # type: ignore[attr-defined]
    )


@router.patch("/stages/{stage_id}", response=ProcessOut)
def update_stage(request: HttpRequest, stage_id: Id, payload: StagePatch) -> Any:
    """Change a stage: its name, the buyer's questions, the signs that the buyer has
    moved on (one per line), the support for buyer and seller, typical days."""
    stage = _stage(request, stage_id)
    require_shape(request)
    services.stage_update(stage=stage, actor=request.user, data=patch_data(payload))
    return get_process(request, stage.process_id)


@router.post("/stages/{stage_id}/move", response=ProcessOut)
def move_stage(request: HttpRequest, stage_id: Id, payload: StageMoveIn) -> Any:
    stage = _stage(request, stage_id)
    require_shape(request)
    services.stage_move(stage=stage, actor=request.user, direction=payload.direction)
    return get_process(request, stage.process_id)


@router.delete("/stages/{stage_id}", response={204: None})
def remove_stage(request: HttpRequest, stage_id: Id) -> Status[None]:
    stage = _stage(request, stage_id)
    require_shape(request)
    services.stage_remove(stage=stage, actor=request.user)
    return Status(204, None)


@router.get("/journeys/{journey_id}/suggestions", response=list[SuggestionOut])
def list_suggestions(request: HttpRequest, journey_id: Id) -> Any:
    """Stage changes Fasit reads in the account's conversations since the journey
    entered its stage (newest first), as on the journey page."""
    journey = _journey(request, journey_id)
    return [
        {
            "conversation_id": s.conversation.pk,
            "occurred_at": s.conversation.occurred_at,
            "subject": s.conversation.subject,
            "stage_id": s.stage.pk,
            "stage": s.stage.name,
            "matched": list(s.matched),
        }
        for s in selectors.journey_suggestions(journey)
    ]


def _suggested(request: HttpRequest, journey_id: int, conversation_id: int) -> Any:
    journey = _journey(request, journey_id)
    conversation = get_for_team_or_404(
        Conversation.objects.all(),
        request.team,  # type: ignore[attr-defined]
        pk=conversation_id,
    )
    require_write(request)
    return journey, conversation


@router.post(
    "/journeys/{journey_id}/suggestions/{conversation_id}/accept", response={201: StageChangeOut}
)
def accept_suggestion(request: HttpRequest, journey_id: Id, conversation_id: Id) -> Status[Any]:
    """Accept the suggestion: a stage change with the conversation as its evidence. 409
    when there is no such suggestion (any more)."""
    journey, conversation = _suggested(request, journey_id, conversation_id)
    if not any(
        s.conversation.pk == conversation.pk for s in selectors.journey_suggestions(journey)
    ):
        raise HttpError(409, _("There is no stage suggestion for this conversation any more."))
    change = services.suggestion_accept(
        journey=journey, actor=request.user, conversation=conversation
    )
    return Status(
        201,
        {
            "id": change.pk,
            "from_stage": change.from_name,
            "to_stage": change.to_name,
            "to_stage_id": change.to_stage_id,
            "changed_on": change.changed_on,
            "conversation_id": change.conversation_id,
            "note": change.note,
        },
    )


@router.post("/journeys/{journey_id}/suggestions/{conversation_id}/dismiss", response={204: None})
def dismiss_suggestion(request: HttpRequest, journey_id: Id, conversation_id: Id) -> Status[None]:
    """This conversation is not evidence of a stage change: it is suggested no more."""
    journey, conversation = _suggested(request, journey_id, conversation_id)
    services.suggestion_dismiss(journey=journey, actor=request.user, conversation=conversation)
    return Status(204, None)


@router.get("/insight", response=list[CategoryInsightOut])
def buying_insight(request: HttpRequest) -> Any:
    """The buying insight page, per buying process (category): how buyers fare in
    each stage, where they stall, the outcomes and the motives they give."""
    team = request.team  # type: ignore[attr-defined]
    out = []
    for insight in selectors.team_insight(team):
        process = insight.process
        stall = insight.stall_stage
        out.append(
            {
                "process_id": process.pk,
                "process": process.name,
                "journeys_open": insight.journeys_open,
                "journeys_closed": insight.journeys_closed,
                "stall_stage": stall.stage if stall is not None else None,
                "stages": [
                    {
                        "stage": s.stage,
                        "name": s.name,
                        "entered": s.entered,
                        "moved_on": s.moved_on,
                        "move_on_rate": s.move_on_rate,
                        "here_now": s.here_now,
                        "stalled_now": s.stalled_now,
                        "ended_here": s.ended_here,
                        "median_days": s.norm.median_days,
                        "norm_from_history": s.norm.from_history,
                    }
                    for s in insight.stages
                ],
                "motives": [
                    {
                        "theme": m.theme,
                        "label": m.label,
                        "motives": m.motives,
                        "accounts": m.accounts,
                        "examples": list(m.examples),
                    }
                    for m in insight.motives
                ],
            }
        )
    return out


@router.get("/gaps", response=GapSummaryOut)
def reality_gaps(request: HttpRequest) -> Any:
    """The reality gap page's totals: open journeys whose forecast runs ahead of the
    buyer, the value at stake per currency, and their ids (read each with
    ``/journeys/{id}`` or list them with ``/journeys?gaps_only=true``)."""
    summary = selectors.gap_summary(request.team, frames=selectors.cached_frames(request.team))  # type: ignore[attr-defined]
    return {
        "count": len(summary),
        "totals": [{"currency": c, "amount": str(a)} for c, a in summary.totals],
        "journey_ids": summary.ids,
    }
