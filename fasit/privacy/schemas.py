from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema


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
    id: int
    person_id: int
    reason: str
    why: str
    due_since: dt.date
    status: str
    kept_until: dt.date | None


class PrivacySettingsOut(Schema):
    """The team's privacy settings (Privacy → Settings, owners) and its retention rules:
    months without real contact per legal basis (null: no limit)."""

    controller_name: str
    contact_email: str
    dpo_contact: str
    auto_erase: bool
    withdrawn_consent_days: int
    retention: dict[str, int | None]


class PrivacySettingsIn(Schema):
    controller_name: str | None = Field(None, max_length=200)
    contact_email: str | None = Field(None, max_length=254)
    dpo_contact: str | None = Field(None, max_length=300)
    auto_erase: bool | None = None
    withdrawn_consent_days: int | None = Field(None, ge=0, le=32767)


class RetentionIn(Schema):
    """Months per legal basis (``li_customer``, ``li_prospect``, ``contract``,
    ``consent``), 1–240, or null for no limit; bases left out keep their rule."""

    rules: dict[str, int | None] = Field(..., max_length=4)


class NoticeDueOut(Schema):
    """A person whose data came from someone else and who has not been told yet."""

    person_id: int
    name: str
    data_source_detail: str
    recorded_at: dt.datetime


class NoticeRecordOut(Schema):
    id: int
    language: str
    sent_on: dt.date
    channel: str
    sent_by: str | None


class PersonPrivacyOut(Schema):
    """A person's privacy page: legal basis, where the data came from, consents, the
    information notices given, and whether they wait in the erasure queue."""

    person_id: int
    legal_basis: str
    legal_basis_recorded_on: dt.date
    data_source: str
    data_source_detail: str
    notice_needed: bool
    notices: list[NoticeRecordOut]
    consents: list[ConsentOut]
    candidate: CandidateOut | None


class KeepIn(Schema):
    until: dt.date
    reason: str = Field(..., min_length=1, max_length=300)


class RetentionRunOut(Schema):
    """What a retention run did: people due, newly queued, erased (automatic erasure)."""

    due: int
    new: int
    erased: int

