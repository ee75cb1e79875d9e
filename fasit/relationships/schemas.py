from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema


class BeingOnOut(Schema):
    id: int
    name: str
    tier: str
    health: int
    trend: str
    going_dark: bool
    days_since_our_contact: int | None
    norm_days: int
    people_on_record: int
    people_in_contact: int
    people_still_reaching_out: int
    revenue: float | None
    currency: str
    revenue_at_risk: float | None
    next_step: str


class AccountHealthOut(BeingOnOut):
    alerts: list[str]
    knowledge_score: int
    components: dict[str, float]


class DateOut(Schema):
    person: str
    person_id: int
    account: str | None
    kind: str
    label: str
    date: str
    days_until: int
    years: int | None


class PersonKnowledgeOut(Schema):
    person_id: int
    score: int
    missing: list[str]
    stale: list[str]
    gaps: list[str]
    health: int
    trend: str
    norm_days: int
    days_since_our_contact: int | None


class NormOut(Schema):
    tier: str
    days: int


class DaysIn(Schema):
    days: int | None = Field(
        ..., description="Days between real contacts; null goes back to the inherited norm"
    )


class NormIn(Schema):
    days: int


class CadenceOut(Schema):
    days: int | None = Field(description="The record's own norm, null when it inherits one")


class ReminderOut(Schema):
    """The caller's own reminder settings and calendar feed (``feed_url`` only in the
    answer that made the address: it is shown once, only its hash is kept)."""

    days_before: int
    digest: bool
    feed_kinds: list[str]
    feed_live: bool
    feed_created_at: dt.datetime | None
    feed_last_fetched_at: dt.datetime | None
    feed_url: str | None = None


class ReminderIn(Schema):
    days_before: int = Field(..., ge=0, le=60)
    digest: bool


class FeedKindsIn(Schema):
    kinds: list[
        Literal["birthday", "work_anniversary", "name_day", "other", "life_event", "follow_up"]
    ] = Field(..., max_length=6)
