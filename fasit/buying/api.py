from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from fasit.buying import selectors, services
from fasit.buying.models import BuyingProcess, Journey, Stage
from fasit.buying.schemas import ErrorOut, JourneyOut, ProcessOut, StageChangeIn
from fasit.buying.selectors import Assessment
from fasit.conversations.models import Conversation
from fasit.core.api_utils import BoundedLimitOffset, Id, error_detail, require_write
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.models import Team

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
    }


def _journeys() -> Any:
    return Journey.objects.select_related("account", "process__category", "stage")


class AssessedPages:
    """Journeys (a queryset, or ids in list order) that are assessed one page at a
    time: ``LimitOffsetPagination`` counts them with ``len`` and takes one slice."""

    def __init__(
        self,
        team: Team,
        journeys: QuerySet[Journey] | list[int],
        frames: dict[int, selectors.ProcessFrame] | None = None,
    ) -> None:
        self.team = team
        self.journeys = journeys
        self.frames = frames

    def __len__(self) -> int:
        return len(self.journeys) if isinstance(self.journeys, list) else self.journeys.count()

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        if isinstance(self.journeys, list):
            assessments = selectors.assess_ids(self.team, self.journeys[page], frames=self.frames)
        else:
            assessments = selectors.assess(self.team, self.journeys[page], frames=self.frames)
        return [journey_out(a) for a in assessments]


@router.get("/journeys", response=list[JourneyOut])
@paginate(BoundedLimitOffset)
def list_journeys(
    request: HttpRequest,
    gaps_only: bool = False,
    risk: str | None = Query(None, pattern="^(low|medium|high)$"),  # noqa: B008
) -> Any:
    """Open journeys, a page at a time. Only the page is assessed, except that the
    ``gaps_only`` and ``risk`` filters first judge every open journey from plain rows."""
    team = request.team  # type: ignore[attr-defined]
    if team is None:
        return []
    journeys = selectors.journey_list(team)
    if not (gaps_only or risk):
        return AssessedPages(team, journeys)
    frames = selectors.team_frames(team)
    ids = selectors.gap_summary(team, frames=frames).ids if gaps_only else None
    if risk:
        at_risk = selectors.risk_ids(team, journeys, risk, frames=frames)
        if ids is None:
            ids = at_risk
        else:
            keep = set(at_risk)
            ids = [pk for pk in ids if pk in keep]
    return AssessedPages(team, ids or [], frames)


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
