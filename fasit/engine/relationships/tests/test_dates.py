from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fasit.engine.relationships.dates import (
    YearlyDate,
    local_date,
    next_occurrence,
    occurrence,
    one_off_upcoming,
    time_zone_for,
    upcoming,
    valid_yearly,
)
from fasit.engine.relationships.namedays import NameDayFormatError, parse_calendar

DATA = Path(__file__).resolve().parents[3] / "relationships" / "data"
UTC = dt.UTC


def test_29_february_is_celebrated_on_28_february_in_common_years() -> None:
    assert occurrence(2, 29, 2027) == dt.date(2027, 2, 28)
    assert occurrence(2, 29, 2028) == dt.date(2028, 2, 29)
    assert occurrence(2, 28, 2028) == dt.date(2028, 2, 28)


def test_next_occurrence_of_a_leap_day_birthday() -> None:
    assert next_occurrence(2, 29, dt.date(2027, 2, 1)) == dt.date(2027, 2, 28)
    assert next_occurrence(2, 29, dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    assert next_occurrence(2, 29, dt.date(2028, 2, 29)) == dt.date(2028, 2, 29)


def test_next_occurrence_wraps_the_new_year() -> None:
    assert next_occurrence(1, 2, dt.date(2026, 12, 30)) == dt.date(2027, 1, 2)
    assert next_occurrence(12, 30, dt.date(2026, 12, 30)) == dt.date(2026, 12, 30)


def test_valid_yearly_dates() -> None:
    assert valid_yearly(2, 29)  # without a year a leap day is a real date
    assert not valid_yearly(2, 29, 2023)
    assert valid_yearly(2, 29, 2024)
    assert not valid_yearly(4, 31)
    assert not valid_yearly(13, 1)
    with pytest.raises(ValueError, match="not a valid date"):
        YearlyDate("x", "birthday", 2, 30)


def test_upcoming_within_the_window_with_and_without_a_year() -> None:
    today = dt.date(2026, 11, 23)
    dates = [
        YearlyDate("a", "birthday", 11, 24, 1980),
        YearlyDate("b", "name_day", 11, 25),
        YearlyDate("c", "birthday", 12, 31),
        YearlyDate("d", "work_anniversary", 11, 23, 2016),
        YearlyDate("e", "birthday", 11, 22, 1990),  # yesterday: next year, out of window
    ]
    result = upcoming(dates, today=today, days=14)
    assert [(u.key, u.days_until, u.years) for u in result] == [
        ("d", 0, 10),
        ("a", 1, 46),
        ("b", 2, None),
    ]


def test_upcoming_across_february_in_a_common_year() -> None:
    result = upcoming(
        [YearlyDate("k", "birthday", 2, 29, 1996)], today=dt.date(2027, 2, 20), days=10
    )
    assert [(u.date, u.days_until, u.years) for u in result] == [(dt.date(2027, 2, 28), 8, 31)]


def test_a_date_recorded_for_a_future_year_does_not_recur_yet() -> None:
    assert (
        upcoming([YearlyDate("f", "other", 12, 1, 2030)], today=dt.date(2026, 11, 23), days=30)
        == []
    )


def test_one_off_events() -> None:
    today = dt.date(2026, 11, 23)
    assert one_off_upcoming("w", "life_event", dt.date(2026, 12, 1), today=today, days=14)
    assert one_off_upcoming("w", "life_event", dt.date(2026, 11, 22), today=today, days=14) is None


@pytest.mark.parametrize("country", ["NO", "SE", "DK"])
def test_local_date_around_midnight_in_nordic_time_zones(country: str) -> None:
    zone = time_zone_for(country)
    # Winter (UTC+1): 23:30 UTC on 31 December is already New Year's Day.
    assert local_date(dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), zone) == dt.date(2027, 1, 1)
    # Summer time begins 29 March 2026 (UTC+2): 22:30 UTC is 00:30 the next day.
    assert local_date(dt.datetime(2026, 3, 29, 22, 30, tzinfo=UTC), zone) == dt.date(2026, 3, 30)
    assert local_date(dt.datetime(2026, 3, 28, 22, 30, tzinfo=UTC), zone) == dt.date(2026, 3, 28)


def test_local_date_differs_for_helsinki() -> None:
    instant = dt.datetime(2026, 6, 30, 21, 30, tzinfo=UTC)
    assert local_date(instant, "Europe/Oslo") == dt.date(2026, 6, 30)
    assert local_date(instant, "Europe/Helsinki") == dt.date(2026, 7, 1)


def test_local_date_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_date(dt.datetime(2026, 1, 1, 12), "Europe/Oslo")


@pytest.mark.parametrize(
    ("country", "name", "day"),
    [
        ("SE", "Erik", (5, 18)),
        ("SE", "Anna-Karin", (12, 9)),
        ("SE", "Björn", (6, 18)),
        ("NO", "Kari", (11, 25)),
        ("NO", "Ole", (7, 29)),
        ("NO", "ingrid", (2, 10)),
        ("DK", "Søren", (10, 23)),
        ("DK", "Niels", (12, 6)),
        ("DK", "Mette", (7, 13)),
    ],
)
def test_name_day_from_the_shipped_calendars(country: str, name: str, day: tuple[int, int]) -> None:
    path = DATA / f"namedays_{country.lower()}.tsv"
    calendar = parse_calendar(country, path.read_text(encoding="utf-8"), source=path.name)
    assert calendar.lookup(name) == day


def test_every_shipped_calendar_parses_and_is_substantial() -> None:
    sizes = {}
    for country in ("se", "no", "dk"):
        path = DATA / f"namedays_{country}.tsv"
        sizes[country] = len(parse_calendar(country, path.read_text(encoding="utf-8")).days)
    assert sizes["se"] > 500
    assert sizes["no"] > 400
    assert sizes["dk"] > 150


def test_unknown_name_has_no_day() -> None:
    calendar = parse_calendar("SE", "05-18\tErik\n")
    assert calendar.lookup("Zebulon") is None
    assert calendar.lookup("") is None
    assert calendar.names_on(5, 18) == ["erik"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5/18\tErik", "line 1: expected MM-DD"),
        ("# c\n05-18", "line 2: no names"),
        ("02-30\tX", "not a day of the year"),
    ],
)
def test_a_broken_calendar_line_is_named(text: str, message: str) -> None:
    with pytest.raises(NameDayFormatError, match=message):
        parse_calendar("SE", text)
