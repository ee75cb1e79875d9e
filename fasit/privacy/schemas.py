from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class ConsentIn(Schema):
    wording: str
    given_on: dt.date | None = None


class ConsentOut(Schema):
    id: int
    wording: str
    given_on: dt.date
    withdrawn_on: dt.date | None


class NoticeOut(Schema):
    language: str
    to: str
    subject: str
    body: str


class NoticeSentIn(Schema):
    language: str
    sent_on: dt.date | None = None
    channel: str = "email"


class NoticeSentOut(Schema):
    id: int
    language: str
    sent_on: dt.date
    channel: str


class EraseIn(Schema):
    confirm: bool
    reason: str = ""


class RequestIn(Schema):
    detail: str = ""


class RegisterEntryOut(Schema):
    id: int
    kind: str
    person_id: int
    channel: str
    detail: str
    at: dt.datetime
    counts: dict[str, Any]

    @staticmethod
    def resolve_person_id(obj: Any) -> int:
        return int(obj.person_ref)

    @staticmethod
    def resolve_at(obj: Any) -> dt.datetime:
        return obj.created_at  # type: ignore[no-any-return]


class AccessOut(Schema):
    at: dt.datetime
    user: str | None
    what: str
    person_id: int | None
    conversation_id: int | None

    @staticmethod
    def resolve_at(obj: Any) -> dt.datetime:
        return obj.created_at  # type: ignore[no-any-return]

    @staticmethod
    def resolve_user(obj: Any) -> str | None:
        return obj.user.username if obj.user_id else None


class CandidateOut(Schema):
    person_id: int
    reason: str
    why: str
    due_since: dt.date
    status: str
    kept_until: dt.date | None
