"""The sixteen real transcripts of ``shared/eval/real-transcripts`` (their sources in
SOURCES.md there; not copied into the project, their licences are their authors'):
each parses with the speakers it names, and what went wrong with them stays fixed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fasit.engine.listening import analyse
from fasit.engine.listening.command import coaching, main
from fasit.engine.transcripts import parse_transcript
from fasit.engine.transcripts.model import UNKNOWN_SPEAKER
from fasit.engine.transcripts.tests.shared import REAL_TRANSCRIPTS as REAL

pytestmark = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"{REAL} (the shared real transcripts) is absent"
)


def _path(name: str) -> Path:
    return REAL / name


def _report(name: str, seller: str | None = None) -> dict[str, Any]:
    t = parse_transcript(_path(name))
    return analyse(t, [seller] if seller else []).to_dict()


@pytest.mark.parametrize(
    ("name", "fmt", "speakers"),
    [
        ("01_teams_graph_webvttpy.vtt", "teams-vtt", ["Yuri Bakulin", "Adrian Petrescu"]),
        (
            "02_teams_real_support_call_excerpt.vtt",
            "teams-vtt",
            [
                "Elizabeth George",
                "Ryan Park",
                "Ken Prole",
                "Mahadevan Krishnan",
                "Rahul Pande",
                "Surya Poduri",
            ],
        ),
        (
            "03_zoom_webinar_olin.vtt",
            "zoom-vtt",
            ["Andrew Knight", "Paul McCartney", "George Harrison", "Ringo Starr", "John Lennon"],
        ),
        ("04_zoom_cip_meeting.vtt", "zoom-vtt", ["Ashlee Kupor (SL)", "Dora Demszky"]),
        ("07_zoom_chatpanel_text.txt", "plain", ["Johnny Doe", "Janet Dough"]),
        (
            "08_otter_ladybug_nextjs.txt",
            "plain",
            ["Ali", "Kelly", "Unknown Speaker", "Emma", "Sidney"],
        ),
        ("09_markdown_bold_ladybug05.md", "markdown", ["Emma", "Kelly", "Ali", "Lindsey"]),
        (
            "10_gmeet_flow_devtools.txt",
            "meet",
            ["Ali Serag", "Tom Haile", "Jack Forgash", "Deniz Mert Edincik"],
        ),
        ("12_nospeakers_meetgpt.vtt", "vtt", [UNKNOWN_SPEAKER]),
        ("13_sv_tor_nospeakers.srt", "srt", [UNKNOWN_SPEAKER]),
        ("14_nb_tor_nospeakers.srt", "srt", [UNKNOWN_SPEAKER]),
        ("15_da_tor_nospeakers.srt", "srt", [UNKNOWN_SPEAKER]),
        (
            "16_teams_entities_es_excerpt.vtt",
            "teams-vtt",
            ["Carlos Farías", "Alfredo Artigas", "Mauricio Cruzat"],
        ),
    ],
)
def test_each_file_parses_with_its_speakers(name: str, fmt: str, speakers: list[str]) -> None:
    t = parse_transcript(_path(name))
    assert (t.format, list(t.speakers)) == (fmt, speakers)


def test_readai_speakers_come_from_the_time_lines_not_the_title() -> None:
    t = parse_transcript(_path("11_readai_flow_devtools.txt"))
    assert "Dev Tools Working Group" not in t.speakers
    assert t.speakers[:3] == ("Unidentified Speaker", "Chase Fleming", "Ali Serag")
    assert t.turns[1].text.startswith("Is it via this or should we be doing it via")


def test_markdown_bold_names_and_html_references() -> None:
    t = parse_transcript(_path("09_markdown_bold_ladybug05.md"))
    assert t.turns[0].text.startswith("Today we're talking about ourselves.")
    assert not any("&#39;" in turn.text or "**" in turn.text for turn in t.turns)


def test_zoom_device_and_lower_case_names_are_speakers() -> None:
    class_05 = parse_transcript(_path("05_zoom_class_preasync.vtt"))
    assert "Saurabh Swaroop’s iPad" in class_05.speakers
    class_06 = parse_transcript(_path("06_zoom_class_codingninjas.vtt"))
    assert {"shruthi", "Anand sharma", "pulla sai durga prasad"} <= set(class_06.speakers)


def test_zoom_class_figures_no_longer_absorb_other_speakers() -> None:
    # With the iPad's 186 captions merged into the turns before them, Florian Wahl had
    # 41% and a 2,539-word monologue; they are his own 22% and 455 words.
    out = _report("05_zoom_class_preasync.vtt", "Florian Wahl")
    assert out["seller_talk_share"] == 0.221
    assert out["longest_seller_monologue"]["words"] == 455
    # The captions that named nobody are counted, and said so.
    assert out["notices"][0]["code"] == "unlabelled-cues"
    assert out["notices"][0]["count"] == 26


def test_a_device_label_matches_its_owner(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_path("05_zoom_class_preasync.vtt"))
    assert main([path, "--seller", "Saurabh Swaroop", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["role"] for s in out["speakers"] if s["name"] == "Saurabh Swaroop’s iPad"] == [
        "seller"
    ]


def test_teams_names_with_character_references_match(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_path("16_teams_entities_es_excerpt.vtt"))
    assert main([path, "--seller", "Carlos Farias", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["speakers"][0]["name"] == "Carlos Farías"
    # A Spanish meeting: said, and only language-free figures.
    assert (out["language"], out["language_supported"]) == ("es", False)
    assert out["questions"]["seller_open"] is None
    assert out["summaries"] is None
    assert out["seller_talk_share"] == 0.8875


@pytest.mark.parametrize(
    "name",
    [
        "12_nospeakers_meetgpt.vtt",
        "13_sv_tor_nospeakers.srt",
        "14_nb_tor_nospeakers.srt",
        "15_da_tor_nospeakers.srt",
    ],
)
def test_speaker_less_files_cannot_give_a_talk_share(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(_path(name)), "--seller", UNKNOWN_SPEAKER, "--json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["speaker_labels"] is False
    assert out["seller_talk_share"] is None
    assert out["speakers"][0]["role"] == "unknown"
    assert out["questions"]["total"] is not None
    assert out["longest_stretch_without_question"]["seconds"] > 0
    assert "talk share needs speaker labels" in captured.err


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("13_sv_tor_nospeakers.srt", "sv"),
        ("14_nb_tor_nospeakers.srt", "nb"),
        ("15_da_tor_nospeakers.srt", "da"),
    ],
)
def test_nordic_subtitles_are_in_their_language(name: str, language: str) -> None:
    assert _report(name)["language"] == language


@pytest.mark.parametrize(
    ("name", "seller"),
    [("03_zoom_webinar_olin.vtt", "Andrew Knight"), ("05_zoom_class_preasync.vtt", "Florian Wahl")],
)
def test_old_zoom_without_question_marks(name: str, seller: str) -> None:
    t = parse_transcript(_path(name))
    report = analyse(t, [seller])
    assert report.punctuation == "no-question-marks"
    assert len(report.questions) > 10
    notes = " ".join(coaching(report))
    assert "You asked 0 questions" not in notes
    assert "no question marks" in notes


def test_a_question_is_timed_at_its_own_caption() -> None:
    t = parse_transcript(_path("02_teams_real_support_call_excerpt.vtt"))
    report = analyse(t, ["Elizabeth George"])
    turn_starts = {turn.start for turn in t.turns}
    cue_starts = {cue.start for cue in t.cues}
    assert all(q.start in cue_starts for q in report.questions)
    # At least one question comes later in its turn than the turn's first caption.
    assert any(q.start not in turn_starts for q in report.questions)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in REAL.glob("[0-9]*")) if REAL.is_dir() else []
)
def test_every_file_gives_a_report(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    t = parse_transcript(_path(name))
    seller = t.speakers[0] if t.speaker_labels else None
    args = [str(_path(name))] + (["--seller", seller] if seller else [])
    assert main(args) == 0
    assert "Coaching" in capsys.readouterr().out
