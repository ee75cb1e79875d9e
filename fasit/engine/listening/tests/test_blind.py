"""The blind transcript set (tests/blind/): transcripts in every format and language,
with gold figures labelled by hand from DESIGN.md before the classifier was read.

Each transcript goes through ``fasit listen --json`` and is scored exactly as
/work/shared/eval/score_listen.py scores the evaluation sets: every figure within
its tolerance. The set must keep full marks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fasit.engine.listening.command import main

BLIND = Path(__file__).parent / "blind"
GOLD: list[dict[str, Any]] = json.loads((BLIND / "gold.json").read_text(encoding="utf-8"))


def _close(a: float | None, b: float | None, tol: float) -> bool:
    if b is None:
        return a is None
    return a is not None and abs(a - b) <= tol


def score(gold: dict[str, Any], out: dict[str, Any]) -> list[str]:
    """The names of the figures that are off, as score_listen.py checks them."""
    speakers = {s["name"]: s for s in out.get("speakers", [])}
    words_ok = len(speakers) == len(gold["speakers"]) and all(
        n in speakers
        and abs(speakers[n].get("words", -1) - s["words"]) <= max(1, 0.01 * s["words"])
        and speakers[n].get("role") == s["role"]
        for n, s in gold["speakers"].items()
    )
    mono = out.get("longest_seller_monologue", {})
    questions = out.get("questions", {})
    checks = {
        "language": out.get("language") == gold["language"],
        "seller_talk_share": _close(out.get("seller_talk_share"), gold["seller_talk_share"], 0.01),
        "speakers words+roles": words_ok,
        "monologue words": _close(mono.get("words"), gold["longest_seller_monologue_words"], 2),
        "monologue seconds": _close(
            mono.get("seconds"), gold["longest_seller_monologue_seconds"], 0.5
        ),
        **{
            f"questions.{k}": questions.get(k) == gold["questions"][k]
            for k in ("seller_open", "seller_closed", "customer")
        },
        "summaries": out.get("summaries") == gold["summaries"],
        "seller_words_before_first_question": _close(
            out.get("seller_words_before_first_question"),
            gold["seller_words_before_first_question"],
            2,
        ),
    }
    return [name for name, good in checks.items() if not good]


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_blind_transcript_scores_full_marks(
    gold: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(BLIND / "src" / gold["file"]), "--json"]
    for seller in gold["sellers"]:
        argv += ["--seller", seller]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert score(gold, out) == []
    assert out["format"] == gold["format"]


def test_blind_set_covers_every_language_and_format() -> None:
    assert {g["language"] for g in GOLD} == {"sv", "nb", "da", "en"}
    assert {g["format"] for g in GOLD} >= {"teams-vtt", "zoom-vtt", "srt", "plain", "meet"}
