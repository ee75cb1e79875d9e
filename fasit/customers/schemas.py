from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from fasit.core.api_utils import Id


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


# --- the whole model (issue 12): lists as plain rows, detail, partial updates ---


class AccountRow(Schema):
    id: int
    name: str
    org_number: str
    country: str
    tier: str
    category_id: int | None
    category: str | None
    owner: str | None
    customer_since: dt.date | None
    parent_id: int | None
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime


class RevenueOut(Schema):
    year: int
    amount: Decimal
    currency: str


class AccountDetailOut(AccountRow):
    revenues: list[RevenueOut]
    subsidiaries: list[int]


class AccountPatch(Schema):
    """Only the fields sent are changed; ``null`` clears an optional link."""

    name: str | None = None
    org_number: str | None = None
    country: str | None = None
    tier: str | None = None
    category_id: Id | None = None
    owner: str | None = Field(None, description="Username of a team member who keeps records")
    customer_since: dt.date | None = None
    parent_id: Id | None = Field(None, description="The corporate group's parent account")
    notes: str | None = None


class RevenueIn(Schema):
    amount: Decimal = Field(..., max_digits=14, decimal_places=2)
    currency: str = Field("NOK", min_length=3, max_length=3)


class RoleRow(Schema):
    account_id: int
    account: str
    title: str
    buying_role: str


class PersonRow(Schema):
    id: int
    name: str
    email: str
    phone: str
    country: str
    preferred_meeting: str
    what_matters: str
    legal_basis: str
    legal_basis_recorded_on: dt.date
    data_source: str
    data_source_detail: str
    roles: list[RoleRow]
    created_at: dt.datetime
    updated_at: dt.datetime


class FamilyOut(Schema):
    id: int
    relation: str
    name: str
    note: str


class InterestOut(Schema):
    id: int
    name: str


class LifeEventOut(Schema):
    id: int
    date: dt.date
    text: str


class ImportantDateOut(Schema):
    id: int
    kind: str
    month: int
    day: int
    year: int | None
    label: str


class PersonDetailOut(PersonRow):
    """The full human profile. Reading it is logged for the team's owners (privacy)."""

    notes: str
    family: list[FamilyOut]
    interests: list[InterestOut]
    life_events: list[LifeEventOut]
    important_dates: list[ImportantDateOut]


class PersonIn(Schema):
    name: str
    legal_basis: str = Field(..., description="li_customer, li_prospect, contract or consent")
    legal_basis_recorded_on: dt.date | None = None
    email: str = ""
    phone: str = ""
    country: str = "NO"
    preferred_meeting: str = ""
    what_matters: str = ""
    notes: str = ""
    data_source: str = "person"
    data_source_detail: str = ""
    consent_wording: str = ""
    account_id: Id | None = Field(None, description="Give the person a role at this account")
    title: str = ""
    buying_role: str = ""


class PersonPatch(Schema):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    preferred_meeting: str | None = None
    what_matters: str | None = None
    notes: str | None = None
    legal_basis: str | None = None
    legal_basis_recorded_on: dt.date | None = None
    data_source: str | None = None
    data_source_detail: str | None = None
    consent_wording: str | None = None


class RoleIn(Schema):
    title: str = ""
    buying_role: str = ""


class FamilyIn(Schema):
    relation: str
    name: str = ""
    note: str = ""


class InterestIn(Schema):
    name: str


class LifeEventIn(Schema):
    date: dt.date
    text: str


class ImportantDateIn(Schema):
    kind: str
    month: int = Field(..., ge=1, le=12)
    day: int = Field(..., ge=1, le=31)
    year: int | None = Field(None, ge=1800, le=9999)
    label: str = ""


class CategoryOut(Schema):
    id: int
    name: str
    description: str
    created_at: dt.datetime
    updated_at: dt.datetime


class CategoryIn(Schema):
    name: str = Field(..., min_length=1, max_length=80)
    description: str = Field("", max_length=2000)


class CategoryPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=80)
    description: str | None = Field(None, max_length=2000)
