from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class RoleOut(Schema):
    account_id: int
    account: str
    title: str
    buying_role: str

    @staticmethod
    def resolve_account(obj: Any) -> str:
        return str(obj.account.name)


class AccountOut(Schema):
    id: int
    name: str
    org_number: str
    country: str
    tier: str
    category: str | None
    owner: str | None
    customer_since: dt.date | None
    parent_id: int | None
    notes: str

    @staticmethod
    def resolve_category(obj: Any) -> str | None:
        return obj.category.name if obj.category_id else None

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.username if obj.owner_id else None


class AccountIn(Schema):
    name: str
    org_number: str = ""
    country: str = "NO"
    tier: str = "customer"
    category_id: int | None = None
    customer_since: dt.date | None = None
    parent_id: int | None = None
    notes: str = ""


class PersonOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    country: str
    preferred_meeting: str
    what_matters: str
    legal_basis: str
    legal_basis_recorded_on: dt.date
    roles: list[RoleOut]

    @staticmethod
    def resolve_roles(obj: Any) -> list[Any]:
        return list(obj.roles.all())


class ErrorOut(Schema):
    detail: str | dict[str, list[str]]
