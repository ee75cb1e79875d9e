import json
from pathlib import Path

import pytest

from fasit.engine.listening.command import main

FIXTURES = Path(__file__).parents[2] / "transcripts" / "tests" / "fixtures"
TEAMS = str(FIXTURES / "teams_sv.vtt")


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([TEAMS, "--seller", "anna  lund", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("language", "format", "duration_seconds", "summaries")} == {
        "language": "sv",
        "format": "teams-vtt",
        "duration_seconds": 39.0,
        "summaries": 1,
    }
    assert out["speakers"][0] == {
        "name": "Anna Lund",
        "role": "seller",
        "words": 45,
        "seconds": 16.0,
        "share": 0.5844,
        "turns": 5,
        "questions": {"open": 1, "closed": 2},
    }
    assert (
        out["seller_talk_share"],
        out["longest_seller_monologue"]["words"],
        out["longest_seller_monologue"]["seconds"],
        out["longest_customer_story"]["words"],
        out["longest_customer_story"]["seconds"],
        out["questions"],
        out["seller_words_before_first_question"],
        out["patience_seconds"],
    ) == (
        0.5844,
        23,
        10.0,
        26,
        14.5,
        {
            "seller_open": 1,
            "seller_closed": 2,
            "seller": 3,
            "customer": 1,
            "total": 4,
            "open": 2,
            "closed": 2,
        },
        16,
        0.5,
    )
    assert [(q["kind"], q["text"]) for q in out["question_list"]][:1] == [
        ("open", "Hur ser ert lager ut i dag?")
    ]


def test_readable_report_cites_the_reference_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([TEAMS, "--seller", "Anna Lund"]) == 0
    out = capsys.readouterr().out
    assert "You spoke 58% of the time; top performers speak about 43%" in out
    assert "[open] Anna Lund: Hur ser ert lager ut i dag?" in out
    assert "11–14 questions" in out


def test_bad_file_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.vtt"
    path.write_text("WEBVTT\n\n1\n00:00:01 --> soon\nA: Hej\n", encoding="utf-8")
    assert main([str(path), "--seller", "A", "--json"]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"fasit listen: {path}: line 4: malformed timestamp '00:00:01 --> soon'\n",
    )


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "x.vtt"), "--seller", "A"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_unknown_seller_exits_2_listing_the_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([TEAMS, "--seller", "Anna Lindh"]) == 2
    assert capsys.readouterr().err.endswith("speakers are: Anna Lund, Erik Berg\n")


def test_seller_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([TEAMS]) == 2
    assert "--seller" in capsys.readouterr().err
