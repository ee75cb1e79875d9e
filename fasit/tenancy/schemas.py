from __future__ import annotations

import datetime as dt
from typing import Literal

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
