from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

EventName = Literal[
    "conversation.logged",
    "theme.level_raised",
    "account.went_dark",
    "journey.stage_changed",
    "person.created",
    "person.erased",
]


class EndpointOut(Schema):
    """A webhook endpoint; ``secret`` signs every delivery (owners copy it to the
    receiver, as on the settings page)."""

    id: int
    url: str
    events: list[str]
    secret: str
    active: bool
    failing_since: dt.datetime | None
    disabled_at: dt.datetime | None
    created_at: dt.datetime


class EndpointIn(Schema):
    url: str = Field(..., min_length=8, max_length=500, description="A public https:// address")
    events: list[EventName] = Field(..., min_length=1, max_length=6)


class DeliveryOut(Schema):
    id: int
    uid: str
    event: str
    status: str
    attempts: int
    response_status: int | None
    error: str
    next_attempt_at: dt.datetime | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None
