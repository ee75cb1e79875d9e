"""Rows <-> engine types. The only module that knows both the models and the engine's
dataclasses; selectors call it, so the formulas stay in ``fasit.engine.relationships``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

from fasit.engine.relationships.cadence import Contact, is_real_contact, listening_quality
from fasit.engine.relationships.dates import local_date, time_zone_for
from fasit.engine.relationships.knowledge import PersonProfile
from fasit.engine.relationships.namedays import NameDayCalendar, parse_calendar

DATA_DIR = Path(__file__).resolve().parent / "data"
NAME_DAY_COUNTRIES = ("SE", "NO", "DK")


@lru_cache(maxsize=8)
def name_day_calendar(country: str) -> NameDayCalendar | None:
    """The country's almanac, read once per process; None for a country without one."""
    if country not in NAME_DAY_COUNTRIES:
        return None
    path = DATA_DIR / f"namedays_{country.lower()}.tsv"
    return parse_calendar(country, path.read_text(encoding="utf-8"), source=str(path))


def name_day_for(first_name: str, country: str) -> tuple[int, int] | None:
    calendar = name_day_calendar(country)
    return calendar.lookup(first_name) if calendar else None


def first_name(name: str) -> str:
    return name.split()[0] if name.strip() else ""


def almanac_name_day(name: str, country: str) -> int | None:
    """The almanac's name day of a person with this full name and country as one
    number, month * 100 + day (24 June is 624): what ``Person.name_day`` holds, so the
    dates card can ask the database for the people whose name day is in its window
    instead of looking up every first name of the team."""
    parts = name.split(None, 1)
    return _almanac_name_day(parts[0] if parts else "", country)


@lru_cache(maxsize=65536)
def _almanac_name_day(first: str, country: str) -> int | None:
    # A team of a million people shares some thousands of first names: an import
    # folds each (first name, country) once.
    found = name_day_for(first, country)
    return found[0] * 100 + found[1] if found else None


def name_day_of(number: int) -> tuple[int, int]:
    """``almanac_name_day``'s number as (month, day)."""
    return divmod(number, 100)  # type: ignore[return-value]


def contact_from_row(
    row: dict[str, Any], *, country: str, people: Iterable[int] = (), listening: float | None = None
) -> Contact:
    """A conversation row (values()) as an engine Contact, dated in the account's zone."""
    return Contact(
        on=local_date(row["occurred_at"], time_zone_for(country)),
        kind=row["kind"],
        initiated_by=row["initiated_by"],
        customer_replied=row["customer_replied"],
        people=tuple(people),
        listening=listening,
    )


def is_real(row: dict[str, Any]) -> bool:
    return is_real_contact(row["kind"], row["customer_replied"])


def listening_scores(
    team: Any, conversation_ids: list[int], *, id_query: Any = None
) -> dict[int, float]:
    """Listening quality (0..1) per analysed conversation, from the provider named in
    ``FASIT_LISTENING_SCORES`` (a dotted path to ``f(team, ids) -> {id: score}``), by
    default the conversations app's listening analyses. Conversations without an
    analysis have no score, and health re-weights its other parts.

    ``id_query``: a query for the same ids, which the default provider filters by
    instead of the list (building ~2,000 ids into the statement cost more than it)."""
    if not conversation_ids:
        return {}
    path = getattr(settings, "FASIT_LISTENING_SCORES", "")
    if path:
        return dict(import_string(path)(team, conversation_ids))
    return analysed_listening(team, conversation_ids if id_query is None else id_query)


def analysed_listening(team: Any, conversation_ids: Any) -> dict[int, float]:
    try:
        # Looked up by name: the listening analysis belongs to the conversations app.
        model = apps.get_model("conversations", "ListeningAnalysis")
    except LookupError:
        return {}
    rows = (
        model.objects.for_team(team)
        .filter(
            conversation_id__in=conversation_ids, status="done", seller_talk_share__isnull=False
        )
        .values_list("conversation_id", "seller_talk_share", "seller_open_questions", "summaries")
    )
    return {
        cid: listening_quality(share, open_q, summaries) for cid, share, open_q, summaries in rows
    }


def _date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def person_profile(person: Any, facts: dict[str, Any], *, anonymous: bool = False) -> PersonProfile:
    """``facts``: the per-person aggregates the selector collected (counts and dates).
    ``anonymous``: without the person's id and first name, which the knowledge score
    does not read, so that equal profiles of different people compare equal."""
    return PersonProfile(
        person_id=0 if anonymous else person.pk,
        first_name="" if anonymous else first_name(person.name),
        family=facts.get("family", 0),
        family_on=_date(facts.get("family_on")),
        interests=facts.get("interests", 0),
        interests_on=_date(facts.get("interests_on")),
        dates=facts.get("dates", 0),
        dates_on=_date(facts.get("dates_on")),
        what_matters=bool(person.what_matters.strip()),
        meeting=bool(person.preferred_meeting),
        profile_on=_date(person.updated_at),
        last_note_on=max(
            (d for d in (_date(facts.get("life_event_on")), facts.get("notes_on")) if d),
            default=None,
        ),
    )


def profile_of(
    family: int,
    family_on: dt.date | None,
    interests: int,
    interests_on: dt.date | None,
    dates: int,
    dates_on: dt.date | None,
    what_matters: bool,
    meeting: bool,
    profile_on: dt.date | None,
    last_note_on: dt.date | None,
) -> PersonProfile:
    """``person_profile(..., anonymous=True)`` from plain values: the counts and days
    of a person's profile, already read (``selectors.knowledge_of``)."""
    return PersonProfile(
        person_id=0,
        first_name="",
        family=family,
        family_on=family_on,
        interests=interests,
        interests_on=interests_on,
        dates=dates,
        dates_on=dates_on,
        what_matters=what_matters,
        meeting=meeting,
        profile_on=profile_on,
        last_note_on=last_note_on,
    )


def local_date_of(instant: dt.datetime, country: str) -> dt.date:
    return local_date(instant, time_zone_for(country))
