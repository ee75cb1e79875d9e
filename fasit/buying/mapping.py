"""Rows <-> engine types for buying processes. Keys are database ids as strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from fasit.buying.models import Stage
from fasit.engine.buying import GroupMember, JourneyFacts, MotiveFact, StageDef, StageEntry
from fasit.engine.buying.suggest import split_keywords


def stage_def(stage: Stage) -> StageDef:
    return StageDef(
        key=str(stage.pk),
        name=stage.name,
        typical_days=stage.typical_days,
        keywords=split_keywords(stage.sign_keywords),
    )


def stage_defs(stages: Iterable[Stage]) -> tuple[StageDef, ...]:
    return tuple(stage_def(s) for s in stages)


def stage_entries(rows: Iterable[tuple[int, int | None, dt.date, int]]) -> list[StageEntry]:
    """(journey id, stage id, date, change id) rows. A change into a removed stage
    (stage id None) still ends the visit before it, so it keeps a key of its own."""
    return [
        StageEntry(
            journey=str(journey),
            stage=str(stage) if stage is not None else f"removed-{change}",
            on=on,
            seq=change,
        )
        for journey, stage, on, change in rows
    ]


# (person id, person name, role, stance) and (person id or None, pulls): the rows the
# rules need, loaded as plain tuples so thousands of journeys stay cheap.
MemberRow = tuple[int, str, str, str]
MotiveRow = tuple[int | None, str]


def journey_facts(
    *,
    stage_index: int,
    stage_since: dt.date,
    probability: int | None,
    close_date: dt.date | None,
    members: Sequence[MemberRow],
    motives: Sequence[MotiveRow],
    last_contact: Mapping[int, dt.date],
) -> JourneyFacts:
    return JourneyFacts(
        stage_index=stage_index,
        stage_since=stage_since,
        members=tuple(
            GroupMember(
                person=str(person),
                name=name,
                role=role,
                stance=stance,  # type: ignore[arg-type]
                last_contact=last_contact.get(person),
            )
            for person, name, role, stance in members
        ),
        motives=tuple(
            MotiveFact(
                person=str(person) if person else None,
                pulls=pulls,  # type: ignore[arg-type]
            )
            for person, pulls in motives
        ),
        probability=probability,
        close_date=close_date,
    )
