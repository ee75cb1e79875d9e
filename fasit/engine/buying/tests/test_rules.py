"""The risk and gap rules, case by case, on a fixed today."""

from __future__ import annotations

import datetime as dt

from fasit.engine.buying import (
    GroupMember,
    JourneyFacts,
    MotiveFact,
    StageDef,
    StageEntry,
    norms_for,
    reality_gap,
    status_quo_risk,
)

TODAY = dt.date(2026, 11, 23)
STAGES = (
    StageDef("sq", "Status quo", 60),
    StageDef("pi", "Problem identification", 30),
    StageDef("se", "Solution exploration", 30),
    StageDef("rb", "Requirements building", 30),
    StageDef("ss", "Supplier selection", 40),
    StageDef("va", "Validation", 20),
    StageDef("co", "Consensus", 20),
    StageDef("de", "Decision", 10),
    StageDef("im", "Implementation", 60),
)
NORMS = norms_for(STAGES, [])
DECIDER = GroupMember("1", "Kari Berg", role="decision_maker", stance="for", last_contact=TODAY)
MOTIVE = (MotiveFact("1"),)


def facts(**overrides: object) -> JourneyFacts:
    values: dict[str, object] = {
        "stage_index": 1,
        "stage_since": TODAY - dt.timedelta(days=10),
        "members": (DECIDER,),
        "motives": MOTIVE,
    }
    values.update(overrides)
    return JourneyFacts(**values)  # type: ignore[arg-type]


def codes(f: JourneyFacts) -> list[str]:
    return [r.code for r in status_quo_risk(f, STAGES, NORMS, today=TODAY).reasons]


def gap_codes(f: JourneyFacts) -> list[str]:
    return [r.code for r in reality_gap(f, STAGES, NORMS, today=TODAY).reasons]


def test_a_healthy_journey_has_low_risk() -> None:
    risk = status_quo_risk(facts(), STAGES, NORMS, today=TODAY)
    assert (risk.level, risk.score, risk.reasons) == ("low", 0, ())


def test_stalled_after_one_and_a_half_median() -> None:
    assert codes(facts(stage_since=TODAY - dt.timedelta(days=45))) == []
    assert codes(facts(stage_since=TODAY - dt.timedelta(days=46))) == ["stalled"]


def test_stalled_reason_says_days_and_median() -> None:
    risk = status_quo_risk(
        facts(stage_since=TODAY - dt.timedelta(days=50)), STAGES, NORMS, today=TODAY
    )
    assert risk.reasons[0].as_dict() == {
        "stage": "Problem identification",
        "days": 50,
        "median": 30,
        "from_history": 0,
    }
    assert (risk.level, risk.score) == ("medium", 2)


def test_no_motive() -> None:
    assert codes(facts(motives=())) == ["no_motive"]


def test_large_group_without_consensus() -> None:
    neutral = tuple(GroupMember(str(i), f"P{i}", stance="neutral") for i in range(2, 6))
    assert codes(facts(members=(DECIDER, *neutral))) == ["no_consensus"]


def test_large_group_with_majority_for_and_none_against_is_consensus() -> None:
    favour = tuple(GroupMember(str(i), f"P{i}", stance="for") for i in range(2, 4))
    neutral = tuple(GroupMember(str(i), f"P{i}", stance="neutral") for i in range(4, 6))
    assert codes(facts(members=(DECIDER, *favour, *neutral))) == []


def test_small_group_needs_no_consensus_evidence() -> None:
    neutral = tuple(GroupMember(str(i), f"P{i}", stance="neutral") for i in range(2, 5))
    assert codes(facts(members=(DECIDER, *neutral))) == []


def test_no_decision_maker_in_the_group() -> None:
    assert codes(facts(members=(GroupMember("2", "Ola", role="user", stance="for"),))) == [
        "no_decision_maker"
    ]


def test_decision_maker_silent_for_more_than_45_days() -> None:
    quiet = GroupMember(
        "1", "Kari Berg", role="decision_maker", last_contact=TODAY - dt.timedelta(days=46)
    )
    recent = GroupMember(
        "1", "Kari Berg", role="decision_maker", last_contact=TODAY - dt.timedelta(days=45)
    )
    never = GroupMember("1", "Kari Berg", role="decision_maker")
    assert codes(facts(members=(quiet,))) == ["decision_maker_silent"]
    assert codes(facts(members=(recent,))) == []
    assert codes(facts(members=(never,))) == ["decision_maker_silent"]


