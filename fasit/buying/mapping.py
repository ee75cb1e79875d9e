"""Rows <-> engine types for buying processes. Keys are database ids as strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from fasit.buying.models import BuyingGroupMember, Journey, Motive, Stage
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


def journey_facts(
    journey: Journey,
    *,
    stage_index: int,
    members: Sequence[BuyingGroupMember],
    motives: Sequence[Motive],
    last_contact: Mapping[int, dt.date],
) -> JourneyFacts:
    return JourneyFacts(
        stage_index=stage_index,
        stage_since=journey.stage_since,
        members=tuple(
            GroupMember(
                person=str(m.person_id),
                name=m.person.name,
                role=m.role,
                stance=m.stance,  # type: ignore[arg-type]
                last_contact=last_contact.get(m.person_id),
            )
            for m in members
        ),
        motives=tuple(
            MotiveFact(
                person=str(m.person_id) if m.person_id else None,
                pulls=m.pulls,  # type: ignore[arg-type]
            )
            for m in motives
        ),
        probability=journey.forecast_probability,
        close_date=journey.forecast_close,
    )
