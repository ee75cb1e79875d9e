from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from fasit.core.api_utils import Id


class FollowUpOut(Schema):
    id: int
    task: str
    owner: str | None
    due_date: dt.date | None
    done: bool

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.username if obj.owner_id else None


class FollowUpRow(Schema):
    id: int
    conversation_id: int
    task: str
    owner: str | None
    due_date: dt.date | None
    done: bool


class ConversationOut(Schema):
    """Built from plain rows (conversations/api.py ``conversation_rows``)."""

    id: int
    account_id: int
    account: str
    occurred_at: dt.datetime
    kind: str
    initiated_by: str
    customer_replied: bool
    subject: str
    notes: str
    people: list[int] = Field(description="Customer participants (person ids)")
    users: list[str] = Field(description="Our participants (usernames)")
    follow_ups: list[FollowUpRow]
    created_at: dt.datetime
    updated_at: dt.datetime


class FollowUpIn(Schema):
    task: str
    owner: str | None = Field(None, description="Username of a team member")
    due_date: dt.date | None = None


class FollowUpPatch(Schema):
    done: bool


class ConversationIn(Schema):
    account_id: Id
    occurred_at: dt.datetime | None = None
    kind: str = "meeting"
    initiated_by: str = "us"
    customer_replied: bool = False
    subject: str = ""
    notes: str = ""
    people: list[Id] = []
    users: list[str] | None = Field(None, description="Usernames; the caller if absent")
    follow_ups: list[FollowUpIn] = []


class ConversationPatch(Schema):
    account_id: Id | None = None
    occurred_at: dt.datetime | None = None
    kind: str | None = None
    initiated_by: str | None = None
    customer_replied: bool | None = None
    subject: str | None = None
    notes: str | None = None
    people: list[Id] | None = None
    users: list[str] | None = None


class SpeakerOut(Schema):
    id: int
    name: str
    side: str
    seller: bool
    user: str | None
    person_id: int | None

    @staticmethod
    def resolve_seller(obj: Any) -> bool:
        return bool(obj.is_seller)

    @staticmethod
    def resolve_user(obj: Any) -> str | None:
        return obj.user.username if obj.user_id else None


class ListeningOut(Schema):
    """A conversation's listening analysis: status, key figures and the full report
    (``metrics``, the same object as ``fasit listen --json``)."""

    conversation_id: int
    status: str
    error: str
    transcript: str
    language: str
    format: str
    timing: str
    speaker_labels: bool
    duration_seconds: float | None
    seller_talk_share: float | None
    seller_open_questions: int | None
    seller_closed_questions: int | None
    customer_questions: int | None
    longest_monologue_seconds: float | None
    longest_monologue_words: int | None
    longest_story_seconds: float | None
    longest_story_words: int | None
    summaries: int | None
    words_before_first_question: int | None
    patience_seconds: float | None
    analysed_at: dt.datetime | None
    speakers: list[SpeakerOut]
    metrics: dict[str, Any]

    @staticmethod
    def resolve_transcript(obj: Any) -> str:
        return str(obj.transcript.name)

    @staticmethod
    def resolve_speakers(obj: Any) -> list[Any]:
        return list(obj.speakers.select_related("user"))


class SpeakerIn(Schema):
    """Who one transcript speaker is: ``side`` ``user`` (a user of the team, by
    ``user`` = username: a seller), ``person`` (a person of the account or of the
    conversation, by ``person_id``), ``other_customer`` or ``other_us`` (a seller)."""

    id: Id
    side: Literal["user", "person", "other_customer", "other_us"]
    user: str | None = None
    person_id: Id | None = None


class SpeakersIn(Schema):
    speakers: list[SpeakerIn] = Field(..., max_length=200)
