"""Status-quo risk and the reality gap, rule by rule (docs/buying.md quotes these).

Risk reasons and weights (score = sum of weights; 0 low, 1-2 medium, 3+ high):

- ``stalled`` (2): days in the current stage > ``stall_factor`` x the stage's median.
- ``no_motive`` (2): no buying motive recorded.
- ``no_consensus`` (1): ``large_group`` people or more and no consensus evidence
  (consensus = more than half of the group "for" and nobody "against").
- ``no_decision_maker`` (2): nobody in the buying group has the decision-maker role.
- ``decision_maker_silent`` (2): decision makers exist but none had a conversation
  with us in the last ``decision_maker_days`` days.
- ``conflicting_stances`` (1): the group has people both "for" and "against".
- ``conflicting_motives`` (1): one person's motive pulls toward change while another
  person's pulls toward the status quo.

Gap reasons (any one flags the journey):

- ``probability_ahead``: probability > supported + ``probability_margin`` where
  supported is 100 x stage number / stages in the process (stage number is 1-based).
- ``close_passed``: the close date is before today and the buyer is not at the last
  stage.
- ``close_too_soon``: the close date is before today + ``close_fraction`` x (the days
  left of the current stage's median + the medians of the stages after it, up to but
  not including the last stage, which is where the buyer has bought).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fasit.engine.buying.model import (
    DECISION_MAKER,
    DEFAULT_RULES,
    Gap,
    JourneyFacts,
    Reason,
    Risk,
    RiskLevel,
    Rules,
    StageDef,
    StageNorm,
)

WEIGHTS = {
    "stalled": 2,
    "no_motive": 2,
    "no_consensus": 1,
    "no_decision_maker": 2,
    "decision_maker_silent": 2,
    "conflicting_stances": 1,
    "conflicting_motives": 1,
}


def _reason(code: str, **params: str | int | float) -> Reason:
    return Reason(code=code, params=tuple(sorted(params.items())), weight=WEIGHTS.get(code, 0))


def _level(score: int) -> RiskLevel:
    if score == 0:
        return "low"
    return "medium" if score <= 2 else "high"


def _names(names: Sequence[str]) -> str:
    return ", ".join(sorted(names))


# A buying-group member as the batch rules read it: (person key, name, role, stance);
# a motive: (person key or None, pulls). Plain tuples, so judging thousands of
# journeys makes no object per member (the report's rows come from the database as
# tuples already).
MemberRow = tuple[Hashable, str, str, str]
MotiveRow = tuple[Hashable | None, str]

_NO_MOTIVE = _reason("no_motive")
_NO_DECISION_MAKER = _reason("no_decision_maker")


@dataclass(frozen=True)
class _StageFacts:
    """What every journey in one stage of the process shares."""

    name: str
    median_days: float
    from_history: bool
    stall_limit: float
    supported: int
    ceiling: int
    stages_left: int


class Judge:
    """Status-quo risk and the reality gap of many journeys of one process on one day.

    What journeys share is worked out once, not per journey: each stage's median, stall
    limit and supported probability; the days left to the last stage per (stage, days
    in it); the reasons that depend only on those (a frozen ``Reason`` is shared by the
    journeys that have it). ``fasit report buying`` judges every open journey of a team
    (~4,700 at scale 100) with one judge per process. ``status_quo_risk`` and
    ``reality_gap`` are this class for one journey.
    """

    def __init__(
        self,
        stages: Sequence[StageDef],
        norms: Mapping[str, StageNorm],
        *,
        today: dt.date,
        rules: Rules = DEFAULT_RULES,
    ) -> None:
        self.stages = stages
        self.norms = norms
        self.today = today
        self.rules = rules
        self._silent_since = today - dt.timedelta(days=rules.decision_maker_days)
        self._stage_facts: dict[int, _StageFacts] = {}
        self._stalled: dict[tuple[int, int], Reason] = {}
        self._left: dict[tuple[int, int], float] = {}
        self._gaps: dict[tuple[int, int | None, dt.date | None, int | None], Gap] = {}

    def _stage(self, index: int) -> _StageFacts:
        found = self._stage_facts.get(index)
        if found is None:
            stage = self.stages[index]
            norm = self.norms[stage.key]
            total = len(self.stages)
            supported = stage_ceiling(index, total)
            found = self._stage_facts[index] = _StageFacts(
                name=stage.name,
                median_days=norm.median_days,
                from_history=norm.from_history,
                stall_limit=self.rules.stall_factor * norm.median_days,
                supported=supported,
                ceiling=min(100, supported + self.rules.probability_margin),
                stages_left=total - 1 - index,
            )
        return found

    def risk(
        self,
        stage_index: int,
        stage_since: dt.date,
        members: Iterable[MemberRow],
        motives: Iterable[MotiveRow],
        last_contact: Mapping[Any, dt.date | None],
    ) -> Risk:
        """The rules of ``status_quo_risk``; ``last_contact`` maps a member's person key
        to their latest conversation with us (only decision makers' are read)."""
        rules = self.rules
        stage = self._stage(stage_index)
        reasons: list[Reason] = []

        days = (self.today - stage_since).days
        if days > stage.stall_limit:
            stalled = self._stalled.get((stage_index, days))
            if stalled is None:
                stalled = self._stalled[(stage_index, days)] = _reason(
                    "stalled",
                    stage=stage.name,
                    days=days,
                    median=round(stage.median_days),
                    from_history=int(stage.from_history),
                )
            reasons.append(stalled)

        any_motive = False
        change: set[Hashable] = set()
        stay: set[Hashable] = set()
        for person, pulls in motives:
            any_motive = True
            if person:
                if pulls == "change":
                    change.add(person)
                elif pulls == "status_quo":
                    stay.add(person)
        if not any_motive:
            reasons.append(_NO_MOTIVE)

        size = 0
        for_: list[str] = []
        against_: list[str] = []
        deciders: list[str] = []
        last: dt.date | None = None
        for person, name, role, stance in members:
            size += 1
            if stance == "for":
                for_.append(name)
            elif stance == "against":
                against_.append(name)
            if role == DECISION_MAKER:
                deciders.append(name)
                contact = last_contact.get(person)
                if contact is not None and (last is None or contact > last):
                    last = contact

        if size >= rules.large_group and (against_ or len(for_) * 2 <= size):
            reasons.append(
                _reason("no_consensus", size=size, in_favour=len(for_), against=len(against_))
            )
        if not deciders:
            reasons.append(_NO_DECISION_MAKER)
        elif last is None or last < self._silent_since:
            reasons.append(
                _reason(
                    "decision_maker_silent",
                    names=_names(deciders),
                    days=rules.decision_maker_days,
                    last_contact=last.isoformat() if last else "",
                )
            )
        if for_ and against_:
            reasons.append(
                _reason("conflicting_stances", in_favour=_names(for_), against=_names(against_))
            )
        # Two different people are needed: one person torn both ways is not a conflict.
        if change and stay and len(change | stay) > 1:
            reasons.append(_reason("conflicting_motives", change=len(change), stay=len(stay)))

        score = sum(r.weight for r in reasons)
        return Risk(level=_level(score), score=score, reasons=tuple(reasons))

    def risk_of(self, facts: JourneyFacts) -> Risk:
        members = [(i, m.name, m.role, m.stance) for i, m in enumerate(facts.members)]
        contacts = {i: m.last_contact for i, m in enumerate(facts.members)}
        motives = [(m.person, m.pulls) for m in facts.motives]
        return self.risk(facts.stage_index, facts.stage_since, members, motives, contacts)

    def days_left(self, stage_index: int, in_stage: int) -> float:
        """``days_left`` for a journey ``in_stage`` days into this stage."""
        found = self._left.get((stage_index, in_stage))
        if found is None:
            last = len(self.stages) - 1
            found = 0.0
            if stage_index < last:
                current = self._stage(stage_index).median_days
                found = max(0.0, current - in_stage)
                for stage in self.stages[stage_index + 1 : last]:
                    found += self.norms[stage.key].median_days
            self._left[(stage_index, in_stage)] = found
        return found

    def gap(
        self,
        stage_index: int,
        stage_since: dt.date,
        probability: int | None,
        close_date: dt.date | None,
    ) -> Gap:
        """The rules of ``reality_gap``. A gap depends on the stage, the probability, the
        close date and (with a close date) the days in the stage: journeys alike in
        those share one."""
        stage = self._stage(stage_index)
        needs_days = close_date is not None and stage.stages_left > 0
        in_stage = (self.today - stage_since).days if needs_days else None
        key = (stage_index, probability, close_date, in_stage)
        found = self._gaps.get(key)
        if found is None:
            found = self._gaps[key] = self._gap(
                stage_index, stage, probability, close_date, in_stage
            )
        return found

    def _gap(
        self,
        stage_index: int,
        stage: _StageFacts,
        probability: int | None,
        close_date: dt.date | None,
        in_stage: int | None,
    ) -> Gap:
        rules = self.rules
        today = self.today
        reasons: list[Reason] = []
        if probability is not None and probability > stage.ceiling:
            reasons.append(
                _reason(
                    "probability_ahead",
                    probability=probability,
                    stage=stage.name,
                    number=stage_index + 1,
                    total=len(self.stages),
                    ceiling=stage.ceiling,
                    supported=stage.supported,
                    ahead=probability - stage.supported,
                    margin=rules.probability_margin,
                )
            )

        earliest: dt.date | None = None
        if close_date is not None and in_stage is not None:
            left = self.days_left(stage_index, in_stage)
            earliest = today + dt.timedelta(days=math.ceil(rules.close_fraction * left))
            if close_date < today:
                reasons.append(
                    _reason(
                        "close_passed",
                        close=close_date.isoformat(),
                        stage=stage.name,
                        stages_left=stage.stages_left,
                    )
                )
            elif close_date < earliest:
                reasons.append(
                    _reason(
                        "close_too_soon",
                        close=close_date.isoformat(),
                        stage=stage.name,
                        stages_left=stage.stages_left,
                        earliest=earliest.isoformat(),
                        median_days=round(left),
                    )
                )

        return Gap(
            flagged=bool(reasons),
            reasons=tuple(reasons),
            ceiling=stage.ceiling,
            earliest_close=earliest,
            supported=stage.supported,
            margin=rules.probability_margin,
        )

    def gap_of(self, facts: JourneyFacts) -> Gap:
        return self.gap(facts.stage_index, facts.stage_since, facts.probability, facts.close_date)


def status_quo_risk(
    facts: JourneyFacts,
    stages: Sequence[StageDef],
    norms: Mapping[str, StageNorm],
    *,
    today: dt.date,
    rules: Rules = DEFAULT_RULES,
) -> Risk:
    return Judge(stages, norms, today=today, rules=rules).risk_of(facts)


def stage_ceiling(stage_index: int, stages_total: int) -> int:
    """The probability the buyer's own progress supports: stage number / stages."""
    return round(100 * (stage_index + 1) / stages_total)


def days_left(
    facts: JourneyFacts,
    stages: Sequence[StageDef],
    norms: Mapping[str, StageNorm],
    *,
    today: dt.date,
) -> float:
    """Median days the buyer still needs to reach the last stage."""
    return Judge(stages, norms, today=today).days_left(
        facts.stage_index, (today - facts.stage_since).days
    )


def reality_gap(
    facts: JourneyFacts,
    stages: Sequence[StageDef],
    norms: Mapping[str, StageNorm],
    *,
    today: dt.date,
    rules: Rules = DEFAULT_RULES,
) -> Gap:
    return Judge(stages, norms, today=today, rules=rules).gap_of(facts)
