"""What was deleted, for a copy kept in step with ``updated_since``: every delete goes
through a service that writes an audit record, so the audit trail is the tombstone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema

from fasit.core.api_utils import ListQuery, list_page, page_schema
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
