"""The risk and gap rules as they were written before ``Judge`` (one journey at a time,
every value worked out anew): the reference the batch rules are compared with, in
``test_judge.py`` and in the report's differential test (fasit/buying). Kept as it was;
do not change it with the rules, change the rules' own tests."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

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


def status_quo_risk(
    facts: JourneyFacts,
    stages: Sequence[StageDef],
    norms: Mapping[str, StageNorm],
    *,
    today: dt.date,
    rules: Rules = DEFAULT_RULES,
) -> Risk:
    stage = stages[facts.stage_index]
    norm = norms[stage.key]
    reasons: list[Reason] = []

    days = (today - facts.stage_since).days
    if days > rules.stall_factor * norm.median_days:
        reasons.append(
            _reason(
                "stalled",
                stage=stage.name,
                days=days,
                median=round(norm.median_days),
                from_history=int(norm.from_history),
            )
        )

    if not facts.motives:
        reasons.append(_reason("no_motive"))

    members = facts.members
    if len(members) >= rules.large_group:
        in_favour = sum(1 for m in members if m.stance == "for")
        against = sum(1 for m in members if m.stance == "against")
        if against or in_favour * 2 <= len(members):
            reasons.append(
                _reason("no_consensus", size=len(members), in_favour=in_favour, against=against)
            )

    deciders = [m for m in members if m.role == DECISION_MAKER]
    if not deciders:
        reasons.append(_reason("no_decision_maker"))
    else:
        since = today - dt.timedelta(days=rules.decision_maker_days)
        contacts = [m.last_contact for m in deciders if m.last_contact is not None]
        if not any(c >= since for c in contacts):
            last = max(contacts) if contacts else None
            reasons.append(
                _reason(
                    "decision_maker_silent",
                    names=_names([m.name for m in deciders]),
                    days=rules.decision_maker_days,
                    last_contact=last.isoformat() if last else "",
                )
            )

    for_ = [m.name for m in members if m.stance == "for"]
    against_ = [m.name for m in members if m.stance == "against"]
    if for_ and against_:
        reasons.append(
            _reason("conflicting_stances", in_favour=_names(for_), against=_names(against_))
        )

    change = {m.person for m in facts.motives if m.pulls == "change" and m.person}
    stay = {m.person for m in facts.motives if m.pulls == "status_quo" and m.person}
    # Two different people are needed: one person torn both ways is not a conflict.
    if change and stay and len(change | stay) > 1:
        reasons.append(_reason("conflicting_motives", change=len(change), stay=len(stay)))

    score = sum(r.weight for r in reasons)
    return Risk(level=_level(score), score=score, reasons=tuple(reasons))


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
    last = len(stages) - 1
    if facts.stage_index >= last:
        return 0.0
    in_stage = (today - facts.stage_since).days
    current = norms[stages[facts.stage_index].key].median_days
    remaining = max(0.0, current - in_stage)
    for stage in stages[facts.stage_index + 1 : last]:
        remaining += norms[stage.key].median_days
    return remaining


def reality_gap(
    facts: JourneyFacts,
    stages: Sequence[StageDef],
    norms: Mapping[str, StageNorm],
    *,
    today: dt.date,
    rules: Rules = DEFAULT_RULES,
) -> Gap:
    total = len(stages)
    stage = stages[facts.stage_index]
    supported = stage_ceiling(facts.stage_index, total)
    ceiling = min(100, supported + rules.probability_margin)
    reasons: list[Reason] = []

    if facts.probability is not None and facts.probability > ceiling:
        reasons.append(
            _reason(
                "probability_ahead",
                probability=facts.probability,
                stage=stage.name,
                number=facts.stage_index + 1,
                total=total,
                ceiling=ceiling,
                supported=supported,
                ahead=facts.probability - supported,
                margin=rules.probability_margin,
            )
        )

    earliest: dt.date | None = None
    last = total - 1
    if facts.close_date is not None and facts.stage_index < last:
        left = days_left(facts, stages, norms, today=today)
        earliest = today + dt.timedelta(days=math.ceil(rules.close_fraction * left))
        stages_left = last - facts.stage_index
        if facts.close_date < today:
            reasons.append(
                _reason(
                    "close_passed",
                    close=facts.close_date.isoformat(),
                    stage=stage.name,
                    stages_left=stages_left,
                )
            )
        elif facts.close_date < earliest:
            reasons.append(
                _reason(
                    "close_too_soon",
                    close=facts.close_date.isoformat(),
                    stage=stage.name,
                    stages_left=stages_left,
                    earliest=earliest.isoformat(),
                    median_days=round(left),
                )
            )

    return Gap(
        flagged=bool(reasons),
        reasons=tuple(reasons),
        ceiling=ceiling,
        earliest_close=earliest,
        supported=supported,
        margin=rules.probability_margin,
    )
