"""Stage durations from stage-change history: medians, spread, norms, insight."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fasit.engine.buying.model import DEFAULT_RULES, Rules, StageDef, StageEntry, StageNorm


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 0.5)


@dataclass(frozen=True)
class Visit:
    """A stay in one stage; ``left`` is None while the journey is still there."""

    journey: str
    stage: str
    entered: dt.date
    left: dt.date | None

    def days(self, today: dt.date) -> int:
        return ((self.left or today) - self.entered).days


def visits(entries: Iterable[StageEntry]) -> list[Visit]:
    """Each journey's entries in order become visits; a visit ends at the next entry."""
    by_journey: dict[str, list[StageEntry]] = defaultdict(list)
    for entry in entries:
        by_journey[entry.journey].append(entry)
    result: list[Visit] = []
    for journey in sorted(by_journey):
        ordered = sorted(by_journey[journey], key=lambda e: (e.on, e.seq))
        for current, following in zip(ordered, [*ordered[1:], None], strict=True):
            result.append(
                Visit(
                    journey=journey,
                    stage=current.stage,
                    entered=current.on,
                    left=following.on if following is not None else None,
                )
            )
    return result


def completed_durations(entries: Iterable[StageEntry]) -> dict[str, list[int]]:
    durations: dict[str, list[int]] = defaultdict(list)
    for visit in visits(entries):
        if visit.left is not None:
            durations[visit.stage].append((visit.left - visit.entered).days)
    return durations


def norms_for(
    stages: Sequence[StageDef], entries: Iterable[StageEntry], rules: Rules = DEFAULT_RULES
) -> dict[str, StageNorm]:
    """Per stage: the median of completed visits in the category's history, or the
    stage's ``typical_days`` when fewer than ``rules.min_history`` visits are known."""
    return norms_from_durations(stages, completed_durations(entries), rules)


def ordered_durations(rows: Iterable[tuple[object, str | None, dt.date]]) -> dict[str, list[int]]:
    """``completed_durations`` for (journey, stage, date) rows that already come ordered
    by journey, date and sequence (as a database can sort them): one pass, no visits
    built, for long histories. A ``None`` stage still ends the visit before it."""
    durations: dict[str, list[int]] = defaultdict(list)
    previous: tuple[object, str | None, dt.date] | None = None
    for row in rows:
        if previous is not None and previous[0] == row[0] and previous[1] is not None:
            durations[previous[1]].append((row[2] - previous[2]).days)
        previous = row
    return durations


def norms_from_durations(
    stages: Sequence[StageDef], durations: Mapping[str, Sequence[int]], rules: Rules = DEFAULT_RULES
) -> dict[str, StageNorm]:
    """``norms_for`` given each stage's completed visit lengths."""
    norms: dict[str, StageNorm] = {}
    for stage in stages:
        days = durations.get(stage.key, [])
        if len(days) >= rules.min_history:
            norms[stage.key] = StageNorm(
                stage=stage.key,
                median_days=median(days),
                p25=percentile(days, 0.25),
                p75=percentile(days, 0.75),
                samples=len(days),
                from_history=True,
            )
        else:
            norms[stage.key] = StageNorm(
                stage=stage.key,
                median_days=float(stage.typical_days),
                p25=None,
                p75=None,
                samples=len(days),
                from_history=False,
            )
    return norms


@dataclass(frozen=True)
class StageInsight:
    """How buyers of one category fare in one stage.

    ``entered``: visits that began here; ``moved_on``: of those, visits that ended
    with another stage change; ``here_now``: open visits of open journeys;
    ``stalled_now``: open visits longer than the stall factor x median;
    ``ended_here``: journeys that closed without a decision while in this stage.
    """

    stage: str
    name: str
    entered: int
    moved_on: int
    here_now: int
    stalled_now: int
    ended_here: int
    norm: StageNorm

    @property
    def move_on_rate(self) -> float | None:
        return self.moved_on / self.entered if self.entered else None


def stage_insight(
    stages: Sequence[StageDef],
    entries: Iterable[StageEntry],
    *,
    today: dt.date,
    open_journeys: frozenset[str],
    no_decision: frozenset[str] = frozenset(),
    rules: Rules = DEFAULT_RULES,
) -> list[StageInsight]:
    entries = list(entries)
    norms = norms_for(stages, entries, rules)
    all_visits = visits(entries)
    result = []
    for stage in stages:
        mine = [v for v in all_visits if v.stage == stage.key]
        current = [v for v in mine if v.left is None and v.journey in open_journeys]
        limit = rules.stall_factor * norms[stage.key].median_days
        result.append(
            StageInsight(
                stage=stage.key,
                name=stage.name,
                entered=len(mine),
                moved_on=sum(1 for v in mine if v.left is not None),
                here_now=len(current),
                stalled_now=sum(1 for v in current if v.days(today) > limit),
                ended_here=sum(1 for v in mine if v.left is None and v.journey in no_decision),
                norm=norms[stage.key],
            )
        )
    return result


@dataclass(frozen=True)
class StageVisits:
    """One stage's visits counted rather than listed, as a database can group them
    (``fasit.buying.selectors`` does): the completed visits by length in days, the
    visits still open by the outcome of their journey and the day they began."""

    completed: Mapping[int, int]  # days -> visits
    open: Mapping[tuple[str, dt.date], int]  # (journey outcome, entered) -> visits


def stage_insight_from_visits(
    stages: Sequence[StageDef],
    counted: Mapping[str, StageVisits],
    *,
    today: dt.date,
    open_outcome: str = "open",
    no_decision_outcome: str = "no_decision",
    rules: Rules = DEFAULT_RULES,
) -> list[StageInsight]:
    """``stage_insight`` from visits counted per stage: the same figures, without a
    row per stage change (tens of thousands for a category with a long history)."""
    empty = StageVisits({}, {})
    durations = {
        key: [days for days, n in sorted(visits.completed.items()) for _ in range(n)]
        for key, visits in counted.items()
    }
    norms = norms_from_durations(stages, durations, rules)
    result = []
    for stage in stages:
        visits = counted.get(stage.key, empty)
        limit = rules.stall_factor * norms[stage.key].median_days
        moved_on = sum(visits.completed.values())
        current = {
            entered: n for (outcome, entered), n in visits.open.items() if outcome == open_outcome
        }
        result.append(
            StageInsight(
                stage=stage.key,
                name=stage.name,
                entered=moved_on + sum(visits.open.values()),
                moved_on=moved_on,
                here_now=sum(current.values()),
                stalled_now=sum(n for on, n in current.items() if (today - on).days > limit),
                ended_here=sum(
                    n for (outcome, _), n in visits.open.items() if outcome == no_decision_outcome
                ),
                norm=norms[stage.key],
            )
        )
    return result
