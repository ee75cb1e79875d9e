"""API shapes of the "Mail and calendar" page. A mailbox's password goes in and never
comes out; a BCC address is shown once, in the answer that makes it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema


class MailboxOut(Schema):
    """The caller's mailbox: where and how it is read, and how the last sync went.
    The app password is stored encrypted and never returned."""

    id: int
    host: str
    port: int
    tls: str
    username: str
    folders: str
    last_sync_at: dt.datetime | None
    last_error: str
    last_error_at: dt.datetime | None
    last_notice: str
    captured_count: int


class MailboxIn(Schema):
    host: str = Field(..., min_length=1, max_length=255, description="The IMAP server")
    port: int = Field(993, ge=1, le=65535)
    tls: Literal["ssl", "starttls", "none"] = "ssl"
    username: str = Field(..., min_length=1, max_length=255)
    password: str = Field(
        "",
        max_length=500,
        description="The (app) password; empty keeps the stored one (required the first time)",
    )
    folders: str = Field("", max_length=500, description="Comma-separated; empty: inbox and sent")


class BccAddressOut(Schema):
    """The caller's BCC address: only its first characters (``hint``) once made."""

    hint: str
    created_at: dt.datetime


class NewBccAddressOut(Schema):
    """A new address ``log-<token>@<domain>``: shown in this answer only (Fasit keeps
    only the token's hash); the previous one stops working."""

    address: str
    hint: str
    created_at: dt.datetime


class CalendarOut(Schema):
    id: int
    url: str
    last_sync_at: dt.datetime | None
    last_error: str
    last_error_at: dt.datetime | None
    created_at: dt.datetime


class CalendarIn(Schema):
    url: str = Field(
        ...,
        min_length=1,
        max_length=1000,
        description="The calendar's ICS address (its host must be one FASIT_CALENDAR_HOSTS allows)",
    )


class ExclusionOut(Schema):
    id: int
    value: str


class ExclusionIn(Schema):
    value: str = Field(
        ..., min_length=1, max_length=254, description="name@example.com, or example.com"
    )


class CaptureSettingsOut(Schema):
    """The team's choice (owners change it): keep the start of e-mail bodies or not."""

    store_body: bool
    body_chars: int


class CaptureSettingsIn(Schema):
    store_body: bool
    body_chars: int = Field(500, ge=1, le=5000)


class CapturePageOut(Schema):
    """What the "Mail and calendar" page shows the caller."""

    mail_domain: str
    mailbox: MailboxOut | None
    bcc_address: BccAddressOut | None
    calendars: list[CalendarOut]
    private: list[ExclusionOut]
    settings: CaptureSettingsOut


class CaptureReportOut(Schema):
    """What an upload captured: ``logged`` (new or joined conversations), and per
    outcome (``captured``, ``joined``, ``duplicate``, ``deleted``, ``ignored``)."""

    name: str
    logged: int
    counts: dict[str, int]
    problems: list[str]


class CalendarReportOut(Schema):
    """An uploaded calendar: past meetings logged and planned ones with customers."""

    logged: int
    planned: int
    counts: dict[str, int]
