"""Corroboration checked ahead (``ThemeIndex.check_corroboration``, the app's warm-up)
and labels made in one pass (``_representatives``): same answers as before, less work
in the add."""

from __future__ import annotations

import random

import pytest

from fasit.engine.signals.grouping import ThemeIndex, _dot, _ThemeState, build_index
from fasit.engine.signals.tests.helpers import DATA, load_eval

SETS = sorted(p.name for p in DATA.glob("*.jsonl") if not p.name.endswith("_gold.jsonl"))


def _restored(name: str, seed: int) -> tuple[ThemeIndex, list]:  # type: ignore[type-arg]
    statements, _ = load_eval(name)
    rnd = random.Random(seed)
    order = statements[:]
    rnd.shuffle(order)
    cut = rnd.randrange(len(order) // 3, len(order))
    base = build_index(order[:cut])
    stored = [base.statement(s.id) for s in order[:cut]]
    return ThemeIndex.restore(stored, base.assignments()), order[cut:]


@pytest.mark.parametrize("name", SETS[::3])
def test_checking_ahead_gives_each_theme_the_from_scratch_verdict(name: str) -> None:
    index, _rest = _restored(name, 1)
    fresh = {
        tid: index._check_corroboration(state)[0]
        for tid, state in index._themes.items()
        if len(state.accounts) >= 3
    }
    assert index.check_corroboration() == len(fresh)
    assert {tid: index._corroboration[tid] for tid in fresh} == fresh
    assert index.check_corroboration() == 0  # nothing left to check


def test_after_checking_ahead_an_add_makes_no_check_from_scratch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index, rest = _restored("blind1.jsonl", 3)
    index.check_corroboration()
    calls = []
    check = ThemeIndex._check_corroboration

    def counted(self: ThemeIndex, state: _ThemeState):  # type: ignore[no-untyped-def]
        calls.append(state.id)
        return check(self, state)

    monkeypatch.setattr(ThemeIndex, "_check_corroboration", counted)
    first_checks = []
    for s in rest:
        theme_id = index.add(s)
        if index.account_count(theme_id) >= 3:
            if theme_id not in index._corroboration:
                first_checks.append(theme_id)  # reached three accounts with this add
            index.corroborated(theme_id)
    assert len(calls) == len(first_checks)


def _representative_words_before(
    index: ThemeIndex, state: _ThemeState, language: str
) -> tuple[str, ...]:
    """``_representative_words`` as it was: one pass over the theme per language."""
    best: tuple[float, str] | None = None
    members = [sid for sid in state.members if index._statements[sid].language == language] or list(
        state.members
    )
    for sid in members:
        score = _dot(index._analysis[sid].vector, state.sums)
        if best is None or score > best[0]:
            best = (score, sid)
    return index._analysis[best[1]].words if best else ()


@pytest.mark.parametrize("name", SETS)
def test_labels_in_one_pass_are_the_labels_of_one_pass_per_language(name: str) -> None:
    statements, _ = load_eval(name)
    half = len(statements) // 2
    index = build_index(statements[:half])
    languages = ("sv", "nb", "da", "en", "fi", "")

    def check() -> None:
        for state in index._themes.values():
            for language, words in index._representatives(state, languages).items():
                assert words == _representative_words_before(index, state, language)

    check()
    # Kept between calls, and computed again once a statement joins or leaves.
    for s in statements[half:]:
        index.add(s)
        check()
    moved = statements[0].id
    index.move(moved, index.theme_of(statements[-1].id))
    check()
