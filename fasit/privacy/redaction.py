"""Finding and removing a person's name, e-mail and phone number in free text.

People write names the way they type them: "Bergstrom" for "Bergström", "Kjaer" for
"Kjær", any case, any spacing, and phone numbers in every format ("+47 912 34 567",
"0047-91234567", "912 34 567", "070-123 45 67"). The patterns here match all of those.
Each ``Needle`` gives two regular expressions: an exact one for Python, and a looser
one in the syntax both SQLite's REGEXP (Python ``re``) and PostgreSQL's ``~*`` accept,
so the database can find the candidate rows and Python decides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

# Letters, digits and "_": a name inside "kari_berg" or "li_customer" is not a mention.
WORD = r"\w"
# A redacted spoken word keeps the word count (and so the listening figures if the
# transcript is analysed again) but none of the words.
SPOKEN_WORD_RE = re.compile(r"[^\W_]+")
REDACTED_WORD = "xxx"

# Letters people type for one another in Nordic names. An accented letter in the name
# may be typed plain or spelled out ("ö" as "o" or "oe"); a plain vowel may have been
# typed with its accent.
_ACCENTED = {
    "ö": ("ö", "ø", "o", "oe"),
    "ø": ("ø", "ö", "o", "oe"),
    "ä": ("ä", "æ", "a", "ae"),
    "æ": ("æ", "ä", "a", "ae"),
    "å": ("å", "a", "aa"),
    "ü": ("ü", "u", "ue"),
    "é": ("é", "e"),
    "è": ("è", "e"),
}
_PLAIN = {"a": "aäåæ", "o": "oöø", "u": "uü", "e": "eéè"}
_NAME_PARTICLES = frozenset(
    ("af", "av", "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del")
)


def _letter(char: str) -> str:
    lower = char.lower()
    if lower in _ACCENTED:
        return "(?:" + "|".join(_ACCENTED[lower]) + ")"
    if lower in _PLAIN:
        return "[" + _PLAIN[lower] + "]"
    return re.escape(lower)


def _word_pattern(word: str) -> str:
    return "".join(_letter(c) for c in word)


def name_pattern(name: str) -> str:
    """The words of a name in order, any spacing, accents folded (no boundaries)."""
    return r"\s+".join(_word_pattern(w) for w in name.split())


def phone_digits(phone: str) -> tuple[str, str] | None:
    """(country code, national significant number) of a stored phone number."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", phone)
        return ("", digits) if len(digits) >= 6 else None
    national = phonenumbers.national_significant_number(number)
    return (str(number.country_code), national) if len(national) >= 5 else None


_SEP = r"[\s./()-]*"


def phone_pattern(country_code: str, national: str) -> str:
    """Any way of writing the number: with +CC, 00CC or a trunk 0 in front or nothing,
    and any separators between the digits."""
    digits = _SEP.join(national)
    prefix = r"0" + _SEP
    if country_code:
        prefix = rf"(?:(?:\+|00)\s*{country_code}{_SEP}(?:\(0\){_SEP})?|0{_SEP})"
    return rf"(?<![\d+]){prefix}?{digits}(?!\d)"


def _json_escaped(text: str) -> str:
    """How ``json.dumps`` (Django's JSONField on SQLite) writes the text inside quotes."""
    return json.dumps(text)[1:-1]


@dataclass(frozen=True)
class Needle:
    """One thing to find: ``python`` is exact, ``database`` finds a superset of rows."""

    label: str
    python: re.Pattern[str]
    database: tuple[str, ...]


def _needle(label: str, exact: str, loose: Iterable[str], flags: int = re.IGNORECASE) -> Needle:
    return Needle(label, re.compile(exact, flags), tuple(loose))


