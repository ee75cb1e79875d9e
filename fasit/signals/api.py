from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from fasit.conversations.models import Conversation
from fasit.core.api_utils import (
    MAX_INT,
    Id,
    ListQuery,
    error_detail,
    list_page,
    page_schema,
    require_shape,
    require_write,
    team_ref,
)
from fasit.customers.models import Person
from fasit.customers.schemas import ErrorOut
from fasit.signals import selectors, services
from fasit.signals.models import Notification, Proposal, Statement, Theme
from fasit.signals.schemas import (
    MarkedReadOut,
    NotificationsOut,
    ProposalAcceptIn,
    ProposalOut,
    StatementIn,
    StatementMoveIn,
    StatementOut,
    ThemeDetailOut,
    ThemeMergeIn,
    ThemeOut,
    ThemeRenameIn,
    ThemeSplitIn,
)
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
        # The account with it: the add reads it (team guard, corporate group, audit).
        conversation = get_for_team_or_404(
            Conversation.objects.select_related("account"), team, pk=payload.conversation_id
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


def _theme(request: HttpRequest, theme_id: int) -> Theme:
    return get_for_team_or_404(Theme.objects.select_related("team"), request.team, pk=theme_id)  # type: ignore[attr-defined]


def _theme_detail(theme: Theme) -> dict[str, Any]:
    theme.refresh_from_db()
    statements = list(selectors.theme_statements(theme))
    return {
        **_theme_out(theme, theme.level, theme.accounts, len(statements), theme.last_said_on),
        "evidence": statements,
    }


@router.patch("/themes/{theme_id}", response=ThemeDetailOut)
def rename_theme(request: HttpRequest, theme_id: Id, payload: ThemeRenameIn) -> Any:
    """Give the theme the team's own name (owners, members and the product role)."""
    theme = _theme(request, theme_id)
    require_shape(request)
    services.theme_rename(theme=theme, actor=request.user, name=payload.name)
    return _theme_detail(theme)


@router.post("/themes/{theme_id}/merge", response=ThemeDetailOut)
def merge_theme(request: HttpRequest, theme_id: Id, payload: ThemeMergeIn) -> Any:
    """Merge another theme into this one; Fasit learns that they say the same."""
    theme = _theme(request, theme_id)
    require_shape(request)
    other = team_ref(Theme.objects.all(), request.team, payload.other_id, "other_id")  # type: ignore[attr-defined]
    merged = services.theme_merge(into=theme, other=other, actor=request.user)
    return _theme_detail(merged)


@router.post("/themes/{theme_id}/split", response={201: ThemeDetailOut})
def split_theme(request: HttpRequest, theme_id: Id, payload: ThemeSplitIn) -> Status[Any]:
    """Move some of the theme's statements to a new theme; answers the new theme."""
    theme = _theme(request, theme_id)
    require_shape(request)
    statements = list(Statement.objects.filter(theme=theme, pk__in=payload.statement_ids))
    if len(statements) != len(set(payload.statement_ids)):
        raise ValidationError({"statement_ids": [_("Choose statements of this theme.")]})
    new = services.theme_split(theme=theme, actor=request.user, statements=statements)
    return Status(201, _theme_detail(new))


@router.post("/themes/{theme_id}/dismiss", response={200: ThemeDetailOut, 409: ErrorOut})
def dismiss_theme(request: HttpRequest, theme_id: Id) -> Any:
    """Not a market signal: off the board, its statements kept."""
    theme = _theme(request, theme_id)
    require_shape(request)
    try:
        services.theme_dismiss(theme=theme, actor=request.user)
    except KeyError:
        # The team's theme index does not know this theme (e.g. seeded outside the
        # services): a conflict with the stored grouping, which a regroup repairs.
        return Status(409, {"detail": "The theme grouping is out of step; regroup the team."})
    return _theme_detail(theme)


StatementPage = page_schema(StatementOut, "StatementPage")


STATEMENT_VALUES = (
    "id",
    "text",
    "question",
    "seller_summary",
    "language",
    "kind",
    "said_on",
    "account_id",
    "account__name",
    "person_id",
    "conversation_id",
    "weak",
    "theme_id",
)


def _statement_rows(statements: Any) -> list[dict[str, Any]]:
    rows = list(statements.values(*STATEMENT_VALUES))
    for row in rows:
        row["account"] = row.pop("account__name")
    return rows


@router.get("/statements", response=StatementPage)
def list_statements(
    request: HttpRequest,
    params: Query[ListQuery],
    theme_id: Id | None = None,
    account_id: Id | None = None,
    kind: str = "",
) -> Any:
    statements = Statement.objects.for_team(request.team)  # type: ignore[attr-defined]
    if theme_id is not None:
        statements = statements.filter(theme_id=theme_id)
    if account_id is not None:
        statements = statements.filter(account_id=account_id)
    if kind:
        statements = statements.filter(kind=kind)
    return list_page(request, statements, params, _statement_rows)


def _statement(request: HttpRequest, statement_id: int) -> Statement:
    return get_for_team_or_404(
        Statement.objects.select_related("account", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=statement_id,
    )


@router.get("/statements/{statement_id}", response=StatementOut)
def get_statement(request: HttpRequest, statement_id: Id) -> Any:
    return _statement(request, statement_id)


@router.patch("/statements/{statement_id}", response=StatementOut)
def move_statement(request: HttpRequest, statement_id: Id, payload: StatementMoveIn) -> Any:
    """Move the statement to another theme, or (``theme_id`` null) to a new one."""
    statement = _statement(request, statement_id)
    require_shape(request)
    theme = team_ref(Theme.objects.all(), request.team, payload.theme_id, "theme_id")  # type: ignore[attr-defined]
    services.statement_move(statement=statement, actor=request.user, theme=theme)
    return _statement(request, statement_id)


@router.delete("/statements/{statement_id}", response={204: None})
def delete_statement(request: HttpRequest, statement_id: Id) -> Status[None]:
    statement = _statement(request, statement_id)
    require_write(request)
    services.statement_delete(statement=statement, actor=request.user)
    return Status(204, None)


ProposalPage = page_schema(ProposalOut, "ProposalPage")

PROPOSAL_VALUES = (
    "id",
    "conversation_id",
    "conversation__account_id",
    "person_id",
    "text",
    "question",
    "seller_summary",
    "kind",
    "language",
    "source",
    "weak",
    "weak_reason",
    "status",
    "statement_id",
    "decided_at",
    "updated_at",
)


def _proposal_rows(proposals: Any) -> list[dict[str, Any]]:
    rows = list(proposals.values(*PROPOSAL_VALUES))
    for row in rows:
        row["account_id"] = row.pop("conversation__account_id")
    return rows


@router.get("/proposals", response=ProposalPage)
def list_proposals(
    request: HttpRequest,
    params: Query[ListQuery],
    status: str = Query("pending", pattern="^(pending|accepted|rejected|all)$"),  # noqa: B008
    conversation_id: Id | None = None,
    mine: bool = False,
) -> Any:
    """Statements Fasit proposed from notes and transcripts (``pending`` by default, as
    on the proposals page); ``mine``: from conversations the caller took part in."""
    proposals = Proposal.objects.for_team(request.team)  # type: ignore[attr-defined]
    if status != "all":
        proposals = proposals.filter(status=status)
    if conversation_id is not None:
        proposals = proposals.filter(conversation_id=conversation_id)
    if mine:
        proposals = proposals.filter(conversation__users=request.user)
    return list_page(request, proposals, params, _proposal_rows)


def _proposal(request: HttpRequest, proposal_id: int) -> Proposal:
    proposal = get_for_team_or_404(
        Proposal.objects.select_related("conversation", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=proposal_id,
    )
    require_write(request)
    if proposal.status != Proposal.Status.PENDING:
        raise HttpError(409, _("This proposal has already been decided."))
    return proposal


@router.post("/proposals/{proposal_id}/accept", response={201: StatementOut})
def accept_proposal(
    request: HttpRequest, proposal_id: Id, payload: ProposalAcceptIn
) -> Status[Any]:
    """Accept a pending proposal: it becomes a statement (and joins a theme). 409 when
    it was already accepted or rejected."""
    proposal = _proposal(request, proposal_id)
    statement = services.proposal_accept(
        proposal=proposal, actor=request.user, kind=payload.kind, text=payload.text
    )
    return Status(201, statement)


@router.post("/proposals/{proposal_id}/reject", response=ProposalOut)
def reject_proposal(request: HttpRequest, proposal_id: Id) -> Any:
    """Reject a pending proposal (409 when already decided)."""
    proposal = _proposal(request, proposal_id)
    services.proposal_reject(proposal=proposal, actor=request.user)
    return _proposal_rows(Proposal.objects.filter(pk=proposal.pk))[0]


class NotificationQuery(Schema):
    unread_only: bool = Field(False, description="Only those the calling user has not read")
    limit: int = Field(30, ge=1, le=500)
    offset: int = Field(0, ge=0, le=MAX_INT)


@router.get("/notifications", response=NotificationsOut)
def list_notifications(request: HttpRequest, params: Query[NotificationQuery]) -> Any:
    """The team's notifications (themes that reached alarm or confirmed), newest first,
    as on the notifications page; ``unread`` is for the calling user."""
    team, user = request.team, request.user  # type: ignore[attr-defined]
    notifications = selectors.notifications(team, user)
    unread_ids = set(
        Notification.objects.for_team(team).unread_by(user).values_list("pk", flat=True)
    )
    if params.unread_only:
        notifications = notifications.filter(pk__in=unread_ids)
    page = notifications[params.offset : params.offset + params.limit]
    return {
        "count": notifications.count(),
        "unread": len(unread_ids),
        "items": [
            {
                "id": n.pk,
                "theme_id": n.theme_id,
                "level": n.level,
                "text": n.message(),
                "unread": n.pk in unread_ids,
                "created_at": n.created_at,
            }
            for n in page
        ],
    }


@router.post("/notifications/read", response=MarkedReadOut, url_name="signals_notifications_read")
def mark_notifications_read(request: HttpRequest) -> Any:
    """Mark every notification read for the calling user (the page's button). The one
    write a viewer or a read token may make: it changes only the caller's own read
    marks, as on the page (``core.api_utils.OWN_STATE_WRITES``)."""
    marked = services.notifications_mark_read(team=request.team, user=request.user)  # type: ignore[attr-defined]
    return {"marked": marked}
