from __future__ import annotations

import datetime as dt

import pytest

from fasit.engine.buying import (
    StageDef,
    StageEntry,
    match_keywords,
    median,
    percentile,
    stage_insight,
    suggest_stage,
)
from fasit.engine.buying.suggest import split_keywords

TODAY = dt.date(2026, 11, 23)
STAGES = (
    StageDef("sq", "Status quo", 60),
    StageDef("pi", "Problem identification", 30, ("problem", "driftsstans", "nedbrud")),
    StageDef("rb", "Requirements building", 30, ("kravspec", "budsjett", "must-have")),
    StageDef("ss", "Supplier selection", 40, ("anbud", "tilbud", "shortlist")),
    StageDef("de", "Decision", 10, ("kontrakt", "signer")),
)


def test_median_and_percentiles() -> None:
    assert median([5, 1, 3]) == 3
    assert median([1, 2, 3, 4]) == 2.5
    assert percentile([10, 20, 30, 40, 50], 0.25) == 20
    with pytest.raises(ValueError):
        median([])


def test_keywords_match_at_word_start_in_any_inflection() -> None:
    text = "Budsjettet er godkjent, og de skriver en kravspecifikation."
    assert match_keywords(text, ("budsjett", "kravspec", "tilbud")) == ("budsjett", "kravspec")
    assert match_keywords("Vi har ingen udbudsproblemer", ("problem",)) == ()


def test_phrase_keywords_span_any_whitespace() -> None:
    assert match_keywords("They want a\nproof  of concept", ("proof of concept",)) == (
        "proof of concept",
    )


def test_split_keywords_drops_short_and_duplicates() -> None:
    assert split_keywords("Anbud, tilbud;\nRFP, anbud, ok") == ("anbud", "tilbud", "rfp")


def test_suggests_the_later_stage_with_most_matches() -> None:
    text = "De sendte ut anbud i går; tre leverandører på shortlist. Budsjett er satt."
    suggestion = suggest_stage(STAGES, 1, "c7", text)
    assert suggestion is not None
    assert (suggestion.stage, suggestion.stage_index, suggestion.matched) == (
        "ss",
        3,
        ("anbud", "shortlist"),
    )


def test_a_tie_goes_to_the_later_stage() -> None:
    suggestion = suggest_stage(STAGES, 0, "c1", "Budsjett og kontrakt")
    assert suggestion is not None
    assert suggestion.stage == "de"


def test_never_suggests_the_current_or_an_earlier_stage() -> None:
    assert suggest_stage(STAGES, 3, "c1", "Nytt problem: anbud og budsjett") is None


def test_stage_insight_counts_moves_stalls_and_no_decisions() -> None:
    start = dt.date(2026, 1, 1)
    entries = [
        StageEntry("a", "pi", start),
        StageEntry("a", "rb", start + dt.timedelta(days=20)),
        StageEntry("b", "pi", start),
        StageEntry("c", "pi", TODAY - dt.timedelta(days=5)),
        StageEntry("d", "pi", start),
    ]
    insight = {
        i.stage: i
        for i in stage_insight(
            STAGES,
            entries,
            today=TODAY,
            open_journeys=frozenset({"a", "b", "c"}),
            no_decision=frozenset({"d"}),
        )
    }
    pi = insight["pi"]
    assert (pi.entered, pi.moved_on, pi.here_now, pi.stalled_now, pi.ended_here) == (4, 1, 2, 1, 1)
    assert pi.move_on_rate == 0.25
    assert insight["sq"].move_on_rate is None


def test_ordered_durations_give_the_same_norms_as_entries() -> None:
    from fasit.engine.buying import norms_for, norms_from_durations, ordered_durations

    entries = [
        StageEntry(f"j{j}", stage, TODAY - dt.timedelta(days=days), seq=j * 10 + k)
        for j in range(8)
        for k, (stage, days) in enumerate(
            [("sq", 100 + j), ("pi", 90 - j), ("removed-1" if j % 3 else "se", 40), ("se", j)]
        )
    ]
    ordered = sorted(entries, key=lambda e: (e.journey, e.on, e.seq))
    rows = [(e.journey, None if e.stage.startswith("removed") else e.stage, e.on) for e in ordered]
    assert norms_from_durations(STAGES, ordered_durations(rows)) == norms_for(STAGES, entries)


def test_stage_insight_from_counted_visits_equals_the_listed_visits() -> None:
    import random

    from fasit.engine.buying.stats import StageVisits, stage_insight_from_visits, visits

    rng = random.Random(7)
    keys = [s.key for s in STAGES] + ["gone"]
    entries = []
    for journey in range(60):
        day = TODAY - dt.timedelta(days=rng.randint(0, 400))
        for seq in range(rng.randint(1, 5)):
            entries.append(StageEntry(f"j{journey}", rng.choice(keys), day, seq))
            day += dt.timedelta(days=rng.randint(0, 40))
    outcome = {f"j{j}": rng.choice(["open", "open", "no_decision", "bought"]) for j in range(60)}
    completed: dict[str, dict[int, int]] = {}
    still: dict[str, dict[tuple[str, dt.date], int]] = {}
    for visit in visits(entries):
        if visit.left is None:
            bucket = still.setdefault(visit.stage, {})
            key = (outcome[visit.journey], visit.entered)
            bucket[key] = bucket.get(key, 0) + 1
        else:
            days = completed.setdefault(visit.stage, {})
            days[visit.days(TODAY)] = days.get(visit.days(TODAY), 0) + 1
    counted = {k: StageVisits(completed.get(k, {}), still.get(k, {})) for k in {*completed, *still}}
    assert stage_insight_from_visits(STAGES, counted, today=TODAY) == stage_insight(
        STAGES,
        entries,
        today=TODAY,
        open_journeys=frozenset(j for j, o in outcome.items() if o == "open"),
        no_decision=frozenset(j for j, o in outcome.items() if o == "no_decision"),
    )
