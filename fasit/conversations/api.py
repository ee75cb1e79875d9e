from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from fasit.conversations import selectors, services
from fasit.conversations.models import Conversation
from fasit.conversations.schemas import ConversationIn, ConversationOut, ListeningOut
from fasit.core.api_utils import error_detail, require_write
from fasit.customers.models import Account, Person
from fasit.customers.schemas import ErrorOut
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["conversations"])


@router.get("", response=list[ConversationOut])
@paginate(LimitOffsetPagination)
def list_conversations(request: HttpRequest, q: str = "", account_id: int | None = None) -> Any:
    team = request.team  # type: ignore[attr-defined]
    account = (
        get_for_team_or_404(Account.objects.all(), team, pk=account_id) if account_id else None
    )
    return selectors.conversation_list(team, q=q, account=account).prefetch_related("follow_ups")


@router.get("/{conversation_id}", response=ConversationOut)
def get_conversation(request: HttpRequest, conversation_id: int) -> Conversation:
    return get_for_team_or_404(
        Conversation.objects.select_related("account"), request.team, pk=conversation_id
    )  # type: ignore[attr-defined]


@router.get("/{conversation_id}/listening", response=ListeningOut)
def get_conversation_listening(request: HttpRequest, conversation_id: int) -> Any:
    """The listening analysis of the conversation's transcript; 404 without one."""
    conversation = get_for_team_or_404(
        Conversation.objects.all(),
        request.team,  # type: ignore[attr-defined]
        pk=conversation_id,
    )
    analysis = selectors.conversation_listening(conversation)
    if analysis is None:
        raise Http404
    return analysis


@router.post("", response={201: ConversationOut, 400: ErrorOut})
def log_conversation(request: HttpRequest, payload: ConversationIn) -> Status[Any]:
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    try:
        account = get_for_team_or_404(Account.objects.all(), team, pk=data.pop("account_id"))
    except Http404:
        return Status(400, ErrorOut(detail={"account_id": ["No such account in your team."]}))
    person_ids = data.pop("people")
    people = list(Person.objects.for_team(team).filter(pk__in=person_ids))
    if len(people) != len(set(person_ids)):
        return Status(400, ErrorOut(detail={"people": ["No such person in your team."]}))
    try:
        conversation = services.conversation_log(
            team=team, actor=request.user, account=account, people=people, **data
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    return Status(201, conversation)
