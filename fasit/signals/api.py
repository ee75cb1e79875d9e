from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status

from fasit.conversations.models import Conversation
from fasit.core.api_utils import Id, error_detail, require_write
from fasit.customers.models import Person
from fasit.customers.schemas import ErrorOut
from fasit.signals import selectors, services
from fasit.signals.models import Theme
from fasit.signals.schemas import StatementIn, StatementOut, ThemeDetailOut, ThemeOut
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["signals"])


def _theme_out(
    theme: Theme, level: str, accounts: int, statements: int, last: Any
) -> dict[str, Any]:
    return {
        "id": theme.pk,
        "name": theme.name,
        "label": theme.label,
        "labels": theme.labels,
        "level": level,
        "accounts": accounts,
        "statements": statements,
        "last_said_on": last,
        "dismissed": theme.dismissed,
    }


@router.get("/themes", response=list[ThemeOut])
def list_themes(request: HttpRequest, level: str = "", country: str = "", kind: str = "") -> Any:
    items = selectors.board(request.team, level=level, country=country, kind=kind)  # type: ignore[attr-defined]
    return [_theme_out(i.theme, i.level, i.accounts, i.statements, i.last_said_on) for i in items]


@router.get("/themes/{theme_id}", response=ThemeDetailOut)
def get_theme(request: HttpRequest, theme_id: Id) -> Any:
    theme = get_for_team_or_404(Theme.objects.all(), request.team, pk=theme_id)  # type: ignore[attr-defined]
    statements = list(selectors.theme_statements(theme))
    return {
        **_theme_out(theme, theme.level, theme.accounts, len(statements), theme.last_said_on),
        "evidence": statements,
    }


@router.post("/statements", response={201: StatementOut, 400: ErrorOut})
def create_statement(request: HttpRequest, payload: StatementIn) -> Status[Any]:
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    try:
        conversation = get_for_team_or_404(
            Conversation.objects.all(), team, pk=payload.conversation_id
        )
        person = (
            get_for_team_or_404(Person.objects.all(), team, pk=payload.person_id)
            if payload.person_id
            else None
        )
    except Http404:
        return Status(
            400, ErrorOut(detail={"conversation_id/person_id": ["No such record in your team."]})
        )
    try:
        statement = services.statement_create(
            team=team,
            actor=request.user,
            conversation=conversation,
            text=payload.text,
            kind=payload.kind,
            person=person,
            question=payload.question,
            seller_summary=payload.seller_summary,
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    return Status(201, statement)
