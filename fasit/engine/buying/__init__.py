"""Buying-process rules: stage norms, status-quo risk, reality gap, stage suggestions.

Pure Python on frozen dataclasses; the ``fasit.buying`` app maps its rows to these
types (``fasit/buying/mapping.py``) and translates the reason codes into sentences.
"""

from fasit.engine.buying.model import (
    DECISION_MAKER,
    Gap,
    GroupMember,
    JourneyFacts,
    MotiveFact,
    Reason,
    Risk,
    Rules,
    StageDef,
    StageEntry,
    StageNorm,
    Suggestion,
)
from fasit.engine.buying.rules import Judge, MemberRow, MotiveRow, reality_gap, status_quo_risk
from fasit.engine.buying.stats import (
    StageInsight,
    StageVisits,
    median,
    norms_for,
    norms_from_durations,
    ordered_durations,
    percentile,
    stage_insight,
    stage_insight_from_visits,
)
from fasit.engine.buying.suggest import match_keywords, suggest_stage

__all__ = [
    "DECISION_MAKER",
    "Gap",
    "GroupMember",
    "JourneyFacts",
    "Judge",
    "MemberRow",
    "MotiveFact",
    "MotiveRow",
    "Reason",
    "Risk",
    "Rules",
    "StageDef",
    "StageEntry",
    "StageInsight",
    "StageNorm",
    "StageVisits",
    "Suggestion",
    "match_keywords",
    "median",
    "norms_for",
    "norms_from_durations",
    "ordered_durations",
    "percentile",
    "reality_gap",
    "stage_insight",
    "stage_insight_from_visits",
    "status_quo_risk",
    "suggest_stage",
]
