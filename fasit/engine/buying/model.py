"""The engine's input and output types for buying processes (frozen dataclasses).

Keys are strings chosen by the caller (the app uses database ids); the engine only
compares them. Reasons carry a code and parameters, never a sentence: the app turns
them into translated sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

Stance = Literal["for", "neutral", "against", "unknown"]
Pull = Literal["change", "status_quo"]
RiskLevel = Literal["low", "medium", "high"]
Param = str | int | float

DECISION_MAKER: Final = "decision_maker"


@dataclass(frozen=True)
class Rules:
    """The thresholds of the rules, in one place so docs/buying.md can quote them.

    - ``min_history``: completed stage visits in a category needed before the
      category's own median is used; below it the stage's ``typical_days`` is.
    - ``stall_factor``: stalled when days in stage > factor x the stage's median.
    - ``large_group``: a buying group of this many people or more needs consensus
      evidence (more than half "for", nobody "against").
    - ``decision_maker_days``: a decision maker counts as in contact when one had a
      conversation with us within this many days.
    - ``probability_margin``: the seller's probability may run this many points above
      what the buyer's stage supports, 100 x (stage number / stages in the process),
      before it is a gap: a stage or two of optimism (11 points a stage in the nine-stage
      process) is the seller's judgement, a forecast more than 25 points ahead is not.
    - ``close_fraction``: the earliest plausible close passes the stages left in this
      fraction of their median durations (buyers can be quicker than the median).
    """

    min_history: int = 5
    stall_factor: float = 1.5
    large_group: int = 5
    decision_maker_days: int = 45
    probability_margin: int = 25
    close_fraction: float = 0.5


DEFAULT_RULES: Final = Rules()


@dataclass(frozen=True)
class StageDef:
    """One stage of a buying process, in process order."""

    key: str
    name: str
    typical_days: int = 30
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageEntry:
    """A journey entered ``stage`` on ``on``; ``seq`` orders entries of one day."""

    journey: str
    stage: str
    on: dt.date
    seq: int = 0


@dataclass(frozen=True)
class StageNorm:
    """How long buyers in a category stay in one stage.

    ``from_history`` is False when there was too little history and ``median_days``
    is the stage's typical days from the template (``p25``/``p75`` are then None).
    """

    stage: str
    median_days: float
    p25: float | None
    p75: float | None
    samples: int
    from_history: bool


@dataclass(frozen=True)
class GroupMember:
    person: str
    name: str
    role: str = ""
    stance: Stance = "unknown"
    last_contact: dt.date | None = None


@dataclass(frozen=True)
class MotiveFact:
    person: str | None
    pulls: Pull = "change"


@dataclass(frozen=True)
class JourneyFacts:
    """One open journey as the rules see it."""

    stage_index: int
    stage_since: dt.date
    members: tuple[GroupMember, ...] = ()
    motives: tuple[MotiveFact, ...] = ()
    probability: int | None = None
    close_date: dt.date | None = None


@dataclass(frozen=True)
class Reason:
    code: str
    params: tuple[tuple[str, Param], ...] = ()
    weight: int = 0

    def as_dict(self) -> dict[str, Param]:
        return dict(self.params)


@dataclass(frozen=True)
class Risk:
    level: RiskLevel
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Gap:
    """``supported`` is the probability the buyer's stage supports (stage number ÷
    stages); ``ceiling`` the highest forecast that is not yet a gap (``supported`` +
    the margin, at most 100); ``earliest_close`` the earliest plausible close date,
    if computed."""

    flagged: bool
    reasons: tuple[Reason, ...]
    ceiling: int
    earliest_close: dt.date | None
    supported: int = 0
    margin: int = 0


@dataclass(frozen=True)
class Suggestion:
    """Evidence ``evidence`` suggests the buyer has moved on to ``stage``."""

    evidence: str
    stage: str
    stage_index: int
    matched: tuple[str, ...]
