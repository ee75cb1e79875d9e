"""Yearly dates (birthdays, anniversaries, name days) and local calendar days.

29 February: in a year without it the day is celebrated on 28 February (the last day
of February), the same rule the iCalendar feed expresses with
``RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

COUNTRY_TIME_ZONES: dict[str, str] = {
    "NO": "Europe/Oslo",
    "SE": "Europe/Stockholm",
    "DK": "Europe/Copenhagen",
    "FI": "Europe/Helsinki",
}
DEFAULT_TIME_ZONE = "Europe/Oslo"


def time_zone_for(country: str) -> ZoneInfo:
    return ZoneInfo(COUNTRY_TIME_ZONES.get(country, DEFAULT_TIME_ZONE))


def local_date(instant: dt.datetime, tz: str | ZoneInfo) -> dt.date:
    """The calendar day ``instant`` falls on in ``tz`` (an aware datetime is required:
    a naive one would silently mean the server's zone)."""
    if instant.tzinfo is None:
        raise ValueError("local_date needs an aware datetime")
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    return instant.astimezone(zone).date()


def valid_yearly(month: int, day: int, year: int | None = None) -> bool:
    """Whether (month, day[, year]) is a real date; 29 Feb is valid without a year."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if not 1 <= year <= 9999:
        return False
    return day <= calendar.monthrange(year, month)[1]


def occurrence(month: int, day: int, year: int) -> dt.date:
    """The day a yearly (month, day) is celebrated in ``year`` (29 Feb -> 28 Feb in
    common years)."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def next_occurrence(month: int, day: int, today: dt.date) -> dt.date:
    """The first celebration of (month, day) on or after ``today``."""
    this_year = occurrence(month, day, today.year)
    return this_year if this_year >= today else occurrence(month, day, today.year + 1)


@dataclass(frozen=True)
class YearlyDate:
    """A date that comes back every year; ``year`` is the origin when known (birth
    year, the year someone started), ``None`` when only day and month are known."""

    key: str
    kind: str
    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not valid_yearly(self.month, self.day, self.year):
            raise ValueError(f"not a valid date: {self.year}-{self.month}-{self.day}")


@dataclass(frozen=True)
class Upcoming:
    key: str
    kind: str
    date: dt.date
    days_until: int
    #: Years since the origin on that day (age on a birthday), when the year is known.
    years: int | None


def upcoming(dates: Iterable[YearlyDate], *, today: dt.date, days: int) -> list[Upcoming]:
    """Occurrences from ``today`` to ``today + days`` inclusive, soonest first."""
    if days < 0:
        raise ValueError("days must be zero or more")
    result = []
    for item in dates:
        when = next_occurrence(item.month, item.day, today)
        until = (when - today).days
        if until > days:
            continue
        years = when.year - item.year if item.year is not None else None
        if years is not None and years < 0:
            continue  # a date recorded for the future has not begun to recur yet
        result.append(Upcoming(item.key, item.kind, when, until, years))
    result.sort(key=lambda u: (u.date, u.kind, u.key))
    return result


def one_off_upcoming(
    key: str, kind: str, when: dt.date, *, today: dt.date, days: int
) -> Upcoming | None:
    """A dated event that happens once (a life event ahead), when it is in the window."""
    until = (when - today).days
    if 0 <= until <= days:
        return Upcoming(key, kind, when, until, None)
    return None
