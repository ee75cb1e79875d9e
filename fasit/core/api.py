"""What was deleted, for a copy kept in step with ``updated_since``: every delete goes
through a service that writes an audit record, so the audit trail is the tombstone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from fasit.core.api_utils import ListQuery, list_page, page_schema
from fasit.core.home import home_cards
from fasit.core.models import AuditEvent

router = Router(tags=["sync"])


class DeletedOut(Schema):
    id: int
    type: str
    object_id: str
    deleted_at: dt.datetime


DeletedPage = page_schema(DeletedOut, "DeletedPage")


def _rows(events: QuerySet[AuditEvent]) -> list[dict[str, Any]]:
    return [
        {
            "id": e["id"],
            "type": e["object_type"],
            "object_id": e["object_id"],
            "deleted_at": e["at"],
        }
        for e in events.values("id", "object_type", "object_id", "at")
    ]


@router.get("/deleted", response=DeletedPage)
def list_deleted(request: HttpRequest, params: Query[ListQuery], type: str = "") -> Any:
    """Records deleted from the team (``type`` e.g. ``customers.account``,
    ``customers.person``, ``conversations.conversation``). With ``updated_since``: the
    ones deleted since then. ``id`` is the deletion's own id (for ``after``)."""
    events = AuditEvent.objects.for_team(request.team).filter(action=AuditEvent.Action.DELETE)  # type: ignore[attr-defined]
    if type:
        events = events.filter(object_type=type)
    return list_page(request, events, params, _rows, updated_field="at")


home_router = Router(tags=["home"])


class HomeKeyAccountOut(Schema):
    id: int
    name: str
    people: int
    last_conversation_at: dt.datetime | None


class HomeFollowUpOut(Schema):
    id: int
    task: str
    due_date: dt.date | None
    conversation_id: int
    account_id: int | None
    account: str | None


class HomeConversationOut(Schema):
    id: int
    title: str
    kind: str
    account_id: int | None
    occurred_at: dt.datetime


class HomeOut(Schema):
    key_accounts_mine: bool = Field(description="The caller's own key accounts, else the team's")
    key_accounts: list[HomeKeyAccountOut]
    follow_ups: list[HomeFollowUpOut] = Field(description="The caller's open follow-ups")
    follow_ups_more: int = Field(description="How many more open follow-ups the list has")
    recent: list[HomeConversationOut]


@home_router.get("", response=HomeOut)
def home(request: HttpRequest) -> Any:
    """The home page's cards: key accounts (the caller's, or the team's when they own
    none), the caller's open follow-ups and the team's latest conversations. Going
    dark and coming dates are ``/relationships/being-on`` and ``/relationships/dates``."""
    cards = home_cards(request.team, request.user)  # type: ignore[attr-defined]
    return {
        "key_accounts_mine": cards["key_accounts_mine"],
        "key_accounts": [
            {
                "id": a.pk,
                "name": a.name,
                "people": a.people_count,
                "last_conversation_at": a.last_conversation_at,
            }
            for a in cards["key_accounts"]
        ],
        "follow_ups": [
            {
                "id": f.pk,
                "task": f.task,
                "due_date": f.due_date,
                "conversation_id": f.conversation_id,
                "account_id": f.conversation.account_id,
                "account": f.conversation.account.name if f.conversation.account_id else None,
            }
            for f in cards["follow_ups"]
        ],
        "follow_ups_more": cards["follow_ups_more"],
        "recent": [
            {
                "id": c.pk,
                "title": c.title,
                "kind": c.kind,
                "account_id": c.account_id,
                "occurred_at": c.occurred_at,
            }
            for c in cards["recent"]
        ],
    }
