"""A written transcript reads back to the same speakers, turns, words and times."""

from __future__ import annotations

from pathlib import Path

import pytest

from fasit.engine.listening import analyse
from fasit.engine.transcripts import Cue, Transcript, parse_text, parse_transcript
from fasit.engine.transcripts.write import write_text

FIXTURES = sorted(
    [
        *(Path(__file__).parent / "fixtures").iterdir(),
        *(Path(__file__).parents[2] / "listening" / "tests" / "blind").glob("**/*.vtt"),
        *(Path(__file__).parents[2] / "listening" / "tests" / "blind").glob("**/*.srt"),
        *(Path(__file__).parents[2] / "listening" / "tests" / "blind").glob("**/*.txt"),
    ]
)


def _cues(transcript: Transcript) -> list[tuple[str, float | None, float | None, str]]:
    def ms(t: float | None) -> float | None:
        return None if t is None else round(t, 3)

    return [(c.speaker, ms(c.start), ms(c.end), c.text) for c in transcript.cues]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_round_trip_keeps_cues_and_figures(path: Path) -> None:
    original = parse_transcript(path)
    again = parse_text(write_text(original))
    assert again.timing == original.timing
    assert _cues(again) == _cues(original)
    assert [t.speaker for t in again.turns] == [t.speaker for t in original.turns]
    sellers = list(original.speakers[:1])
    before, after = analyse(original, sellers), analyse(again, sellers)
    assert after.seller_talk_share == pytest.approx(before.seller_talk_share, abs=1e-3)
    assert after.seller_open_questions == before.seller_open_questions
    assert after.customer_questions == before.customer_questions


def test_markup_and_arrows_in_speech_stay_speech() -> None:
    transcript = Transcript(
        turns=(),
        format="teams-vtt",
        cues=(Cue("Ann Lee (Guest)", 0.0, 1.5, "a --> b & <c>?"),),
        timing="full",
    )
    again = parse_text(write_text(transcript))
    assert [(c.speaker, c.text) for c in again.cues] == [("Ann Lee (Guest)", "a --> b & <c>?")]


def test_untimed_speech_with_a_colon_keeps_its_speaker() -> None:
    transcript = parse_text("Kari Berg: Time: 10:30 works.\nOla Nord: Fine.\n")
    again = parse_text(write_text(transcript))
    assert _cues(again) == _cues(transcript)
