"""vCard 3.0 and 4.0 (Outlook, Google and Apple contacts) read as rows of a table,
and people written as vCards.

Each card becomes one row with the columns in ``HEADER``, so a vCard file goes through
the same mapping, validation and matching as a spreadsheet. A card that cannot be
parsed becomes a row with an error and its line, like a bad row in a CSV file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vobject  # type: ignore[import-untyped]

HEADER = (
    "UID",
    "FN",
    "N:given",
    "N:family",
    "ORG",
    "TITLE",
    "EMAIL",
    "TEL",
    "TEL;CELL",
    "BDAY",
    "ANNIVERSARY",
    "NOTE",
    "ADR:country",
)

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Card:
    line: int
    values: tuple[str, ...]
    error: str = ""


def read_cards(path: Path) -> Iterator[Card]:
    from fasit.engine.transfer.reading import detect_encoding

    with path.open("rb") as handle:
        encoding = detect_encoding(handle.read(1 << 20))
    with path.open("r", encoding=encoding, errors="replace", newline="") as stream:
        yield from parse_cards(stream)


def parse_cards(lines: Any) -> Iterator[Card]:
    """Cards from an iterable of text lines, each with the line its BEGIN is on."""
    chunk: list[str] = []
    start = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if _BEGIN.match(line.lstrip("\ufeff")):
            chunk, start = [line.lstrip("\ufeff")], number
            continue
        if not chunk:
            continue
        chunk.append(line)
        if _END.match(line):
            yield _card(start, "\r\n".join(chunk) + "\r\n")
            chunk = []
    if chunk:
        yield Card(start, ("",) * len(HEADER), error="unterminated")


def _card(line: int, text: str) -> Card:
    try:
        component = vobject.readOne(text, ignoreUnreadable=True)
    except Exception:  # vobject raises ParseError and friends for broken cards
        return Card(line, ("",) * len(HEADER), error="unreadable")
    return Card(line, _values(component))


def _all(component: Any, name: str) -> list[Any]:
    return list(component.contents.get(name, []))


def _types(item: Any) -> set[str]:
    types: set[str] = set()
    for key, values in item.params.items():
        if key.upper() == "TYPE":
            for value in values:
                types.update(part.strip().upper() for part in str(value).split(","))
        elif not values:  # vCard 2.1 style: TEL;CELL:...
            types.add(key.upper())
    return types


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value or "").strip()


def _first(
    component: Any, name: str, prefer: tuple[str, ...] = (), avoid: tuple[str, ...] = ()
) -> str:
    items = [i for i in _all(component, name) if not (_types(i) & set(avoid))]
    for wanted in prefer:
        for item in items:
            if wanted in _types(item):
                return _text(item.value)
    return _text(items[0].value) if items else ""


def _date(component: Any, name: str) -> str:
    for item in _all(component, name):
        value = _text(item.value)
        omit_year = any(key.upper() == "X-APPLE-OMIT-YEAR" for key in item.params)
        match = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", value)
        if match:
            year, month, day = match.groups()
            return f"--{month}-{day}" if omit_year else f"{year}-{month}-{day}"
        match = re.match(r"^--(\d{2})-?(\d{2})", value)
        if match:
            return f"--{match.group(1)}-{match.group(2)}"
        if value:
            return value
    return ""


def _anniversary(component: Any) -> str:
    found = _date(component, "anniversary") or _date(component, "x-anniversary")
    if found:
        return found
    # Apple writes other dates as item1.X-ABDATE with a label item1.X-ABLabel.
    for item in _all(component, "x-abdate"):
        group = getattr(item, "group", None)
        labels = [
            _text(label.value)
            for label in _all(component, "x-ablabel")
            if getattr(label, "group", None) == group
        ]
        if any("anniversary" in label.lower() for label in labels):
            value = _text(item.value)
            match = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", value)
            if match:
                year, month, day = match.groups()
                omit = any(key.upper() == "X-APPLE-OMIT-YEAR" for key in item.params)
                return f"--{month}-{day}" if omit else f"{year}-{month}-{day}"
    return ""


def _values(component: Any) -> tuple[str, ...]:
    given = family = ""
    names = _all(component, "n")
    if names:
        value = names[0].value
        given = _text(getattr(value, "given", ""))
        family = _text(getattr(value, "family", ""))
    org = ""
    orgs = _all(component, "org")
    if orgs:
        value = orgs[0].value
        org = _text(value[0] if isinstance(value, list) and value else value)
    country = ""
    addresses = _all(component, "adr")
    if addresses:
        country = _text(getattr(addresses[0].value, "country", ""))
    return (
        _first(component, "uid"),
        _first(component, "fn"),
        given,
        family,
        org,
        _first(component, "title"),
        _first(component, "email", prefer=("PREF", "WORK", "INTERNET")),
        _first(component, "tel", prefer=("WORK", "PREF", "VOICE", "MAIN"), avoid=("CELL", "FAX")),
        _first(component, "tel", prefer=("CELL",), avoid=("FAX",))
        if any("CELL" in _types(i) for i in _all(component, "tel"))
        else "",
        _date(component, "bday"),
        _anniversary(component),
        _first(component, "note"),
        country,
    )


@dataclass(frozen=True)
class VCardPerson:
    """What Fasit writes about a person into a vCard."""

    uid: str
    name: str
    given: str = ""
    family: str = ""
    org: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    birthday: tuple[int | None, int, int] | None = None  # (year or None, month, day)
    anniversary: tuple[int | None, int, int] | None = None
    note: str = ""
    revision: str = ""


def _vcard_date(date: tuple[int | None, int, int]) -> str:
    year, month, day = date
    # vCard 3.0 has no date without a year; "--MM-DD" is RFC 6350's form, which Google
    # writes and Apple and Outlook read.
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def write_vcard(person: VCardPerson) -> str:
    card = vobject.vCard()
    card.add("version").value = "3.0"
    card.add("uid").value = person.uid
    card.add("fn").value = person.name
    given, family = person.given, person.family
    if not (given or family):
        parts = person.name.rsplit(" ", 1)
        given, family = (parts[0], parts[1]) if len(parts) == 2 else (person.name, "")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if person.org:
        card.add("org").value = [person.org]
    if person.title:
        card.add("title").value = person.title
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    if person.phone:
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "VOICE"
    if person.birthday:
        card.add("bday").value = _vcard_date(person.birthday)
    if person.anniversary:
        card.add("x-anniversary").value = _vcard_date(person.anniversary)
    if person.note:
        card.add("note").value = person.note
    if person.revision:
        card.add("rev").value = person.revision
    return str(card.serialize())
