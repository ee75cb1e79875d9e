"""The second-process reader gives exactly what parsing in process gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fasit.engine.transfer import pipeline
from fasit.engine.transfer.reading import ReadError, open_table
from fasit.engine.transfer.records import Limits, Parsed
from fasit.engine.transfer.sources import recognise

HEADER = b"Record ID,First Name,Last Name,Email,Phone Number,Associated Company\n"


def _batches(path: Path, *, background: bool) -> Iterator[list[Parsed]]:
    table = open_table(path)
    return pipeline.batches(
        table,
        recognise(table.header),
        default_country="NO",
        limits=Limits(),
        size=7,
        background=background,
    )


def test_background_batches_equal_in_process_batches(tmp_path: Path) -> None:
    rows = [
        f"{i},Kari{i},Nordmann,kari{i}@fjord.no,{'912 34 567' if i % 3 else 'not a phone'},"
        f"Fjord {i % 4} AS\n".encode()
        for i in range(50)
    ]
    path = tmp_path / "contacts.csv"
    path.write_bytes(HEADER + b"".join(rows))
    in_process = list(_batches(path, background=False))
    assert [len(b) for b in in_process] == [7, 7, 7, 7, 7, 7, 7, 1]
    assert any(parsed.problems for batch in in_process for parsed in batch)
    assert list(_batches(path, background=True)) == in_process


def test_a_read_error_in_the_reader_reaches_the_parent_after_the_rows_before_it(
    tmp_path: Path,
) -> None:
    # UTF-8 in the first megabyte, a stray cp1252 byte far below it.
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER + b"1,Kari,Nordmann,kari@fjord.no,,Fjord AS\n" * 80000 + b"2,Ol\xe9\n")
    seen = {True: 0, False: 0}
    for background in (False, True):
        with pytest.raises(ReadError) as caught:
            for batch in _batches(path, background=background):
                seen[background] += len(batch)
        assert (caught.value.code, caught.value.line) == ("encoding", 80002)
        assert caught.value.params == {"encoding": "utf-8"}
    # The rows read before the text decoder met the byte come first, either way.
    assert seen[True] == seen[False] > 70000
