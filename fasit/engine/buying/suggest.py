"""Stage suggestions: a conversation's notes against later stages' sign keywords.

A keyword matches where it starts a word (so "budsjett" also matches "budsjettet"
and "kravspec" matches "kravspecifikationen"); case and accents of the keyword and
the text are compared case-folded. Keywords shorter than three letters are ignored.
Among the stages after the current one, the stage with the most matched keywords
wins; a tie goes to the later stage. Nothing matched: no suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from fasit.engine.buying.model import StageDef, Suggestion

MIN_KEYWORD = 3


def _pattern(keyword: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in keyword.casefold().split()]
    return re.compile(r"(?<![^\W_])" + r"\s+".join(parts))


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords as people type them: separated by commas, semicolons or new lines."""
    seen: dict[str, None] = {}
    for raw in re.split(r"[,;\n]", text):
        keyword = " ".join(raw.split())
        if len(keyword) >= MIN_KEYWORD and keyword.casefold() not in seen:
            seen[keyword.casefold()] = None
    return tuple(seen)


def match_keywords(text: str, keywords: Iterable[str]) -> tuple[str, ...]:
    folded = text.casefold()
    return tuple(
        k for k in keywords if len(k.strip()) >= MIN_KEYWORD and _pattern(k).search(folded)
    )


def suggest_stage(
    stages: Sequence[StageDef], current_index: int, evidence: str, text: str
) -> Suggestion | None:
    best: Suggestion | None = None
    for index in range(current_index + 1, len(stages)):
        stage = stages[index]
        matched = match_keywords(text, stage.keywords)
        if matched and (best is None or len(matched) >= len(best.matched)):
            best = Suggestion(
                evidence=evidence, stage=stage.key, stage_index=index, matched=matched
            )
    return best
