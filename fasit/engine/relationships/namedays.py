"""Name days: a person's day derived from their first name and their country's
almanac. The calendars are data files (``MM-DD<TAB>Name, Name``) that the caller reads;
this module only parses and looks up, so it needs no file system or Django."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


class NameDayFormatError(ValueError):
    """A calendar line that is not ``MM-DD<TAB>names``; the message names the line."""


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).casefold()


@dataclass(frozen=True)
class NameDayCalendar:
    country: str
    #: folded name -> (month, day); the first day listed for a name wins.
    days: dict[str, tuple[int, int]] = field(default_factory=dict)

    def lookup(self, first_name: str) -> tuple[int, int] | None:
        """The name day of ``first_name``; for a double name ("Anna-Karin", "Jens Peter")
        the whole name first, then its first part."""
        folded = _fold(first_name)
        if not folded:
            return None
        if folded in self.days:
            return self.days[folded]
        for separator in ("-", " "):
            if separator in folded:
                head = folded.split(separator, 1)[0]
                if head in self.days:
                    return self.days[head]
        return None

    def names_on(self, month: int, day: int) -> list[str]:
        return sorted(n for n, d in self.days.items() if d == (month, day))


def parse_calendar(country: str, text: str, *, source: str = "<calendar>") -> NameDayCalendar:
    days: dict[str, tuple[int, int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        when, sep, names = line.partition("\t")
        try:
            month_text, day_text = when.split("-")
            month, day = int(month_text), int(day_text)
        except ValueError:
            raise NameDayFormatError(
                f"{source}, line {number}: expected MM-DD, got {when!r}"
            ) from None
        if not sep or not names.strip():
            raise NameDayFormatError(f"{source}, line {number}: no names after the date")
        if not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 31)):
            raise NameDayFormatError(f"{source}, line {number}: {when} is not a day of the year")
        for name in names.split(","):
            folded = _fold(name)
            if folded:
                days.setdefault(folded, (month, day))
    return NameDayCalendar(country=country, days=days)
