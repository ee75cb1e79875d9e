"""Validating a large file in a second process while the first one writes.

Reading and validating rows (phone numbers alone cost about 50 µs each) is about half
of an import, writing the other half. Run one after the other they add up; with the
validation in a process of its own the two halves overlap on two cores. The parent
gets the same batches of ``Parsed`` rows, in file order, that ``parse_rows`` gives in
process, so the import is the same import either way.
"""

from __future__ import annotations

import gc
import pickle
import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from typing import IO, Any

from fasit.engine.transfer.reading import ReadError, Row, Table
from fasit.engine.transfer.records import (
    AccountRecord,
    Limits,
    Parsed,
    PersonRecord,
    Record,
    parse_rows,
)
from fasit.engine.transfer.sources import Mapping

_BATCH = "batch"
_DONE = "done"
_FAILED = "failed"


def batches(
    table: Table,
    mapping: Mapping,
    *,
    default_country: str,
    limits: Limits,
    size: int,
    background: bool,
) -> Iterator[list[Parsed]]:
    """The file's rows parsed and validated, in batches of ``size``.

    ``background``: in a separate process (for large files; starting one costs a few
    hundred milliseconds). A ReadError in the reader is raised here, in the parent,
    after the batches before it, as it would be in process."""
    if not background:
        yield from _in_process(table, mapping, default_country, limits, size)
        return
    # A fresh interpreter running only this pure module (``python -m``), not a fork:
    # no database connection, thread lock or Django state of the parent is copied, and
    # unlike multiprocessing's "spawn" it does not re-import the parent's main script.
    # Batches come back pickled through a pipe; its small buffer is the back-pressure
    # that keeps the reader at most a batch or two ahead of the writer.
    reader = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert reader.stdin is not None and reader.stdout is not None
    try:
        pickle.dump((table, mapping, default_country, limits, size), reader.stdin)
        reader.stdin.close()
        while True:
            try:
                kind, payload = pickle.load(reader.stdout)
            except EOFError:
                raise RuntimeError(
                    f"the import's reader process stopped (exit code {reader.wait()})"
                ) from None
            if kind == _DONE:
                return
            if kind == _FAILED:
                code, line, params = payload
                raise ReadError(code, line, **params)
            yield _unpack(payload)
    finally:
        if reader.poll() is None:
            reader.kill()
        reader.stdout.close()
        reader.wait()


def _in_process(
    table: Table, mapping: Mapping, default_country: str, limits: Limits, size: int
) -> Iterator[list[Parsed]]:
    parsed = parse_rows(
        table.rows(), table.header, mapping, default_country=default_country, limits=limits
    )
    while batch := list(islice(parsed, size)):
        yield batch


# A batch goes through the pipe as plain tuples and dicts, not as the dataclasses:
# unpickling 5,000 ``Parsed`` rows (each a Row, a record and its dates) object by object
# cost the writing process about 4 s of CPU per 100,000 rows; plain values and a
# record's ``__dict__`` come back about ten times faster.
_KINDS: tuple[type[Record], ...] = (AccountRecord, PersonRecord)
_Packed = tuple[int, tuple[str, ...], str, int, dict[str, Any] | None, tuple[Any, ...]]


def _pack(batch: list[Parsed]) -> list[_Packed]:
    packed = []
    for item in batch:
        record = item.record
        kind = -1 if record is None else _KINDS.index(type(record))
        state = None if record is None else record.__dict__
        packed.append((item.row.line, item.row.values, item.row.error, kind, state, item.problems))
    return packed


def _unpack(packed: list[_Packed]) -> list[Parsed]:
    new = object.__new__
    batch = []
    for line, values, error, kind, state, problems in packed:
        record = None
        if state is not None:
            # Frozen dataclasses: what pickle itself does, an instance and its __dict__.
            record = new(_KINDS[kind])
            record.__dict__.update(state)
        batch.append(Parsed(Row(line, values, error), record, problems))
    return batch


def _produce(source: IO[bytes], sink: IO[bytes]) -> None:
    table, mapping, default_country, limits, size = pickle.load(source)
    # The reader makes millions of small objects and no cycles worth collecting: with
    # the collector's default threshold it spent a fifth of its time walking them.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)

    def send(message: tuple[str, Any]) -> None:
        pickle.dump(message, sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()

    try:
        for batch in _in_process(table, mapping, default_country, limits, size):
            send((_BATCH, _pack(batch)))
    except ReadError as error:
        send((_FAILED, (error.code, error.line, error.params)))
        return
    send((_DONE, None))


if __name__ == "__main__":
    _produce(sys.stdin.buffer, sys.stdout.buffer)