def test_conflicting_stances() -> None:
    against = GroupMember("2", "Ola Dal", stance="against")
    risk = status_quo_risk(facts(members=(DECIDER, against)), STAGES, NORMS, today=TODAY)
    assert [r.code for r in risk.reasons] == ["conflicting_stances"]
    assert risk.reasons[0].as_dict() == {"in_favour": "Kari Berg", "against": "Ola Dal"}


def test_conflicting_motives_need_two_people() -> None:
    torn = (MotiveFact("1", "change"), MotiveFact("1", "status_quo"))
    split = (MotiveFact("1", "change"), MotiveFact("2", "status_quo"))
    assert codes(facts(motives=torn)) == []
    assert codes(facts(motives=split)) == ["conflicting_motives"]


def test_many_reasons_make_high_risk() -> None:
    risk = status_quo_risk(
        facts(motives=(), members=(), stage_since=TODAY - dt.timedelta(days=100)),
        STAGES,
        NORMS,
        today=TODAY,
    )
    assert [r.code for r in risk.reasons] == ["stalled", "no_motive", "no_decision_maker"]
    assert (risk.level, risk.score) == ("high", 6)


def test_history_replaces_the_typical_days_once_there_is_enough() -> None:
    entries = []
    for j in range(5):
        entries += [
            StageEntry(str(j), "pi", dt.date(2026, 1, 1)),
            StageEntry(str(j), "se", dt.date(2026, 1, 1) + dt.timedelta(days=10 + j)),
        ]
    norms = norms_for(STAGES, entries)
    assert (norms["pi"].median_days, norms["pi"].p25, norms["pi"].p75) == (12, 11, 13)
    assert norms["pi"].from_history
    assert (norms["se"].median_days, norms["se"].from_history) == (30, False)
    few = norms_for(STAGES, entries[:8])
    assert (few["pi"].median_days, few["pi"].samples, few["pi"].from_history) == (30, 4, False)


def test_probability_ahead_of_the_buyer() -> None:
    # Stage 2 of 9: ceiling 22 + margin 25 = 47.
    assert gap_codes(facts(probability=80)) == ["probability_ahead"]
    assert gap_codes(facts(probability=47)) == []
    gap = reality_gap(facts(probability=80), STAGES, NORMS, today=TODAY)
    assert gap.reasons[0].as_dict() == {
        "probability": 80,
        "stage": "Problem identification",
        "number": 2,
        "total": 9,
        "ceiling": 47,
        "supported": 22,
        "ahead": 58,
        "margin": 25,
    }


def test_a_gap_needs_more_than_the_margin() -> None:
    # Stage 4 of 9 supports 44 %: 69 % is judgement (25 points), 70 % is a gap (26).
    assert gap_codes(facts(stage_index=3, probability=69)) == []
    assert gap_codes(facts(stage_index=3, probability=70)) == ["probability_ahead"]
    gap = reality_gap(facts(stage_index=3, probability=70), STAGES, NORMS, today=TODAY)
    assert (gap.supported, gap.ceiling, gap.margin) == (44, 69, 25)


def test_high_probability_is_fine_late_in_the_process() -> None:
    assert gap_codes(facts(stage_index=6, probability=90)) == []


def test_close_date_before_the_stages_left_could_be_passed() -> None:
    # Problem identification, 10 of 30 days spent: 20 + 30+30+40+20+20+10 = 170 days
    # of medians left; half of it is 85 days.
    earliest = TODAY + dt.timedelta(days=85)
    gap = reality_gap(facts(close_date=earliest), STAGES, NORMS, today=TODAY)
    assert (gap.flagged, gap.earliest_close) == (False, earliest)
    too_soon = reality_gap(
        facts(close_date=earliest - dt.timedelta(days=1)), STAGES, NORMS, today=TODAY
    )
    assert [r.code for r in too_soon.reasons] == ["close_too_soon"]
    assert too_soon.reasons[0].as_dict()["stages_left"] == 7


def test_close_date_in_the_past() -> None:
    assert gap_codes(facts(close_date=TODAY - dt.timedelta(days=1))) == ["close_passed"]


def test_at_the_last_stage_no_close_date_gap() -> None:
    assert gap_codes(facts(stage_index=8, close_date=TODAY - dt.timedelta(days=30))) == []


def test_no_forecast_no_gap() -> None:
    gap = reality_gap(facts(), STAGES, NORMS, today=TODAY)
    assert (gap.flagged, gap.reasons, gap.earliest_close) == (False, (), None)
