"""Words of Swedish, Norwegian and Danish with their English translations, and the
inflected forms of those words: general cross-lingual knowledge others maintain.

Derived at build time by ``scripts/build_dictionary.py`` from FreeDict's bilingual
dictionaries as Debian ships them (``dict-freedict-swe-eng`` and friends; GPL-2+,
GPL-3+ and CC-BY-SA-3.0) and simplemma's lemma lists (MIT code; ODbL and Wiktionary
data), into the compact table ``words.tsv.gz`` that ships here; nothing is read from
the system or downloaded at run time. The hand-written pivot vocabulary
(``lexicon.vocabulary``) stays first: this table only speaks for words it does not know.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

TABLE: Final[Path] = Path(__file__).with_name("words.tsv.gz")
NORDIC: Final[tuple[str, ...]] = ("sv", "nb", "da")


@dataclass
class Dictionary:
    """Nordic lemma -> English words (first sense first); form -> lemma per language."""

    english: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    lemmas: dict[str, dict[str, str]] = field(default_factory=dict)
    english_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = TABLE) -> Dictionary:
        english: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in NORDIC}
        lemmas: dict[str, dict[str, str]] = {lang: {} for lang in (*NORDIC, "en")}
        known: set[str] = set()
        with gzip.open(path, "rt", encoding="utf-8") as rows:
            for row in rows:
                kind, lang, word, rest = row.rstrip("\n").split("\t")
                if kind == "t":
                    targets = tuple(rest.split(" "))
                    english[lang][word] = targets
                    known.update(targets)
                else:
                    lemmas[lang][word] = rest
        return cls(english=english, lemmas=lemmas, english_words=frozenset(known))

    def lemma(self, word: str, language: str) -> str:
        return self.lemmas.get(language, {}).get(word, word)

    def translate(self, word: str, language: str) -> tuple[str, ...]:
        """English words for ``word`` read as ``language``; an English word stands for
        itself (its lemma) if the dictionaries know it; nothing if unknown."""
        if language == "en":
            lemma = self.lemma(word, "en")
            return (lemma,) if lemma in self.english_words else ()
        table = self.english.get(language)
        if table is None:
            return ()
        return table.get(word) or table.get(self.lemma(word, language), ())


@lru_cache(maxsize=1)
def shipped_dictionary() -> Dictionary:
    return Dictionary.load()


__all__ = ["NORDIC", "TABLE", "Dictionary", "shipped_dictionary"]
