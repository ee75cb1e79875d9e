from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

RoleName = Literal["owner", "member", "product", "viewer"]


class TeamMemberOut(Schema):
    id: int
    username: str
    name: str
    email: str
    role: str
    joined_at: dt.datetime


class MemberRoleIn(Schema):
    role: RoleName


class InvitationOut(Schema):
    """An invitation; the link goes by e-mail to the address only (its token is
    never shown or kept)."""

    id: int
    email: str
    role: str
    invited_by: str | None
    created_at: dt.datetime
    expires_at: dt.datetime
    state: Literal["pending", "accepted", "revoked", "expired"]


class InvitationIn(Schema):
    email: str = Field(..., min_length=3, max_length=254)
    role: RoleName = "member"


LanguageCode = Literal["en", "sv", "nb", "da"]
CurrencyCode = Literal["NOK", "SEK", "DKK", "EUR", "USD", "GBP"]
# As the settings form takes them: above 0, at most 12 digits, 5 of them decimals.
Rate = Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=5)]


class RatesIn(Schema):
    """Units per euro of each currency but the euro (the unit they are counted in)."""

    NOK: Rate
    SEK: Rate
    DKK: Rate
    USD: Rate
    GBP: Rate


class TeamSettingsOut(Schema):
    name: str
    slug: str
    language: LanguageCode
    currency: CurrencyCode
    rates: dict[str, str] = Field(description="Units per euro, as decimal strings")
    rates_on: dt.date
    rates_are_default: bool = Field(description="No owner has set rates: the built-in ones")


class TeamSettingsIn(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    language: LanguageCode | None = None


class TeamRatesIn(Schema):
    currency: CurrencyCode
    on: dt.date = Field(description="The day the rates are of (not in the future)")
    rates: RatesIn
