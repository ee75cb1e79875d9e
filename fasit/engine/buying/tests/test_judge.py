"""``Judge`` (the rules for many journeys, with what they share worked out once) gives
what the rules one journey at a time gave (``reference_rules.py``): random processes,
norms and journeys, one judge reused for all of a process's journeys, so a shared
stage fact, reason or gap that leaked from one journey into another would show."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from fasit.engine.buying import (
    DECISION_MAKER,
    GroupMember,
    JourneyFacts,
    Judge,
    MotiveFact,
    Rules,
    StageDef,
    StageNorm,
    reality_gap,
    status_quo_risk,
)
from fasit.engine.buying.tests import reference_rules as reference

TODAY = dt.date(2026, 11, 23)
NAMES = ("Kari Berg", "Ola Nordmann", "Åsa Öberg", "Kari Berg", "Zoë", "")
ROLES = (DECISION_MAKER, DECISION_MAKER, "champion", "user", "")
STANCES = ("for", "for", "neutral", "against", "unknown")
PULLS = ("change", "change", "status_quo", "other")


def _stages(rng: random.Random) -> tuple[tuple[StageDef, ...], dict[str, StageNorm]]:
    stages = tuple(
        StageDef(f"s{i}", f"Stage {i}", rng.randint(0, 90)) for i in range(rng.randint(1, 9))
    )
    norms = {}
    for stage in stages:
        # Medians with fractions (a median of an even count, a template's typical days
        # and awkward floats) so that the order of sums would show.
        median = rng.choice([stage.typical_days, rng.randint(0, 60) + 0.5, rng.random() * 50])
        history = rng.random() < 0.5
        norms[stage.key] = StageNorm(
            stage=stage.key,
            median_days=float(median),
            p25=1.0 if history else None,
            p75=2.0 if history else None,
            samples=rng.randint(0, 20),
            from_history=history,
        )
    return stages, norms


def _day(rng: random.Random, today: dt.date) -> dt.date:
    # Around the rules' edges (45 days of silence) as well as anywhere.
    return today - dt.timedelta(days=rng.choice([0, 1, 44, 45, 46, rng.randint(-30, 400)]))


def _facts(rng: random.Random, total: int, today: dt.date) -> JourneyFacts:
    members = tuple(
        GroupMember(
            person=str(rng.randint(1, 12)),
            name=rng.choice(NAMES),
            role=rng.choice(ROLES),
            stance=rng.choice(STANCES),  # type: ignore[arg-type]
            last_contact=None if rng.random() < 0.3 else _day(rng, today),
        )
        for _ in range(rng.choice([0, 1, 2, 4, 5, 6, 9]))
    )
    motives = tuple(
        MotiveFact(
            person=None if rng.random() < 0.2 else str(rng.randint(1, 4)),
            pulls=rng.choice(PULLS),  # type: ignore[arg-type]
        )
        for _ in range(rng.choice([0, 0, 1, 2, 3]))
    )
    return JourneyFacts(
        stage_index=rng.randrange(total),
        stage_since=_day(rng, today),
        members=members,
        motives=motives,
        probability=rng.choice([None, rng.randint(0, 100), 100]),
        close_date=None if rng.random() < 0.3 else today + dt.timedelta(days=rng.randint(-60, 300)),
    )


@pytest.mark.parametrize("seed", range(6))
def test_one_judge_for_many_journeys_gives_the_reference_verdicts(seed: int) -> None:
    rng = random.Random(seed)
    rules = Rules() if seed % 2 == 0 else Rules(stall_factor=1.0, large_group=3, close_fraction=0.7)
    for _ in range(40):
        stages, norms = _stages(rng)
        today = TODAY + dt.timedelta(days=rng.randint(0, 800))
        judge = Judge(stages, norms, today=today, rules=rules)
        for _ in range(60):
            facts = _facts(rng, len(stages), today)
            risk = reference.status_quo_risk(facts, stages, norms, today=today, rules=rules)
            gap = reference.reality_gap(facts, stages, norms, today=today, rules=rules)
            assert judge.risk_of(facts) == risk
            assert judge.gap_of(facts) == gap
            # The plain-row form the app uses: person keys of its own, contacts by key.
            rows = [(str(i), m.name, m.role, m.stance) for i, m in enumerate(facts.members)]
            contacts = {str(i): m.last_contact for i, m in enumerate(facts.members)}
            motives = [(m.person, m.pulls) for m in facts.motives]
            assert judge.risk(facts.stage_index, facts.stage_since, rows, motives, contacts) == risk
            assert (
                judge.gap(facts.stage_index, facts.stage_since, facts.probability, facts.close_date)
                == gap
            )
            if rules == Rules():
                assert status_quo_risk(facts, stages, norms, today=today) == risk
                assert reality_gap(facts, stages, norms, today=today) == gap
