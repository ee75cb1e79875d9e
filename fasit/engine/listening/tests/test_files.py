"""Listening figures of whole files, counted by hand (the comments show the sums), and
what each kind of file allows to measure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fasit.engine.listening import analyse
from fasit.engine.listening.command import main
from fasit.engine.transcripts.tests.shared import REAL_TRANSCRIPTS as REAL
from fasit.engine.transcripts.tests.test_public_files import LOOKALIKES, PUBLIC, load


def _listen(capsys: pytest.CaptureFixture[str], path: Path, *sellers: str) -> dict[str, Any]:
    args = [str(path), "--json"]
    for seller in sellers:
        args += ["--seller", seller]
    assert main(args) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def _questions(
    seller_open: int, seller_closed: int, customer: int, *, closed: int
) -> dict[str, int]:
    """The report's question counts; ``closed`` of the whole meeting."""
    total = seller_open + seller_closed + customer
    return {
        "seller_open": seller_open,
        "seller_closed": seller_closed,
        "seller": seller_open + seller_closed,
        "customer": customer,
        "total": total,
        "open": total - closed,
        "closed": closed,
    }


def _figures(out: dict[str, Any]) -> dict[str, Any]:
    return {
        "speakers": [(s["name"], s["role"], s["words"], s["seconds"]) for s in out["speakers"]],
        "share": out["seller_talk_share"],
        "monologue": out["longest_seller_monologue"],
        "story": out["longest_customer_story"],
        "questions": out["questions"],
        "summaries": out["summaries"],
        "before": out["seller_words_before_first_question"],
        "patience": out["patience_seconds"],
        "duration": out["duration_seconds"],
    }


def test_unpunctuated_swedish_zoom_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    out = _listen(capsys, LOOKALIKES / "zoom_sv_unpunctuated.vtt", "Sara Holm")
    # Sara: 10 + 5 + 1 + 7 + 13 + 6 = 42 words; 3.6 + 3.4 + 0.6 + 2.7 + 5.4 + 2.8 = 18.5 s.
    # per lind (a lower-case Zoom name): 1 + 18 + 7 + 8 + 5 + 7 = 46; 20.9 s.
    # No "?" anywhere: questions by word order — "hur hanterar ni" and "vem bestämmer"
    # (open), "har ni något system" (closed). Monologue: Sara's last turn, 13 + 6
    # words, 33.5-42.0. Story: per 18 + 7, "okej", 8 = 33 words, 10.4-26.0. Patience:
    # pauses 0.5, 0.5, 0.6, 0.5 -> median 0.5.
    assert (out["language"], out["format"], out["punctuation"]) == (
        "sv",
        "zoom-vtt",
        "no-question-marks",
    )
    assert _figures(out) == {
        "speakers": [("Sara Holm", "seller", 42, 18.5), ("per lind", "customer", 46, 20.9)],
        "share": round(42 / 88, 4),
        "monologue": {"speaker": "Sara Holm", "words": 19, "seconds": 8.5, "start": 33.5},
        "story": {"speaker": "per lind", "words": 33, "seconds": 15.6, "start": 10.4},
        "questions": _questions(2, 1, 0, closed=1),
        "summaries": 0,
        "before": 10,
        "patience": 0.5,
        "duration": 44.3,
    }
    assert [(q["start"], q["kind"]) for q in out["question_list"]] == [
        (6.5, "open"),
        (26.6, "closed"),
        (39.2, "open"),
    ]


