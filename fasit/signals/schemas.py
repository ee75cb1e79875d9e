from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class StatementOut(Schema):
    id: int
    text: str
    question: str = ""  # the seller's question a short answer answered
    seller_summary: bool = False  # the seller's words about the customer
    language: str
    kind: str
    said_on: dt.date
    account_id: int
    account: str
    person_id: int | None
    conversation_id: int
    weak: bool
    theme_id: int | None

    @staticmethod
    def resolve_account(obj: Any) -> str:
        return str(obj.account.name)


class ThemeOut(Schema):
    id: int
    name: str
    label: str
    labels: dict[str, str] = {}
    level: str
    accounts: int
    statements: int
    last_said_on: dt.date | None
    dismissed: bool


class ThemeDetailOut(ThemeOut):
    evidence: list[StatementOut]


class StatementIn(Schema):
    conversation_id: int
    text: str
    kind: str = "need"
    person_id: int | None = None
    question: str = ""
    seller_summary: bool = False
