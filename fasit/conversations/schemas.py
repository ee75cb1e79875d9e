from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class FollowUpOut(Schema):
    id: int
    task: str
    owner: str | None
    due_date: dt.date | None
    done: bool

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.username if obj.owner_id else None


class ConversationOut(Schema):
    id: int
    account_id: int
    account: str
    occurred_at: dt.datetime
    kind: str
    initiated_by: str
    customer_replied: bool
    subject: str
    notes: str
    people: list[int]
    users: list[str]
    follow_ups: list[FollowUpOut]

    @staticmethod
    def resolve_account(obj: Any) -> str:
        return str(obj.account.name)

    @staticmethod
    def resolve_people(obj: Any) -> list[int]:
        return [p.pk for p in obj.people.all()]

    @staticmethod
    def resolve_users(obj: Any) -> list[str]:
        return [u.username for u in obj.users.all()]

    @staticmethod
    def resolve_follow_ups(obj: Any) -> list[Any]:
        return list(obj.follow_ups.all())


class ConversationIn(Schema):
    account_id: int
    occurred_at: dt.datetime | None = None
    kind: str = "meeting"
    initiated_by: str = "us"
    customer_replied: bool = False
    subject: str = ""
    notes: str = ""
    people: list[int] = []
