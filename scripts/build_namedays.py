#!/usr/bin/env python3
"""Derive the name-day calendars Fasit ships from the ``namedays`` package.

    git clone https://github.com/filiptammergard/namedays /tmp/namedays
    git -C /tmp/namedays checkout deea070acdd33ebe14ac9d6b8e369e074e0e8f71   # v5.0.1
    python3 scripts/build_namedays.py /tmp/namedays [OUTPUT_DIR]

reads ``src/namedays/SE.ts``, ``NO.ts`` and ``DK.ts`` of that checkout (the package's
data files: one ``{ countryCode, name, month, day }`` object per name) and writes
``fasit/relationships/data/namedays_se.tsv``, ``namedays_no.tsv`` and
``namedays_dk.tsv`` (``MM-DD<TAB>Name, Name``), each with a header naming the source,
its version and commit, and its licence. The package is MIT-licensed (copyright 2022
Filip Tammergård); its notice ships beside the files as ``namedays.LICENSE``.

Nothing is added, corrected or left out: every name the package lists for a country is
written on the day the package gives it, in the package's order within a day. A name the
package lists on two days (the Danish leap-year shift of 24-28 February, Paulus, Magnus,
Otto, Sophie) is written on both; Fasit's reader keeps the first day of the year. See
docs/relationships.md for how the lists relate to the official almanacs. The output is
deterministic, so a rebuild from the same commit changes nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fasit/relationships/data"
COUNTRIES = ("SE", "NO", "DK")
PACKAGE = "namedays"

# One object literal of the data files; the fields may come in any order.
_OBJECT = re.compile(r"\{([^{}]*)\}")
_FIELD = re.compile(r'(\w+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(\d+))')

HEADERS = {
    "SE": "Swedish name days (namnsdagar): Svenska Akademiens namnlängd as revised for 2022",
    "NO": "Norwegian name days (navnedager): the Norwegian almanac's name list",
    "DK": "Danish name days (navnedage): the Danish almanac's calendar of saints' days",
}


class SourceError(ValueError):
    """The package's data file is not what this script understands; the message names it."""


def parse_package_file(country: str, text: str, *, source: str) -> dict[tuple[int, int], list[str]]:
    """``(month, day) -> names`` from one of the package's ``src/namedays/XX.ts`` files."""
    days: dict[tuple[int, int], list[str]] = defaultdict(list)
    # The entries are the array after the one ``= [``; the import line before it has braces too.
    start = text.find("= [")
    if start < 0:
        raise SourceError(f"{source}: no array of name days")
    for match in _OBJECT.finditer(text, start):
        fields = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _FIELD.finditer(match.group(1))
        }
        if not {"countryCode", "name", "month", "day"} <= fields.keys():
            raise SourceError(
                f"{source}: an entry without countryCode, name, month and day: "
                f"{match.group(0)[:80]!r}"
            )
        if fields["countryCode"] != country:
            raise SourceError(
                f"{source}: {fields['name']!r} is listed for {fields['countryCode']}, not {country}"
            )
        month, day = int(fields["month"]), int(fields["day"])
        if not (
            1 <= month <= 12
            and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        ):
            raise SourceError(
                f"{source}: {fields['name']!r} on {month}-{day}, not a day of the year"
            )
        name = fields["name"].strip()
        if "," in name or "\t" in name or not name:
            raise SourceError(f"{source}: {name!r} cannot be written as one name")
        if name not in days[(month, day)]:
            days[(month, day)].append(name)
    if not days:
        raise SourceError(f"{source}: no name days found")
    return dict(days)


def render(
    country: str, days: dict[tuple[int, int], list[str]], *, version: str, commit: str
) -> str:
    lines = [
        f"# {HEADERS[country]}.",
        f"# Derived by scripts/build_namedays.py from the npm package {PACKAGE} {version}",
        f"# (https://github.com/filiptammergard/namedays, commit {commit}),",
        f"# src/namedays/{country}.ts; MIT licence, see namedays.LICENSE. Do not edit by hand:",
        "# rebuild from the package. Format: MM-DD<TAB>names, comma-separated; a day without",
        "# names is left out; when a name is listed on two days the first day of the year wins.",
    ]
    for month, day in sorted(days):
        lines.append(f"{month:02d}-{day:02d}\t{', '.join(days[(month, day)])}")
    return "\n".join(lines) + "\n"


def _git(checkout: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(checkout), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    checkout = Path(argv[1])
    out = Path(argv[2]) if len(argv) == 3 else OUT
    package_json = (checkout / "package.json").read_text(encoding="utf-8")
    name = re.search(r'"name"\s*:\s*"([^"]+)"', package_json)
    version = re.search(r'"version"\s*:\s*"([^"]+)"', package_json)
    if not name or name.group(1) != PACKAGE or not version:
        print(f"{checkout} is not a checkout of the {PACKAGE} package", file=sys.stderr)
        return 1
    commit = _git(checkout, "rev-parse", "HEAD")
    licence = (checkout / "LICENSE").read_text(encoding="utf-8")
    calendars = {}
    for country in COUNTRIES:
        path = checkout / "src/namedays" / f"{country}.ts"
        try:
            calendars[country] = parse_package_file(
                country, path.read_text(encoding="utf-8"), source=str(path)
            )
        except SourceError as error:
            print(error, file=sys.stderr)
            return 1
    # Everything parsed: only now write, so a broken source leaves the old files whole.
    out.mkdir(parents=True, exist_ok=True)
    for country, days in calendars.items():
        text = render(country, days, version=version.group(1), commit=commit)
        (out / f"namedays_{country.lower()}.tsv").write_text(text, encoding="utf-8")
        print(f"{country}: {sum(map(len, days.values()))} names on {len(days)} days")
    (out / "namedays.LICENSE").write_text(
        f"The name-day calendars namedays_se.tsv, namedays_no.tsv and namedays_dk.tsv are\n"
        f"derived from the npm package {PACKAGE} {version.group(1)} "
        f"(https://github.com/filiptammergard/namedays),\nwhich is distributed under this "
        f"licence:\n\n{licence}",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
