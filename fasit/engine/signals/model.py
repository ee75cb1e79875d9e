"""The engine's input and output types for market signals (frozen dataclasses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

Level = Literal["noted", "alarm", "confirmed"]
Kind = Literal["want", "how_to_buy", "need", "motive", "objection"]
KINDS: Final[tuple[Kind, ...]] = ("want", "how_to_buy", "need", "motive", "objection")


@dataclass(frozen=True)
class Statement:
    """Something a customer said. ``group`` is the corporate group, if any."""

    id: str
    account: str
    conversation: str
    date: dt.date
    text: str
    group: str | None = None
    language: str | None = None

    @property
    def account_key(self) -> str:
        """Accounts in one corporate group count once, so the group is the key."""
        return (self.group or self.account).strip().casefold()


@dataclass(frozen=True)
class Theme:
    """Statements that say the same thing; ``accounts`` counts independent accounts."""

    id: str
    label: str
    statement_ids: tuple[str, ...]
    accounts: int
    level: Level
    concepts: tuple[str, ...] = ()
    account_keys: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    dismissed: bool = False
    # False when three or more independent accounts are behind the theme but no three
    # of them corroborate each other statement by statement (see docs/signals.md,
    # "Corroboration"): the theme is then held at alarm.
    corroborated: bool = True


@dataclass(frozen=True)
class Decisions:
    """What people decided about themes, kept by the caller and handed back in.

    - ``placements``: statement id -> theme id, set when a person moved a statement or
      merged two themes; grouping never moves these statements again, so a merged pair
      stays merged and a moved statement stays where it was put.
    - ``taught``: (folded stem, concept id) pairs; the team's own vocabulary learnt from
      moved statements, so similar wording joins that theme next time.
    - ``dismissed``: theme ids a person dismissed; they keep absorbing their statements
      (so the theme does not come back under a new id) but are flagged.
    """

    placements: tuple[tuple[str, str], ...] = ()
    taught: tuple[tuple[str, str], ...] = ()
    dismissed: frozenset[str] = field(default_factory=frozenset)

    def placement_map(self) -> dict[str, str]:
        return dict(self.placements)

    def taught_map(self) -> dict[str, tuple[str, ...]]:
        table: dict[str, tuple[str, ...]] = {}
        for term, concept in self.taught:
            if concept not in table.get(term, ()):
                table[term] = (*table.get(term, ()), concept)
        return table


@dataclass(frozen=True)
class Proposal:
    """A sentence that looks like a statement worth keeping, with its kind.

    ``question`` is the seller's question a bare answer ("Nei, ikke ennå.") answered:
    the two are one statement only together. ``summary`` marks a note sentence that is
    the seller's summary of the customer ("Wants pay-per-hour."), not their words.
    """

    text: str
    kind: Kind
    start: int
    end: int
    language: str
    trigger: str
    question: str = ""
    summary: bool = False

    @property
    def statement_text(self) -> str:
        """What to keep as the statement: the question and its answer together."""
        return f"{self.question} {self.text}" if self.question else self.text


def level_for(accounts: int, corroborated: bool = True) -> Level:
    """Noted, alarm or confirmed by independent accounts; a theme whose evidence is not
    corroborated is held at alarm however many accounts it has."""
    if accounts >= 3:
        return "confirmed" if corroborated else "alarm"
    if accounts == 2:
        return "alarm"
    return "noted"
