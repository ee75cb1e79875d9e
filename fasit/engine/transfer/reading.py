"""Reading tables from the files people actually have.

CSV as Excel, Google Sheets, HubSpot, Pipedrive and Salesforce write it: UTF-8 with or
without a byte-order mark, UTF-16 ("Unicode text" from Excel, tab-separated),
cp1252/latin-1 from older Windows tools; comma, semicolon (Excel in the Nordics, where
the comma is the decimal sign) or tab between fields; quoted fields with newlines
inside. Excel ``.xlsx``/``.xls`` and OpenDocument ``.ods`` through python-calamine.

A table is read as a stream of rows, each with the line (CSV) or row (sheet) where it
starts, so an import of a million rows never holds the file's text in memory and every
problem can name its line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fasit.engine.transfer import vcard

SAMPLE_BYTES = 1 << 20
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
VCARD_SUFFIXES = {".vcf", ".vcard"}
DELIMITERS = (",", ";", "\t", "|")

# csv refuses fields over 128 KiB by default; a long notes field is not an attack.
csv.field_size_limit(16 * 1024 * 1024)


class ReadError(ValueError):
    """The file cannot be read as a table. ``code``: ``empty``, ``no_header``,
    ``encoding``, ``sheet``, ``vcard``, ``duplicate_header``."""

    def __init__(self, code: str, line: int = 0, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.params = params


@dataclass(frozen=True)
class Layout:
    """How a file was read, shown in the preview."""

    kind: str  # "csv", "sheet" or "vcard"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""


@dataclass(frozen=True)
class Row:
    line: int
    values: tuple[str, ...]
    error: str = ""  # a vCard that could not be read: the row is a problem as it is


class Table:
    """The header and a re-iterable stream of rows of one file."""

    def __init__(self, path: Path, layout: Layout, header: tuple[str, ...]) -> None:
        self.path = path
        self.layout = layout
        self.header = header

    def rows(self) -> Iterator[Row]:
        if self.layout.kind == "sheet":
            yield from _sheet_rows(self.path, self.layout.sheet)
        elif self.layout.kind == "vcard":
            for card in vcard.read_cards(self.path):
                yield Row(card.line, card.values, card.error)
        else:
            yield from _csv_rows(self.path, self.layout)


def open_table(path: Path) -> Table:
    """Open ``path`` as a table; ReadError with a code when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return _open_sheet(path)
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise ReadError("empty")
    encoding = detect_encoding(sample)
    text = _decode_sample(sample, encoding)
    if suffix in VCARD_SUFFIXES or text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCARD"):
        return Table(path, Layout("vcard", encoding=encoding), vcard.HEADER)
    layout = Layout("csv", encoding=encoding, delimiter=sniff_delimiter(text))
    header = _csv_header(path, layout)
    return Table(path, layout, header)


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes.

    A byte-order mark decides. Otherwise UTF-16 without a mark shows as NUL bytes
    between ASCII letters; UTF-8 is taken when the sample decodes (the last few bytes
    may be a character cut in half); anything else is cp1252, the superset of
    latin-1 that Windows tools write (it has €, the dashes and typographic quotes
    where latin-1 has control codes).
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = sample[:4096]
    if head and head.count(b"\x00") > len(head) // 4:
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _decode_sample(sample: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return str(decoder.decode(sample, final=False))


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header and the next lines into the same, largest
    number of fields (quotes respected, so a comma inside "Oslo, Norway" does not count)."""
    lines = text.splitlines()[:20] or [text]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        except csv.Error:
            continue
        rows = [row for row in rows if row][:10]
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for row in rows[1:] if len(row) == width)
        score = (width if width > 1 else 0, consistent)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _text_stream(path: Path, encoding: str) -> IO[str]:
    # errors="strict": a byte that is not in the detected encoding is reported with its
    # line, not silently replaced by "?" in someone's name.
    return path.open("r", encoding=encoding, errors="strict", newline="")


def _csv_header(path: Path, layout: Layout) -> tuple[str, ...]:
    with _text_stream(path, layout.encoding) as stream:
        reader = csv.reader(stream, delimiter=layout.delimiter)
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    return clean_header(row)
        except UnicodeDecodeError:
            bad = first_undecodable_line(path, layout.encoding) or 1
            raise ReadError("encoding", line=bad, encoding=layout.encoding) from None
    raise ReadError("no_header")


def first_undecodable_line(path: Path, encoding: str) -> int | None:
    """The physical line of the first byte that ``encoding`` cannot decode. The text
    stream decodes ahead in blocks, so its error does not say which line it was."""
    if encoding.startswith("utf-16"):
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return None


def clean_header(cells: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    header = tuple(cell.strip().lstrip("\ufeff").strip() for cell in cells)
    while header and not header[-1]:
        header = header[:-1]
    seen: set[str] = set()
    for name in header:
        if name and name.lower() in seen:
            raise ReadError("duplicate_header", line=1, column=name)
        seen.add(name.lower())
    return header


def _csv_rows(path: Path, layout: Layout) -> Iterator[Row]:
    with _text_stream(path, layout.encoding) as stream:
        reader = csv.reader(stream, delimiter=layout.delimiter)
        header_seen = False
        line = 1
        try:
            for row in reader:
                start, line = line, reader.line_num + 1
                if not header_seen:
                    header_seen = any(cell.strip() for cell in row)
                    continue
                if not any(row) or not any(cell.strip() for cell in row):
                    continue
                yield Row(start, tuple(row))
        except UnicodeDecodeError:
            bad = first_undecodable_line(path, layout.encoding) or line
            raise ReadError("encoding", line=bad, encoding=layout.encoding) from None
        except csv.Error as exc:
            raise ReadError("csv", line=line, detail=str(exc)) from None


# -- spreadsheets ---------------------------------------------------------------------


def _open_sheet(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types for every broken file
        raise ReadError("sheet", detail=str(exc)) from None
    names = workbook.sheet_names
    if not names:
        raise ReadError("empty")
    sheet = names[0]
    for row in _sheet_rows(path, sheet, header=True):
        return Table(path, Layout("sheet", sheet=sheet), clean_header(row.values))
    raise ReadError("empty")


def _sheet_rows(path: Path, sheet: str, header: bool = False) -> Iterator[Row]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    data = workbook.get_sheet_by_name(sheet)
    header_seen = False
    # iter_rows starts at the sheet's first used row; calamine tells which one that is.
    first = data.start[0] + 1 if data.start else 1
    for index, cells in enumerate(data.iter_rows()):
        values = tuple(cell_text(cell) for cell in cells)
        if not any(v.strip() for v in values):
            continue
        if not header_seen:
            header_seen = True
            if header:
                yield Row(first + index, values)
                return
            continue
        yield Row(first + index, values)


_INTEGRAL = re.compile(r"^-?\d+\.0$")


def cell_text(cell: Any) -> str:
    """A spreadsheet cell as the text a person would have typed into a CSV.

    Phone and organisation numbers often sit in number cells (912345678.0); whole
    numbers lose the ``.0``. Dates become ISO dates, date-times ISO date-times.
    """
    if cell is None or cell == "":
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, dt.datetime):
        if cell.time() == dt.time():
            return cell.date().isoformat()
        return cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    if isinstance(cell, dt.timedelta):
        return str(cell)
    text = str(cell)
    return text[:-2] if _INTEGRAL.match(text) else text


def estimate_rows(table: Table) -> int:
    """About how many rows a table has, for a progress bar (quoted newlines make a CSV
    look longer than it is; that only makes the bar a little pessimistic)."""
    if table.layout.kind == "sheet":
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(table.path)).get_sheet_by_name(table.layout.sheet)
        return max(0, int(sheet.height) - 1)
    needle = b"BEGIN:VCARD" if table.layout.kind == "vcard" else b"\n"
    if table.layout.encoding.startswith("utf-16"):
        needle = needle.decode().encode(table.layout.encoding.replace("-sig", ""))
        needle = needle.removeprefix(codecs.BOM_UTF16_LE).removeprefix(codecs.BOM_UTF16_BE)
    count = 0
    with table.path.open("rb") as handle:
        while block := handle.read(1 << 22):
            count += (
                block.upper().count(needle) if table.layout.kind == "vcard" else block.count(needle)
            )
    return count if table.layout.kind == "vcard" else max(0, count - 1)
