"""A general Nordic-English pivot vocabulary: everyday content words -> an English lemma.

The B2B concepts (``lexicon``) cover what buyers raise about buying; everything else a
customer says (water, keys, snow, lifts, coffee machines ...) would otherwise only
meet its own language. This vocabulary gives common content words of Swedish,
Norwegian bokmål and Danish a language-independent identity: the English lemma they
translate to (the *pivot*), so that "vatten", "vann", "vand" and "water" share the
feature ``p:water``.

Written for Fasit field by field (people and roles, places and buildings, time and
quantities, actions, properties, things, and the nouns of the industries Fasit's
customers are in), from general knowledge of the languages; it is not derived from
any evaluation file and copies no dictionary.

Rows are ``pivot | sv | nb | da | en`` with synonyms separated by commas inside a
column; the English column lists English variants besides the pivot itself (which
always counts). Base forms are enough: inflections are reached through the Snowball
stems of each language and compounds through their parts (see ``analysis``).
"""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import LANGS
from fasit.engine.signals.lexicon.vocabulary import (
    actions,
    groups,
    industry,
    people,
    places,
    properties,
    things,
    time,
)

Pivot = tuple[str, dict[str, tuple[str, ...]]]


def parse(text: str) -> list[Pivot]:
    """Rows of ``pivot | sv | nb | da | en`` (blank lines and ``#`` comments skipped)."""
    rows: list[Pivot] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != 1 + len(LANGS):
            raise ValueError(f"pivot row needs {1 + len(LANGS)} columns: {line!r}")
        pivot = cells[0].lower()
        forms = {
            lang: tuple(f.strip().lower() for f in cell.split(",") if f.strip())
            for lang, cell in zip(LANGS, cells[1:], strict=True)
        }
        forms["en"] = (pivot, *forms["en"]) if " " not in pivot else forms["en"]
        rows.append((pivot, forms))
    return rows


PIVOTS: Final[tuple[Pivot, ...]] = tuple(
    row
    for module in (people, places, time, actions, properties, things, industry)
    for row in parse(module.ROWS)
)

# How much a pivot of each field says about what a statement is about: nouns name the
# matter (keys, snow, mice), verbs less, and time words and properties ("next",
# "morning", "fast") are shared by statements about anything.
KIND_WEIGHTS: Final[dict[str, float]] = {
    "people": 0.5,
    "places": 0.5,
    "things": 1.0,
    "industry": 1.0,
    "actions": 0.7,
    "time": 0.4,
    "properties": 0.5,
}


def _pivot_weights() -> dict[str, float]:
    found: dict[str, float] = {}
    for name, module in (
        ("people", people),
        ("places", places),
        ("things", things),
        ("industry", industry),
        ("actions", actions),
        ("properties", properties),
        ("time", time),
    ):
        for pivot, _ in parse(module.ROWS):
            found.setdefault(pivot, KIND_WEIGHTS[name])
    return found


# Pivot -> weight of its field (a pivot in several fields takes its noun reading).
PIVOT_WEIGHTS: Final[dict[str, float]] = _pivot_weights()


def _not_nouns() -> frozenset[str]:
    nouns = {
        pivot for module in (people, places, things, industry) for pivot, _ in parse(module.ROWS)
    }
    return frozenset(
        pivot
        for module in (actions, properties, time)
        for pivot, _ in parse(module.ROWS)
        if pivot not in nouns
    )


# Pivots only of actions, properties and time ("well" -> healthy, "hold"): no noun
# reading, so never the tail of an English closed compound ("stairwell").
NOT_NOUNS: Final[frozenset[str]] = _not_nouns()


def parse_groups(text: str) -> dict[str, str]:
    """Rows of ``group | pivot, pivot, ...`` -> pivot -> group (the first row wins)."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        group, _, members = (c.strip() for c in line.partition("|"))
        for member in members.split(","):
            found.setdefault(member.strip().lower(), group.lower())
    return found


GROUPS: Final[dict[str, str]] = parse_groups(groups.ROWS)

# Pivots of people and roles ("customer", "parent", "guest").
PEOPLE: Final[frozenset[str]] = frozenset(pivot for pivot, _ in parse(people.ROWS))

__all__ = [
    "GROUPS",
    "KIND_WEIGHTS",
    "NOT_NOUNS",
    "PEOPLE",
    "PIVOTS",
    "PIVOT_WEIGHTS",
    "Pivot",
    "parse",
    "parse_groups",
]
