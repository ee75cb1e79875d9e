"""Text for the search index and the queries against it, the same on every database.

A record may be written in any of the team's languages and a query typed in another,
so each word is indexed in its folded form and under its Snowball stem in each of
Swedish, Norwegian, Danish and English (usually one to three distinct forms). Folding
makes the search accent- and case-insensitive: "malmo" finds "Malmö", "Soren" finds
"Søren". The database (SQLite FTS5 or PostgreSQL's ``simple`` text search) then only
matches plain tokens, so both give the same results.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

import Stemmer  # type: ignore[import-not-found]

from fasit.engine.text.tokens import WORD_RE

LANGUAGES: Final[tuple[str, ...]] = ("swedish", "norwegian", "danish", "english")
# Letters NFKD does not take apart.
_SPECIAL: Final[dict[int, str]] = str.maketrans(
    {"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "œ": "oe"}
)
# A query longer than this many words is cut: nobody types more, and each word is a
# clause for the database.
MAX_QUERY_WORDS: Final[int] = 8


@lru_cache(maxsize=4)
def _stemmer(name: str) -> object:
    return Stemmer.Stemmer(name)


def fold(word: str) -> str:
    """Lower case without accents: "Ærø" -> "aero", "Malmö" -> "malmo"."""
    low = word.lower().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The folded word and its folded stems in the four languages, without repeats."""
    low = word.lower()
    out = [fold(low)]
    for name in LANGUAGES:
        stem = fold(_stemmer(name).stemWord(low))  # type: ignore[attr-defined]
        if stem and stem not in out:
            out.append(stem)
    return tuple(out)


def index_text(*parts: str) -> str:
    """The indexed form of ``parts``: space-separated tokens, every form of every word."""
    tokens: list[str] = []
    for part in parts:
        for word in WORD_RE.findall(part or ""):
            if word.isascii() and word.isdigit():
                # A number is its only form (no stemmer changes digits); numbers are
                # mostly unique (ids in e-mail addresses), so the cache would only churn.
                tokens.append(word)
            else:
                tokens.extend(forms(word))
    return " ".join(tokens)


def query_words(query: str) -> list[tuple[str, ...]]:
    """For each word of ``query`` (at most ``MAX_QUERY_WORDS``), the forms any of which
    may match. The last word is also matched as a prefix (search as you type)."""
    return [forms(w) for w in WORD_RE.findall(query)[:MAX_QUERY_WORDS]]


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression: every word must match in one of its forms."""
    clauses = _clauses(query_words(query), quote='"{}"', prefix='"{}"*', join=" OR ")
    return " AND ".join(clauses)


def tsquery(query: str) -> str:
    """The same for PostgreSQL's ``to_tsquery('simple', …)``."""
    clauses = _clauses(query_words(query), quote="'{}'", prefix="'{}':*", join=" | ")
    return " & ".join(clauses)


def _clauses(words: Iterable[tuple[str, ...]], *, quote: str, prefix: str, join: str) -> list[str]:
    words = list(words)
    clauses = []
    for i, word_forms in enumerate(words):
        # Tokens are runs of letters and digits, so quoting needs no escaping.
        alternatives = [quote.format(f) for f in word_forms]
        if i == len(words) - 1:
            alternatives.append(prefix.format(word_forms[0]))
        clauses.append("(" + join.join(alternatives) + ")")
    return clauses
