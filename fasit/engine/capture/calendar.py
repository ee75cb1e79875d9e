"""An iCalendar file (an Outlook or Google export or "publish calendar" feed) as the
meetings in a window: recurrences expanded (recurring-ical-events), moved occurrences
at their new time, cancelled ones left out, declined attendees dropped.

Each occurrence has a stable identity, ``UID|RECURRENCE-ID``, so reading the same
calendar again finds the same meetings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events  # type: ignore[import-untyped]
import x_wr_timezone  # type: ignore[import-untyped]
from icalendar import Calendar

from fasit.engine.capture.mail import Address


class CalendarError(ValueError):
    """Not a calendar Fasit can read. ``code``: ``empty``, ``unreadable``, ``no_events``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CalendarEvent:
    key: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    summary: str
    organizer: Address | None
    attendees: tuple[Address, ...]
    video: bool

    @property
    def addresses(self) -> tuple[Address, ...]:
        return ((self.organizer,) if self.organizer else ()) + self.attendees


VIDEO = re.compile(r"teams\.microsoft\.com|teams\.live\.com|(?:^|[\s/.@])zoom\.us|meet\.google\.com", re.I)
_VIDEO_PROPERTIES = (
    "LOCATION",
    "DESCRIPTION",
    "URL",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-GOOGLE-CONFERENCE",
    "CONFERENCE",
)


def _address(value: Any) -> Address | None:
    text = str(value or "").strip()
    email = re.sub(r"^mailto:", "", text, flags=re.I).strip().lower()
    if "@" not in email:
        return None
    params = getattr(value, "params", {})
    return Address(str(params.get("CN", "")).strip().strip('"'), email)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _moment(value: Any, zone: dt.tzinfo) -> tuple[dt.datetime, bool]:
    if isinstance(value, dt.datetime):
        # A floating time (no zone) is the calendar owner's wall-clock time.
        return (value if value.tzinfo else value.replace(tzinfo=zone)), False
    return dt.datetime.combine(value, dt.time(), tzinfo=zone), True


def _identity(uid: str, recurrence: Any) -> str:
    rid = ""
    if recurrence is not None:
        value = recurrence.dt
        if isinstance(value, dt.datetime) and value.tzinfo:
            value = value.astimezone(dt.UTC)
        rid = value.isoformat()
    key = f"ics:{uid}|{rid}"
    if len(key) > 255:
        # Outlook UIDs can be long; the hash keeps the key unique within the column.
        key = f"ics:{hashlib.sha256(key.encode()).hexdigest()}"
    return key


def read_calendar(
    raw: bytes, *, start: dt.datetime, end: dt.datetime, zone: str = "Europe/Oslo"
) -> list[CalendarEvent]:
    """The meetings between ``start`` and ``end`` (aware datetimes)."""
    if not raw or not raw.strip():
        raise CalendarError("The calendar is empty.", "empty")
    tz = ZoneInfo(zone)
    try:
        calendar = Calendar.from_ical(raw)
        # Google's exports name their zone only in X-WR-TIMEZONE.
        calendar = x_wr_timezone.to_standard(calendar)
        occurrences = list(recurring_ical_events.of(calendar).between(start, end))
    except Exception as exc:  # icalendar raises ValueError, KeyError, … on bad input
        raise CalendarError(f"The calendar cannot be read: {exc}", "unreadable") from None
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise CalendarError("This is not an iCalendar file.", "unreadable")
    events = []
    for event in occurrences:
        if event.name != "VEVENT" or str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if "DTSTART" not in event:
            continue
        starts_at, all_day = _moment(event["DTSTART"].dt, tz)
        if "DTEND" in event:
            ends_at, _ = _moment(event["DTEND"].dt, tz)
        elif "DURATION" in event:
            ends_at = starts_at + event["DURATION"].dt
        else:
            ends_at = starts_at + (dt.timedelta(days=1) if all_day else dt.timedelta(0))
        attendees = tuple(
            address
            for value in _as_list(event.get("ATTENDEE"))
            if str(getattr(value, "params", {}).get("PARTSTAT", "")).upper() != "DECLINED"
            and (address := _address(value)) is not None
        )
        text = " ".join(str(event.get(name, "")) for name in _VIDEO_PROPERTIES)
        events.append(
            CalendarEvent(
                key=_identity(str(event.get("UID", "")), event.get("RECURRENCE-ID")),
                starts_at=starts_at,
                ends_at=ends_at,
                all_day=all_day,
                summary=" ".join(str(event.get("SUMMARY", "")).split()),
                organizer=_address(event.get("ORGANIZER")),
                attendees=attendees,
                video=bool(VIDEO.search(text)),
            )
        )
    return sorted(events, key=lambda e: (e.starts_at, e.key))
