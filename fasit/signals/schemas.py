from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from fasit.core.api_utils import Id


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
    conversation_id: Id
    text: str
    kind: str = "need"
    person_id: Id | None = None
    question: str = ""
    seller_summary: bool = False


class ThemeRenameIn(Schema):
    name: str = Field(..., description="The team's own name for the theme ('' for the label)")


class ThemeMergeIn(Schema):
    other_id: Id = Field(..., description="The theme merged into this one (it goes away)")


class ThemeSplitIn(Schema):
    statement_ids: list[Id] = Field(..., description="Statements that form the new theme")


class StatementMoveIn(Schema):
    theme_id: Id | None = Field(None, description="Another theme, or null for a new one")


class ProposalOut(Schema):
    """A sentence Fasit proposes as a statement; a seller accepts or rejects it."""

    id: int
    conversation_id: int
    account_id: int
    person_id: int | None
    text: str
    question: str
    seller_summary: bool
    kind: str
    language: str
    source: str
    weak: bool
    weak_reason: str
    status: str
    statement_id: int | None
    decided_at: dt.datetime | None
    updated_at: dt.datetime


class ProposalAcceptIn(Schema):
    """Accept, optionally with another kind or wording (the proposal's by default)."""

    kind: Literal["want", "how_to_buy", "need", "motive", "objection"] | None = None
    text: str | None = Field(None, min_length=1, max_length=2000)
