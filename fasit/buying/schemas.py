from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Schema


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


class StageChangeIn(Schema):
    stage_id: int
    changed_on: dt.date | None = None
    conversation_id: int | None = None
    note: str = ""


class ErrorOut(Schema):
    detail: str | dict[str, list[str]]