def test_whisperx_diarised_after_mapping_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    out = _listen(capsys, LOOKALIKES / "whisperx_diarised_en.json", "SPEAKER_00")
    # SPEAKER_00: 7 + 9 + 1 + 13 + 13 + 11 = 54 words; 3.481 + 4.85 + 0.4 + 3.25 + 6.2
    # + 2.5 = 20.681 s. SPEAKER_01: 2 + 17 + 17 + 8 + 2 + 7 = 53; 20.39 s. Questions:
    # "How do you plan…?" open, "So what I'm hearing is …?" closed (a summary), "Who
    # else…?" open. Monologue: 13, "Yes, exactly.", 13 + 11 = 37 words, 27.8-41.8.
    # Story: 17 + 17, "Right.", 8 = 42 words, 10.3-27.3. Pauses 0.42, 0.46, 0.5, 0.5.
    assert _figures(out) == {
        "speakers": [
            ("SPEAKER_00", "seller", 54, 20.68),
            ("SPEAKER_01", "customer", 53, 20.39),
        ],
        "share": round(54 / 107, 4),
        "monologue": {"speaker": "SPEAKER_00", "words": 37, "seconds": 14.0, "start": 27.8},
        "story": {"speaker": "SPEAKER_01", "words": 42, "seconds": 17.0, "start": 10.3},
        "questions": _questions(2, 1, 0, closed=1),
        "summaries": 1,
        "before": 7,
        "patience": 0.48,
        "duration": 45.57,
    }


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} (the shared real transcripts) is absent")
def test_zoom_chat_panel_text_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    out = _listen(capsys, REAL / "07_zoom_chatpanel_text.txt", "Johnny Doe")
    # Johnny: 3 + 7 + 3 + 8 + 21 + 7 = 49 words; Janet 7 + 31 + 5 + 16 + 7 + 20 = 86.
    # Start times only (wall clock, 11:02:09 = 39729 s): a line lasts until the next;
    # Johnny 0 + 2 + 8 + 2 + 5 + 4 = 21 s, Janet 2 + 1 + 3 + 5 + 3 = 14 s (the last
    # line has no end). "Hey, I'm Janet, how are you?" is closed by DESIGN's literal
    # rule (a clause with a pronoun before the interrogative).
    assert _figures(out) == {
        "speakers": [
            ("Johnny Doe", "seller", 49, 21.0),
            ("Janet Dough", "customer", 86, 14.0),
        ],
        "share": round(49 / 135, 4),
        "monologue": {"speaker": "Johnny Doe", "words": 28, "seconds": 9.0, "start": 39752.0},
        "story": {"speaker": "Janet Dough", "words": 31, "seconds": 1.0, "start": 39733.0},
        "questions": _questions(1, 1, 1, closed=2),
        "summaries": 0,
        "before": 0,
        "patience": None,
        "duration": 35.0,
    }
    # Each question at its own line's time, shown as a clock with hours.
    assert [q["start"] for q in out["question_list"]] == [39729.0, 39729.0, 39731.0]
    assert main([str(REAL / "07_zoom_chatpanel_text.txt"), "--seller", "Johnny Doe"]) == 0
    text = capsys.readouterr().out
    assert "11:02:11 [closed] Johnny Doe: Can you hear me?" in text
    assert "662:" not in text


def test_speaker_less_files_report_no_roles(capsys: pytest.CaptureFixture[str]) -> None:
    out = _listen(capsys, PUBLIC / "pysubs2_whisper_jax.txt")
    assert out["speaker_labels"] is False
    assert (out["seller_talk_share"], out["longest_seller_monologue"], out["summaries"]) == (
        None,
        None,
        None,
    )
    # 5 sentences end with "?" ("…, right?" tags are closed); the longest stretch
    # without one is measured instead of a monologue.
    assert out["questions"]["total"] == 5
    assert out["longest_stretch_without_question"]["words"] > 0
    assert [n["code"] for n in out["notices"]] == ["no-speaker-labels"]


def test_speaker_less_file_ignores_a_seller(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(PUBLIC / "webvttpy_sample.srt")
    assert main([path, "--seller", "Unknown speaker", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["seller_talk_share"] is None
    assert "names no speakers" in captured.err


def test_a_seller_is_needed_when_there_are_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(LOOKALIKES / "whisperx_diarised_en.json")]) == 2
    assert "name the seller with --seller; speakers are: SPEAKER_00, SPEAKER_01" in (
        capsys.readouterr().err
    )


def test_another_language_gets_only_language_free_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _listen(capsys, PUBLIC / "webvttpy_netflix_chicas_del_cable.vtt", "Alba")
    assert (out["language"], out["language_supported"]) == ("es", False)
    assert out["seller_talk_share"] is not None
    assert out["questions"]["seller_open"] is None and out["summaries"] is None
    # Questions still count by their "?".
    assert out["questions"]["total"] == len(out["question_list"]) > 0
    assert {q["kind"] for q in out["question_list"]} == {"unclassified"}


def test_whisper_segments_without_speakers() -> None:
    t = load(LOOKALIKES / "faster_whisper_segments_en.json")
    report = analyse(t, [])
    assert (report.speaker_labels, report.language, len(report.questions)) == (False, "en", 2)
    assert report.to_dict()["longest_stretch_without_question"] == {
        # "Yes, we can. The numbers …" (14 words) from 10.4 s to the next question.
        "speaker": None,
        "words": 14,
        "seconds": 6.9,
        "start": 10.4,
    }
