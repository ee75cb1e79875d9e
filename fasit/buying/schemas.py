from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from fasit.core.api_utils import Id


class StageOut(Schema):
    id: int
    order: int
    name: str
    questions: list[str]
    signs: list[str]
    sign_keywords: str
    buying_support: str
    selling_support: str
    typical_days: int


class ProcessOut(Schema):
    id: int
    name: str
    category: str | None
    description: str
    stages: list[StageOut]


class JourneyOut(Schema):
    id: int
    account_id: int
    account: str
    title: str
    category: str | None
    stage_id: int
    stage: str
    stage_index: int
    stages_total: int
    days_in_stage: int
    outcome: str
    value: Decimal | None
    currency: str
    seller_probability: int | None
    seller_close: dt.date | None
    seller_value: Decimal | None
    status_quo_risk: str | None
    risk_reasons: list[str]
    reality_gap: bool
    gap_reasons: list[str]
    updated_at: dt.datetime


class StageChangeIn(Schema):
    stage_id: Id
    changed_on: dt.date | None = None
    conversation_id: Id | None = None
    note: str = ""


class ErrorOut(Schema):
    detail: str | dict[str, list[str]]


class JourneyIn(Schema):
    account_id: Id
    title: str
    value: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    currency: str = Field("NOK", min_length=3, max_length=3)
    stage_id: Id | None = Field(None, description="Where the buyer is; the first stage if absent")
    started_on: dt.date | None = None
    note: str = ""
    forecast_probability: int | None = Field(None, ge=0, le=100)
    forecast_close: dt.date | None = None
    forecast_value: Decimal | None = Field(None, max_digits=14, decimal_places=2)


class JourneyPatch(Schema):
    title: str | None = None
    value: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    currency: str | None = Field(None, min_length=3, max_length=3)
    forecast_probability: int | None = Field(None, ge=0, le=100)
    forecast_close: dt.date | None = None
    forecast_value: Decimal | None = Field(None, max_digits=14, decimal_places=2)


class OutcomeIn(Schema):
    outcome: str = Field(..., description="open, bought, elsewhere or no_decision")
    closed_on: dt.date | None = None


class StageChangeOut(Schema):
    id: int
    from_stage: str
    to_stage: str
    to_stage_id: int | None
    changed_on: dt.date
    conversation_id: int | None
    note: str


class MemberIn(Schema):
    role: str = ""
    stance: str = "unknown"
    note: str = ""


class MemberOut(Schema):
    person_id: int
    person: str
    role: str
    stance: str
    note: str


class MotiveIn(Schema):
    text: str
    person_id: Id | None = None
    theme: str = "other"
    pulls: str = "change"
    conversation_id: Id | None = None


class MotiveOut(Schema):
    id: int
    text: str
    person_id: int | None
    theme: str
    pulls: str
    conversation_id: int | None


class ProcessRow(Schema):
    id: int
    name: str
    category_id: int | None
    description: str


class ProcessIn(Schema):
    category_id: Id | None = Field(None, description="null: the team's default process")
    name: str = ""
    description: str = ""
    copy_from_id: Id | None = Field(None, description="Copy this process's stages")


class ProcessPatch(Schema):
    name: str | None = None
    description: str | None = None


class StageIn(Schema):
    name: str
    typical_days: int = Field(30, ge=1, le=3650)


class StagePatch(Schema):
    name: str | None = None
    questions: str | None = Field(None, description="One per line")
    signs: str | None = Field(None, description="One per line")
    sign_keywords: str | None = None
    buying_support: str | None = None
    selling_support: str | None = None
    typical_days: int | None = Field(None, ge=1, le=3650)


class StageMoveIn(Schema):
    direction: Literal["up", "down"]


class SuggestionOut(Schema):
    """Fasit's reading of a conversation's notes: the buyer seems to have moved on to
    ``stage`` (the words that matched in ``matched``)."""

    conversation_id: int
    occurred_at: dt.datetime
    subject: str
    stage_id: int
    stage: str
    matched: list[str]
