"""A generated export full of odd rows, read as the plain rules say it should be.

The reader takes shortcuts for speed (a plainly written phone is validated and
formatted from precompiled metadata, a row's values are stripped once); here every
row of a file with short rows, extra cells, padding, every written form of a phone
and bad values is held against the straightforward answer: phonenumbers' own for the
phones, the first non-empty stripped cell for every other field.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from fasit.engine.transfer.reading import open_table
from fasit.engine.transfer.records import Limits, PersonRecord, parse_country, parse_rows
from fasit.engine.transfer.sources import recognise
from fasit.engine.transfer.tests.test_identifiers import (
    _WRITTEN,
    _bench_shaped,
    _by_phonenumbers,
    _generated,
)

HEADER = ["Record ID", "First Name", "Last Name", "Email", "Phone Number",
          "Mobile Phone Number", "Job Title", "Associated Company", "Country/Region",
          "Date of birth"]  # fmt: skip
COUNTRIES = ["Norway", "Sverige", "DK", "Finland", "", "", " norge ", "Atlantis"]


def _cell(rng: random.Random, pool: list[str]) -> str:
    value = rng.choice(pool)
    return rng.choice(["", " ", "  "]) + value + rng.choice(["", " ", "\t"])


def _write(path: Path, rng: random.Random, count: int) -> None:
    phones = [*_WRITTEN, *_generated(rng, 600), *_bench_shaped(rng), *[""] * 2000]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(count):
            row = [
                str(i),
                _cell(rng, ["Kari", "Åse", "", "Ola\x07", "Jo"]),
                _cell(rng, ["Nordmann", "Ødegård", "", "Li"]),
                _cell(rng, [f"kari{i}@fjord.no", f"MAILTO:Ola{i}@Fjord.NO", "not-an-email", ""]),
                _cell(rng, phones),
                _cell(rng, phones),
                _cell(rng, ["CEO", "Daglig leder\nOslo", "", "x" * 130]),
                _cell(rng, ["Fjord AS", "Vik AB", ""]),
                _cell(rng, COUNTRIES),
                _cell(rng, ["1980-04-15", "15.04.", "--0415", "31.02.1980", "", "1850-01-01"]),
            ]
            # Short rows (cells missing at the end) and rows with cells past the header.
            cut = rng.random()
            if cut < 0.15:
                row = row[: rng.randint(2, len(row) - 1)]
            elif cut < 0.25:
                row += ["extra", " more "]
            writer.writerow(row)


def test_every_odd_row_reads_as_the_plain_rules_say(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    _write(path, random.Random(19), 3_000)
    table = open_table(path)
    mapping = recognise(table.header)
    index = mapping.index()
    rows = {row.line: row.values for row in table.rows()}

    def cell(values: tuple[str, ...], target: str) -> str:
        for position in index.get(target, ()):
            if position < len(values) and (value := values[position].strip()):
                return value
        return ""

    records = 0
    for parsed in parse_rows(table.rows(), table.header, mapping, limits=Limits()):
        values = rows[parsed.row.line]
        # The row's country, else the default (an unknown one is a problem of its own).
        country = parse_country(cell(values, "country")) or "NO"
        problems = {p.column: p.code for p in parsed.problems}
        for target, column in (("phone", "Phone Number"), ("mobile", "Mobile Phone Number")):
            raw = cell(values, target)
            if not raw:
                continue
            expected = _by_phonenumbers(raw, country)
            if expected[1]:
                assert problems.get(column) == expected[1], (raw, country)
            elif parsed.record is not None:
                assert getattr(parsed.record, target) == expected[0], (raw, country)
        if isinstance(parsed.record, PersonRecord):
            records += 1
            record = parsed.record
            assert record.source_id == cell(values, "id")
            assert record.name == " ".join(
                p for p in (cell(values, "first_name"), cell(values, "last_name")) if p
            )
            assert record.title == cell(values, "title")
            assert record.account_name == cell(values, "account_name")
            assert record.email == cell(values, "email").lower().removeprefix("mailto:")
    # Both sides are well covered: many good rows, many refused.
    assert 300 < records < 2_700, records
