"""``selectors.knowledge_of`` as it was before it read plain rows (main at 7174ceb),
with the two functions it went through, kept as the oracle of its differential test
(``test_knowledge_of.py``) and the A of a comparison. Unchanged but for the names.

It read the people as frozen dataclasses, their profile's four aggregates through
``.values()`` (Django converting each newest instant), and built an anonymous
``PersonProfile`` per person: about half of a cold key-accounts request at scale 100."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet

from fasit.customers.models import FamilyMember, ImportantDate, Interest, LifeEvent, Person
from fasit.engine.relationships.knowledge import PersonKnowledge, person_knowledge
from fasit.relationships import mapping
from fasit.tenancy.models import Team


def _profile_facts(person_ids: Iterable[int] | QuerySet[Any]) -> dict[int, dict[str, Any]]:
    facts: dict[int, dict[str, Any]] = defaultdict(dict)
    for model, key in (
        (FamilyMember, "family"),
        (Interest, "interests"),
        (ImportantDate, "dates"),
        (LifeEvent, "life_event"),
    ):
        rows = (
            model.objects.filter(person_id__in=person_ids)
            .values("person_id")
            .annotate(n=Count("id"), on=Max("updated_at"))
        )
        for row in rows:
            facts[row["person_id"]][key] = row["n"]
            facts[row["person_id"]][f"{key}_on"] = row["on"]
    # A personal note counts from the day the person was last edited (no field history).
    return facts


def person_knowledge_map(
    team: Team | None,
    people: Iterable[Any],
    *,
    today: dt.date,
    ids: QuerySet[Any] | None = None,
) -> dict[int, PersonKnowledge]:
    people = [p for p in people if team is not None and p.team_id == team.pk]
    facts = _profile_facts(ids if ids is not None else [p.pk for p in people])
    result = {}
    assessed: dict[tuple[Any, ...], PersonKnowledge] = {}
    for person in people:
        data = dict(facts.get(person.pk, {}))
        if person.notes.strip():
            data["notes_on"] = person.updated_at.date()
        shape = mapping.person_profile(person, data, anonymous=True)
        known = assessed.get(shape)
        if known is None:
            known = assessed[shape] = person_knowledge(shape, today=today)
        result[person.pk] = PersonKnowledge(person.pk, known.score, known.parts)
    return result


@dataclass(frozen=True)
class _PersonFields:
    """The fields of a person the knowledge score reads, from plain rows."""

    pk: int
    team_id: int
    name: str
    what_matters: str
    preferred_meeting: str
    updated_at: dt.datetime
    notes: str


def knowledge_of(
    team: Team | None, people: QuerySet[Person], *, today: dt.date
) -> dict[int, PersonKnowledge]:
    """``person_knowledge_map`` for a query of people, read as plain rows."""
    rows = [
        _PersonFields(*row)
        for row in people.values_list(
            "pk", "team_id", "name", "what_matters", "preferred_meeting", "updated_at", "notes"
        )
    ]
    if not rows:
        return {}
    return person_knowledge_map(team, rows, today=today, ids=people.values("pk"))
