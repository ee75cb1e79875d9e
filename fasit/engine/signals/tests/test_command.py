import json
from pathlib import Path

import pytest

from fasit.engine.signals.command import main

GOOD = [
    {
        "id": "s1",
        "account": "Luleå Bygg AB",
        "conversation": "c1",
        "date": "2026-01-10",
        "text": "Vi vill ha en samlingsfaktura varje månad.",
    },
    {
        "id": "s2",
        "account": "Bodø Havn AS",
        "conversation": "c2",
        "date": "2026-02-11",
        "text": "Vi ønsker én samlefaktura i måneden.",
        "language": "nb",
    },
    {
        "id": "s3",
        "account": "Nordbygg Norge AS",
        "conversation": "c3",
        "date": "2026-02-12",
        "text": "We would like one consolidated invoice a month.",
        "group": "Nordbygg",
    },
    {
        "id": "s4",
        "account": "Aalborg VVS A/S",
        "conversation": "c4",
        "date": "2026-03-12",
        "text": "Vi har lige fået ny økonomichef.",
    },
]


def _write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_json_output_puts_every_statement_in_one_theme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in GOOD]
    path = _write(tmp_path, [lines[0], "", lines[1], "   ", lines[2], lines[3]])
    assert main(["group", path, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    themes = {tuple(t["statements"]): (t["accounts"], t["level"]) for t in out["themes"]}
    assert themes == {("s1", "s2", "s3"): (3, "confirmed"), ("s4",): (1, "noted")}
    assert set(out["themes"][0]) == {
        "id",
        "label",
        "statements",
        "accounts",
        "level",
        "corroborated",
    }


def test_readable_output_shows_level_label_and_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in GOOD])
    assert main(["group", path, "--language", "sv"]) == 0
    out = capsys.readouterr().out
    assert "[CONFIRMED] Samlingsfaktura — 3 accounts" in out
    assert '"Vi ønsker én samlefaktura i måneden." — Bodø Havn AS, 2026-02-11, nb (s2)' in out


BAD = [
    ("{not json", "invalid JSON"),
    ('{"id": "s9", "account": "A", "conversation": "c", "date": "2026-01-01"}', '"text"'),
    (
        '{"id": "s9", "account": " ", "conversation": "c", "date": "2026-01-01", "text": "x"}',
        '"account"',
    ),
    (
        '{"id": "s9", "account": "A", "conversation": "c", "date": "2026-13-45", "text": "x"}',
        '"date"',
    ),
    (
        '{"id": "s1", "account": "A", "conversation": "c", "date": "2026-01-01", "text": "x"}',
        "duplicate id",
    ),
    ('["a", "list"]', "JSON object"),
    ('{"id": 5, "account": "A", "conversation": "c", "date": "2026-01-01", "text": "x"}', '"id"'),
]


@pytest.mark.parametrize(("line", "message"), BAD)
def test_bad_line_is_named_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    path = _write(tmp_path, [json.dumps(GOOD[0], ensure_ascii=False), "", line])
    assert main(["group", path, "--json"]) == 2
    captured = capsys.readouterr()
    assert "in.jsonl:3: " in captured.err
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["group", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["group"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage" in capsys.readouterr().err
