"""scripts/build_namedays.py: the calendars are derived from the namedays package, never
edited by hand. The package itself is not here (nothing is downloaded by the tests), so
these tests build from a small checkout made in the test, in the package's own format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fasit.engine.relationships.namedays import parse_calendar

ROOT = Path(__file__).resolve().parents[4]
SCRIPT = ROOT / "scripts/build_namedays.py"

ENTRY = '\t{{\n\t\tcountryCode: "{c}",\n\t\tname: "{n}",\n\t\tmonth: {m},\n\t\tday: {d},\n\t}},\n'


def _package(tmp_path: Path, entries: dict[str, list[tuple[str, int, int]]]) -> Path:
    checkout = tmp_path / "namedays"
    (checkout / "src/namedays").mkdir(parents=True)
    (checkout / "package.json").write_text('{"name": "namedays", "version": "9.9.9"}')
    (checkout / "LICENSE").write_text("Copyright 2022 Tammergård\n\nPermission is hereby granted")
    for country in ("SE", "NO", "DK"):
        body = "".join(
            ENTRY.format(c=c, n=n, m=m, d=d)
            for c, n, m, d in [
                (country, *e) if len(e) == 3 else e for e in entries.get(country, [])
            ]
        )
        (checkout / f"src/namedays/{country}.ts").write_text(
            'import type { NamedayInput } from "../types"\n\n'
            f"export const namedays{country}: Array<NamedayInput> = [\n{body}]\n"
        )
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data"],
    ):
        subprocess.run(["git", "-C", str(checkout), *args], check=True, capture_output=True)
    return checkout


def _build(checkout: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(checkout), str(out)], capture_output=True, text=True
    )


def test_the_build_writes_every_name_on_the_package_day(tmp_path: Path) -> None:
    checkout = _package(
        tmp_path,
        {
            "SE": [("Erik", 5, 18), ("Maja", 2, 28), ("Majken", 2, 28)],
            "NO": [("Harald", 5, 17), ("Ragnhild", 5, 17)],
            "DK": [("Mattias", 2, 24), ("Mattias", 2, 25), ("Abel", 1, 2)],
        },
    )
    out = tmp_path / "data"
    result = _build(checkout, out)
    assert result.returncode == 0, result.stderr
    se = (out / "namedays_se.tsv").read_text(encoding="utf-8")
    assert se.splitlines()[-2:] == ["02-28\tMaja, Majken", "05-18\tErik"]
    assert "namedays 9.9.9" in se and "MIT" in se
    dk = parse_calendar("DK", (out / "namedays_dk.tsv").read_text(encoding="utf-8"))
    # Listed on two days (the Danish leap-year shift): the first day of the year wins.
    assert dk.lookup("Mattias") == (2, 24)
    no = parse_calendar("NO", (out / "namedays_no.tsv").read_text(encoding="utf-8"))
    assert no.names_on(5, 17) == ["harald", "ragnhild"]
    assert "Permission is hereby granted" in (out / "namedays.LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"SE": [("NO", "Kari", 11, 25)]}, "listed for NO, not SE"),
        ({"SE": [("Erik", 2, 30)]}, "not a day of the year"),
        ({"SE": [("Erik, Erika", 5, 18)]}, "cannot be written as one name"),
        ({}, "no name days found"),
    ],
)
def test_a_broken_source_is_named_and_nothing_is_written(
    tmp_path: Path, entries: dict[str, list[tuple[str, int, int]]], message: str
) -> None:
    checkout = _package(tmp_path, entries)
    out = tmp_path / "data"
    result = _build(checkout, out)
    assert result.returncode == 1
    assert message in result.stderr
    assert not out.exists()
