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
from fasit.engine.relationships.namedays import (
    NameDayCalendar,
    NameDayFormatError,
    parse_calendar,
)

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


# Days quoted from the source the calendars are derived from (the npm package
# ``namedays`` 5.0.1, src/namedays/{SE,NO,DK}.ts, see docs/relationships.md), among them
# every name issue 16 found missing or on the wrong day in the lists written from memory.
SOURCE_SAMPLE = {
    "SE": {
        "Maja": (2, 28),
        "Noa": (3, 31),
        "Olle": (7, 29),
        "Tim": (11, 2),
        "Henry": (1, 19),
        "Cornelia": (12, 3),
        "Kevin": (9, 7),
        "Sam": (9, 1),
        "Ronja": (9, 14),
        "Moa": (11, 18),
        "Regina": (3, 12),
        "Erik": (5, 18),
        "Björn": (6, 18),
        "Anna-Karin": (12, 9),
    },
    "NO": {
        "Harald": (5, 17),
        "Ragnhild": (5, 17),
        "Frida": (10, 10),
        "Kristin": (7, 24),
        "Hilde": (12, 15),
        "Kristoffer": (12, 18),
        "Henrik": (10, 20),
        "Fredrik": (11, 14),
        "Martin": (11, 11),
        "Johan": (8, 29),
        "Kari": (11, 25),
        "ingrid": (2, 10),
    },
    "DK": {
        "Henrik": (7, 12),
        "Mette": (10, 3),
        "Louise": (10, 31),
        "Gabriel": (3, 26),
        "Abel": (1, 2),
        "Knud": (1, 7),
        "Agnes": (1, 21),
        "Søren": (10, 23),
        "Laurentius": (8, 10),
        "Magnus": (1, 28),
        "Mattias": (2, 24),
        "Paulus": (3, 22),
    },
}


def _shipped(country: str) -> NameDayCalendar:
    path = DATA / f"namedays_{country.lower()}.tsv"
    return parse_calendar(country, path.read_text(encoding="utf-8"), source=path.name)


@pytest.mark.parametrize(
    ("country", "name", "day"),
    [
        (country, name, day)
        for country, names in SOURCE_SAMPLE.items()
        for name, day in names.items()
    ],
)
def test_name_day_from_the_shipped_calendars(country: str, name: str, day: tuple[int, int]) -> None:
    assert _shipped(country).lookup(name) == day


def test_17_may_has_names_in_norway_and_the_old_guesses_are_gone() -> None:
    assert _shipped("NO").names_on(5, 17) == ["harald", "ragnhild"]
    # The Danish list written from memory added modern forms of the saints' names
    # (Niels for Nicolaus); the almanac's list has no day for them, so neither has Fasit.
    assert _shipped("DK").lookup("Niels") is None


def test_every_shipped_calendar_parses_and_is_complete() -> None:
    sizes = {country: len(_shipped(country).days) for country in ("SE", "NO", "DK")}
    # The source's counts: SE 627 names (Isof's count for the 2022 list), NO 938, DK 342
    # distinct names (352 entries: ten are listed on two days).
    assert sizes == {"SE": 627, "NO": 938, "DK": 342}


def test_the_calendars_name_their_source_and_its_licence_ships() -> None:
    for country in ("se", "no", "dk"):
        header = (DATA / f"namedays_{country}.tsv").read_text(encoding="utf-8")[:600]
        assert "namedays 5.0.1" in header and "MIT" in header
    assert "Permission is hereby granted" in (DATA / "namedays.LICENSE").read_text(encoding="utf-8")


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