@dataclass(frozen=True)
class Redactor:
    """Replaces every match of its needles by ``placeholder``.

    ``protect``: full names of other people that must survive even where they contain
    a needle (a colleague with the same first name as the person erased).
    """

    needles: tuple[Needle, ...]
    placeholder: str
    protect: tuple[re.Pattern[str], ...] = field(default=())

    @classmethod
    def for_person(
        cls,
        *,
        name: str,
        email: str = "",
        phone: str = "",
        other_names: Iterable[str] = (),
        placeholder: str,
    ) -> Redactor:
        """The person's full name, e-mail and phone number (and ``other_names``, e.g.
        their family members' names, as full names).

        A name of one word ("Anna") is not searched for everywhere — it would erase every
        other Anna — only where the person was (``with_name_parts``)."""
        needles: list[Needle] = []
        for label, text in [("name", name), *(("related name", n) for n in other_names)]:
            if len(text.split()) < 2:
                continue
            loose = name_pattern(text)
            needles.append(
                _needle(
                    label,
                    rf"(?<!{WORD}){loose}(?!{WORD})",
                    [loose, re.escape(_json_escaped(" ".join(text.split())))],
                )
            )
        if email.strip():
            escaped = re.escape(email.strip())
            # Not part of a longer address ("okari@x.no", "kari@x.no.uk").
            exact = rf"(?<![\w.%+-]){escaped}(?![\w-]|\.\w)"
            needles.append(_needle("e-mail", exact, [escaped]))
        number = phone_digits(phone) if phone.strip() else None
        if number is not None:
            code, national = number
            needles.append(
                _needle("phone", phone_pattern(code, national), ["[^0-9]{0,3}".join(national)])
            )
        return cls(tuple(needles), placeholder)

    def with_name_parts(self, *names: str, protect: Iterable[str] = ()) -> Redactor:
        """Also each word of ``names`` alone, as written with a capital letter: for text
        about a meeting the person was in ("Thanks, Kari"). The first name is the person's
        own; ``protect`` names other people who must keep theirs."""
        name = names[0] if names else ""
        parts = [
            w
            for n in names
            for w in n.split()
            if len(w) >= 2 and w.casefold() not in _NAME_PARTICLES
        ]
        extra = []
        for part in dict.fromkeys(parts):
            # A capital first letter: "Berg" the name, not "berg" the word.
            exact = rf"(?<!{WORD}){_capital(part[0])}(?i:{_tail(part)})(?!{WORD})"
            extra.append(_needle("name part", exact, [_word_pattern(part)], flags=0))
        protected = tuple(
            re.compile(rf"(?<!{WORD}){name_pattern(n)}(?!{WORD})", re.IGNORECASE)
            for n in protect
            if n.strip() and n.strip().casefold() != name.strip().casefold()
        )
        return Redactor(self.needles + tuple(extra), self.placeholder, self.protect + protected)

    # -- using it --------------------------------------------------------------------

    def database_patterns(self) -> list[str]:
        return [p for needle in self.needles for p in needle.database]

    def found_in(self, text: str) -> bool:
        return any(needle.python.search(text) for needle in self.needles)

    def scrub(self, text: str) -> str:
        if not text:
            return text
        shielded: list[tuple[int, int]] = [
            m.span() for pattern in self.protect for m in pattern.finditer(text)
        ]
        for needle in self.needles:
            text = needle.python.sub(lambda m, spans=shielded: self._replace(m, spans), text)
            if shielded:
                # Positions moved: find the protected names again in the new text.
                shielded = [m.span() for pattern in self.protect for m in pattern.finditer(text)]
        return text

    def _replace(self, match: re.Match[str], shielded: list[tuple[int, int]]) -> str:
        start, end = match.span()
        if any(start < s_end and s_start < end for s_start, s_end in shielded):
            return match.group(0)
        return self.placeholder

    def scrub_value(self, value: Any) -> Any:
        """Strings, and the strings anywhere inside JSON-like lists and dicts (keys too)."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, list):
            return [self.scrub_value(v) for v in value]
        if isinstance(value, dict):
            return {self.scrub(k): self.scrub_value(v) for k, v in value.items()}
        return value


def _capital(char: str) -> str:
    lower = char.lower()
    options = _ACCENTED.get(lower) or tuple(_PLAIN.get(lower, lower))
    return "(?:" + "|".join(re.escape(o.capitalize()) for o in options) + ")"


def _tail(word: str) -> str:
    return "".join(_letter(c) for c in word[1:])


def redact_spoken(text: str) -> str:
    """Every word of what an erased person said replaced, punctuation kept."""
    return SPOKEN_WORD_RE.sub(REDACTED_WORD, text)
