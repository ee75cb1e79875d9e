"""Text analysis for grouping: words, stems, compounds, concepts and feature vectors.

A statement becomes one sparse vector that mixes three kinds of evidence:

- ``c:<concept>`` lexicon concepts (cross-lingual; the strongest evidence),
- ``w:<stem>`` stemmed content words left over after concepts took their words,
- ``g:<4-gram>`` character n-grams of those stems, folded so that Swedish ä/ö and
  Norwegian/Danish æ/ø meet, which catches cognates the lexicon does not know.

Work per word is cached, so analysing many statements costs little more than
tokenising them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern
from types import MappingProxyType
from typing import Final

import Stemmer  # type: ignore[import-not-found]

from fasit.engine.signals.lexicon import CONCEPTS, LANGS, STOP_WORDS, Concept
from fasit.engine.signals.lexicon.dictionary import Dictionary, shipped_dictionary
from fasit.engine.signals.lexicon.vocabulary import (
    GROUPS,
    KIND_WEIGHTS,
    NOT_NOUNS,
    PEOPLE,
    PIVOT_WEIGHTS,
    PIVOTS,
    Pivot,
)
from fasit.engine.signals.negation import NOT, NOT_NAMES, negated_spans, plain
from fasit.engine.text.tokens import WORD_RE, words

_STEMMER_NAMES: Final[dict[str, str]] = {
    "sv": "swedish",
    "nb": "norwegian",
    "da": "danish",
    "en": "english",
}
_STEMMERS: Final[dict[str, Stemmer.Stemmer]] = {
    lang: Stemmer.Stemmer(name) for lang, name in _STEMMER_NAMES.items()
}
# Stems shorter than this collide across languages ("ord" is Swedish "order" stemmed
# and also the Scandinavian word for "word"), so short words must match exactly.
MIN_STEM: Final[int] = 4
MIN_PART: Final[int] = 3
# English derivational endings that are also words: "fingerless" is not "less".
EN_SUFFIXES: Final[frozenset[str]] = frozenset(
    {"less", "like", "wise", "ward", "wards", "ship", "ships", "hood", "ness", "able", "fold"}
)
LINKING: Final[tuple[str, ...]] = ("s", "e")
MAX_GAP: Final[int] = 2

# Feature weights. Concepts dominate; leftover words add within-language precision;
# n-grams are a weak fallback for cognates and inflections the stemmers miss.
W_BROADER: Final[float] = 0.35
W_SECONDARY: Final[float] = 0.5
W_WORD: Final[float] = 0.45
W_GRAM: Final[float] = 0.12
# Pivots (``p:<english lemma>``, see ``lexicon.vocabulary``) give words the lexicon has
# no concept for a language-independent identity; they live in the word block, so they
# connect "vann" and "water" without outweighing a concept. A compound's head (the
# modifier) counts less than its tail (what the compound is).
W_PIVOT: Final[float] = 1.0
W_PIVOT_BLOCK: Final[float] = 0.5
W_PIVOT_HEAD: Final[float] = 0.6
# A pivot's broader group (``h:<group>``: mouse, rat, cockroach -> pests) lets
# statements that name different members of one field meet, more weakly than the
# members themselves.
W_GROUP: Final[float] = 0.6
# The second and later pivots of a word listed in several rows count less.
W_PIVOT_ALT: Final[float] = 0.7
# A pivot only the bilingual dictionaries know (not the hand-written vocabulary) has no
# field weight: a dictionary's English word may be any part of speech or sense.
W_DICT_PIVOT: Final[float] = 0.5
MIN_PIVOT_STEM: Final[int] = 3
# Longest pivot form of several words matched in running text ("office chairs", "key
# cards", "lost property"). Verbs of several words ("skriver under", "throw away") are
# not matched: particles make them ambiguous, and an action says little of the matter.
MAX_PHRASE: Final[int] = 3
# A pivot of several words ("snow clearing", "key card", "sick leave") also stands for
# its words, at this share of its weight: "brøyting" (snow clearing) meets "snø" (snow)
# and "passerkort" (key card) meets "nycklar" (key) without a row for each pair.
W_PIVOT_WORD: Final[float] = 0.5
# Definite and plural endings Snowball leaves on Nordic nouns ("snön", "kranvattnet",
# "nøklene", "rotterne"), tried longest first when a word has no pivot as it stands.
DEFINITE_ENDINGS: Final[dict[str, tuple[str, ...]]] = {
    "sv": (
        "arnas",
        "ornas",
        "ernas",
        "arna",
        "orna",
        "erna",
        "ens",
        "ets",
        "en",
        "et",
        "na",
        "n",
        "t",
    ),
    "nb": ("enes", "ene", "ens", "ets", "en", "et", "er", "a", "e"),
    "da": ("ernes", "erne", "enes", "ene", "ens", "ets", "en", "et", "ne", "er", "e"),
    "en": (),
}
TEACH_WEIGHT: Final[float] = 1.0
# The concept block and the word block are normalised separately and then mixed, so a
# long statement full of unexplained words does not drown the concept it names. The
# concept block's share is scaled by how specific its most specific concept is (the
# concept's weight): "lead time" dominates its statement, "delivery" alone does not.
W_CONCEPT_BLOCK: Final[float] = 1.0
W_WORD_BLOCK: Final[float] = 0.4
# An unknown head before a known tail of at least this many letters is split off
# ("engångs|emballage", "kamera|system"): the tail of a Nordic compound names its kind.
MIN_TAIL: Final[int] = 5
# The privative prefix of each language ("un-salted", "o-saltad", "u-saltet"): a word
# no table knows is read as its base (see ``Lexicon.pivot_weights``).
PRIVATIVE_PREFIX: Final[dict[str, str]] = {"en": "un", "sv": "o", "nb": "u", "da": "u"}

# "alla kan använda det utan utbildning" is about ease of use, not training: a concept
# right after a privative preposition is absent. At the start of a statement the
# preposition states a condition instead ("Utan EPD kan vi inte köpa"), so it counts.
PRIVATIVE: Final[frozenset[str]] = frozenset(("utan", "uten", "uden", "without"))

# A concept named by one short word alone ("låst", "rent", "lageret", "secure") is
# often another sense of that word ("the door is locked", "cleaned", "the warehouse").
# When the words the lexicon leaves over point elsewhere (the weights of their pivots
# add up to at least MIN_OTHER_EVIDENCE: two or three nouns of their own), such a
# concept counts this much less; a second cue (another term of the concept, a longer
# word or a phrase) keeps it whole.
SHORT_CUE: Final[int] = 9
# A concept named only inside a place or time phrase ("i lageret", "in the freezer",
# "på nätterna", "ved læsserampen") is usually the setting of what is said, not its
# matter: the toilets at the loading dock, the phones in the cold store. When the
# words left over point elsewhere (as for lone short cues), it counts this much.
W_SETTING: Final[float] = 0.35
LOCATIVE: Final[frozenset[str]] = frozenset(
    [
        "i",
        "på",
        "vid",
        "ved",
        "under",
        "inne",
        "inde",
        "nere",
        "nede",
        "uppe",
        "oppe",
        "ute",
        "ude",
        "hos",
        "in",
        "at",
        "inside",
        "near",
        "on",
        "during",
        "outside",
    ]
)
# A concept named by one word that the pivot vocabulary files under time, places,
# people or properties ("kvällen", "helgen", "lageret", "weekend") is named by the
# when or where of a statement; once anything else is said, it counts as a setting.
CONTEXT_FIELD: Final[float] = 0.5
MIN_CONTEXT_OTHER: Final[float] = 1.0
# Words that may stand between the preposition and the noun ("på hela lagret", "in
# the cold store", "i vores kølerum").
DETERMINERS: Final[frozenset[str]] = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "their",
        "this",
        "that",
        "these",
        "all",
        "whole",
        "hela",
        "hele",
        "vår",
        "våra",
        "vårt",
        "våre",
        "vores",
        "deres",
        "dess",
        "det",
        "den",
        "de",
        "denne",
        "detta",
        "dette",
        "disse",
    ]
)
MIN_OTHER_EVIDENCE: Final[float] = 2.5
W_SINGLE_CUE: Final[float] = 0.5

_FOLD: Final[dict[int, str]] = str.maketrans(
    {"ä": "e", "æ": "e", "ö": "o", "ø": "o", "å": "a", "é": "e", "ü": "u", "è": "e"}
)

ALL_STOP_WORDS: Final[frozenset[str]] = frozenset().union(*STOP_WORDS.values())

# Common parts of Scandinavian compounds that are not concepts themselves; they let
# the splitter find the boundary in words such as "leveranstidsgaranti".
COMPOUND_PARTS: Final[frozenset[str]] = frozenset(
    str.split(
        """
    tid tider dag dagar dager dage vecka uke uge månad måned år timme time timer
    system kund kunde kunder pris priser avtal avtale aftale plan del dele deler delar
    lager nummer rapport möte møte møde person personer grupp gruppe chef ansvar
    arbete arbeid arbejde projekt prosjekt bygg bygge hus fabrik fabrikk verkstad
    verksted værksted maskin maskiner utrustning utstyr udstyr park flåte flåde
    bil bilar biler fordon kjøretøy køretøj vara varu vare varer produkt material
    materiel materiale information informasjon data portal app program mjukvara
    programvare software konto adress adresse post brev mail epost telefon nät nett
    net linje line ställe sted plads plats ort land region avdelning avdeling afdeling
    kontor butik butikk handel köp kjøp køb inköp innkjøp indkøb sälj salg försäljning
    ekonomi økonomi kostnad kostnader omkostning betalning betaling faktura order ordre
    leverans leveranse levering leverance frakt fragt transport garanti service
    kontroll kontrol kvalitet säkerhet sikkerhet sikkerhed miljö miljø klimat klima
    energi ström strøm el vatten vann vand luft värme varme kyla kulde drift
    underhåll vedlikehold vedligehold reserv reserve fjärr fjern övervakning overvåking
    overvågning styrning styring tekniker montör montør installation installasjon
    utbildning opplæring uddannelse kurs kursus manual dokument dokumentation
    dokumentasjon språk sprog svar respons status saldo beholdning nivå niveau frist
    villkor vilkår betingelse ram ramme samling samle saml månads måneds
    """
    )
)


def fold(text: str) -> str:
    """Lowercase and fold Nordic vowels so that sv/nb/da spellings of one root meet."""
    return text.lower().translate(_FOLD)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    stemmer = _STEMMERS.get(language, _STEMMERS["en"])
    result: str = stemmer.stemWord(word)
    return result


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    """The word itself plus its stems in all four languages (long enough to be safe)."""
    keys = {word}
    for lang in LANGS:
        s = stem(word, lang)
        if len(s) >= MIN_STEM:
            keys.add(s)
    return frozenset(keys)


# --- the compiled lexicon ------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    """One position in a lexicon term: exact keys, or a prefix, or an optional gap."""

    keys: frozenset[str] = frozenset()
    prefix: str = ""
    gap: bool = False

    def matches(self, unit: str, unit_keys: frozenset[str]) -> bool:
        if self.prefix:
            return unit.startswith(self.prefix)
        return not self.keys.isdisjoint(unit_keys)


@dataclass(frozen=True)
class _Term:
    concept: str
    toks: tuple[_Tok, ...]


def _term_keys(word: str, language: str) -> frozenset[str]:
    keys = {word}
    s = stem(word, language)
    if len(s) >= MIN_STEM:
        keys.add(s)
    return frozenset(keys)


def _compile_term(text: str, language: str, concept: str) -> _Term | None:
    toks: list[_Tok] = []
    for piece in text.split():
        if piece == "~":
            toks.append(_Tok(gap=True))
            continue
        is_prefix = piece.endswith("*")
        parts = [normalise(p) for p in words(piece)]
        for i, part in enumerate(parts):
            if is_prefix and i == len(parts) - 1:
                toks.append(_Tok(prefix=part))
            else:
                toks.append(_Tok(keys=_term_keys(part, language)))
    if not toks or toks[0].gap:
        return None
    return _Term(concept, tuple(toks))


@dataclass
class Lexicon:
    """Concepts compiled for matching, plus a team's taught words (see ``teach``)."""

    concepts: dict[str, Concept]
    by_key: dict[str, list[_Term]] = field(default_factory=dict)
    by_prefix: dict[str, list[_Term]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    min_prefix: int = 3
    # Words and prefixes that alone name a concept (one-word terms): known tails.
    concept_words: set[str] = field(default_factory=set)
    concept_prefixes: set[str] = field(default_factory=set)
    # Pivot vocabulary: language -> folded word or stem -> pivot lemmas (a word listed
    # in several rows has several), and pivot -> its broader group.
    pivots: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    pivot_weight: dict[str, float] = field(default_factory=dict)
    # Bilingual dictionaries (FreeDict, simplemma lemmas) for words the hand-written
    # vocabulary does not know: their English words become pivots too.
    dictionary: Dictionary | None = None
    _pivot_cache: dict[tuple[str, str], tuple[tuple[str, float], ...]] = field(default_factory=dict)
    _pivot_all_cache: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    _compounds: set[tuple[str, str]] = field(default_factory=set)
    # Pivot forms of several words: language -> stems of the words -> pivot.
    phrases: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    phrase_first: dict[str, set[str]] = field(default_factory=dict)
    _phrase_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Folded pivot keys of one language whose unfolded spelling differs (FOLDED_KEYS).
    _exact: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Word -> what ``match`` looks up for every word of every statement: the concepts
    # of the one-word terms it matches, the longer terms it starts whose second word is
    # one of given keys (by that key, checked against the next word's keys at once),
    # and the other longer terms (a prefix or a gap second). The terms are fixed once
    # built (``_index`` runs only in ``build``), so a word's answer is too.
    _match_cache: dict[
        str, tuple[frozenset[str], dict[str, tuple[_Term, ...]], tuple[_Term, ...]]
    ] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        concepts: Iterable[Concept] = CONCEPTS,
        pivots: Iterable[Pivot] = PIVOTS,
        groups: Mapping[str, str] = GROUPS,
        pivot_weights: Mapping[str, float] = PIVOT_WEIGHTS,
        dictionary: Dictionary | None | bool = True,
    ) -> Lexicon:
        """Compile the lexicon; ``dictionary=True`` takes the shipped bilingual table,
        ``None``/``False`` leaves it out (hand-written vocabulary only)."""
        lex = cls(concepts={c.id: c for c in concepts})
        if dictionary is True:
            lex.dictionary = shipped_dictionary()
        elif isinstance(dictionary, Dictionary):
            lex.dictionary = dictionary
        lex._index_pivots(pivots)
        lex.groups = dict(groups)
        lex.pivot_weight = dict(pivot_weights)
        for concept in lex.concepts.values():
            for language, terms in concept.terms.items():
                for text in terms:
                    term = _compile_term(text, language, concept.id)
                    if term is not None:
                        lex._index(term)
        lex.min_prefix = min((len(p) for p in lex.by_prefix), default=3)
        lex.vocabulary |= COMPOUND_PARTS
        lex.vocabulary -= ALL_STOP_WORDS
        return lex

    def _index(self, term: _Term) -> None:
        first = term.toks[0]
        if first.prefix:
            self.by_prefix.setdefault(first.prefix, []).append(term)
            if len(term.toks) == 1:
                self.vocabulary.add(first.prefix)
                self.concept_prefixes.add(first.prefix)
        else:
            for key in first.keys:
                self.by_key.setdefault(key, []).append(term)
            if len(term.toks) == 1:
                self.vocabulary.update(k for k in first.keys if len(k) >= MIN_PART)
                self.concept_words.update(first.keys)
        for tok in term.toks[1:]:
            if tok.keys:
                self.vocabulary.update(k for k in tok.keys if len(k) >= MIN_PART)

    def _index_pivots(self, pivots: Iterable[Pivot]) -> None:
        for lang in LANGS:
            self.pivots[lang] = {}
            self.phrases[lang] = {}
        for pivot, forms in pivots:
            for lang, words_ in forms.items():
                table = self.pivots[lang]
                # A form of several words ("office chair", "snow clearing", "lost
                # property") is matched as a word sequence, by the words' stems.
                several = [f for f in words_ if " " in f]
                if lang == "en" and " " in pivot:
                    several.append(pivot)
                for form in several:
                    key = _phrase_key(form.split(), lang)
                    if len(key) <= MAX_PHRASE:
                        self.phrases[lang].setdefault(key, pivot)
                        self.phrase_first.setdefault(lang, set()).add(key[0])
                for form in words_:
                    if " " in form or "-" in form and len(form) < 4:
                        continue
                    raw = [form.lower()]
                    s = stem(form, lang)
                    if len(s) >= MIN_PIVOT_STEM:
                        raw.append(s)
                    keys = [fold(r) for r in raw]
                    exact = self._exact.setdefault(lang, {})
                    for r in raw:
                        have = exact.get(r, ())
                        if pivot not in have:
                            exact[r] = (*have, pivot)
                    for k in keys:
                        have = table.get(k, ())
                        if pivot not in have:
                            table[k] = (*have, pivot)

    def _lookup(self, word: str, language: str) -> tuple[str, ...]:
        folded = fold(word)
        exact = self._exact.get(language)
        if exact is not None:
            # Within one language the vowels are distinct letters: "stora" (big) is
            # not "störa" (disturb), though both fold to one key across languages.
            # Only the rows whose form is spelled so count ("malet" is painted, not
            # "måle", measure, though both fold to "mal").
            hit = exact.get(word) or exact.get(stem(word, language))
            if hit:
                return hit
        others = [lang for lang in LANGS if lang != language]
        for lang in others:
            hit = self.pivots[lang].get(folded)
            if hit:
                return hit
        # A word its own language's dictionary knows is read through it before another
        # language's stem can claim it (English "socks" is not Swedish "socker").
        dictionary = self.dictionary
        if dictionary is not None and dictionary.translate(word, language):
            return self._translated(word, language)
        for lang in others:
            table = self.pivots[lang]
            s = fold(stem(word, lang))
            if len(s) >= MIN_STEM and s in table:
                return table[s]
        found = self._translated(word, language) or self._derived(word, language)
        if found or language not in COGNATE_SPELLING or len(word) < MIN_STEM:
            return found
        # Danish and Norwegian (bokmål) write many shared words with regular spelling
        # differences (øje/øye, gigt/gikt, tørhed/tørrhet): a word neither table knows
        # is tried once in the sister language's spelling.
        other, rules = COGNATE_SPELLING[language]
        for variant in _cognate_variants(word, rules):
            table = self.pivots[other]
            hit = table.get(fold(variant)) or table.get(fold(stem(variant, other)))
            if hit:
                return hit
            english = self.dictionary.translate(variant, other) if self.dictionary else ()
            if english:
                return self._translated(variant, other)
        return ()

    def _derived(self, word: str, language: str) -> tuple[str, ...]:
        """A regular Nordic derivation no table knows (``DERIVATIONS``), read through
        the word it is derived from ("kremering" -> "kremere" -> cremate, "muslimske"
        -> "muslim"); nothing if the dictionaries know that word neither."""
        if self.dictionary is None:
            return ()
        for ending, bases in DERIVATIONS.get(language, ()):
            if word.endswith(ending):
                root = word[: -len(ending)]
                # The derived-from word keeps four letters of the derivation, or three
                # and its own final -e ("jød|iske" -> "jøde"): "est|ationerne" is no
                # derivation of "estere".
                for base in bases:
                    if len(root) >= MIN_DERIVED_BASE or (base == "e" and len(root) >= MIN_PART):
                        found = self._translated(root + base, language)
                        if found:
                            return found
                return ()
        return ()

    def _translated(self, word: str, language: str) -> tuple[str, ...]:
        """Pivots from the bilingual dictionaries: the word's English translations
        (its own language first, then the other Nordic ones), each named by the
        hand-written pivot it is a form of, or by itself."""
        dictionary = self.dictionary
        if dictionary is None or len(word) < MIN_PIVOT_STEM:
            return ()
        english = dictionary.translate(word, language)
        if not english and language != "en":
            for lang in ("sv", "nb", "da"):
                if lang != language:
                    english = dictionary.translate(word, lang)
                    if english:
                        break
        if not english:
            return ()
        table = self.pivots["en"]
        out: list[str] = []
        for e in english:
            # An English translation stands for its lemma, as an English word does
            # ("søskende" -> siblings meets "sibling").
            e = dictionary.lemma(e, "en")
            hand = table.get(fold(e)) or table.get(fold(stem(e, "en")))
            for p in hand[:1] if hand else (e,):
                if p not in out:
                    out.append(p)
        return tuple(out)

    def pivot_all(self, word: str, language: str) -> tuple[str, ...]:
        """Pivot lemmas of one word: its own language first, then the others, then the
        word without a definite or plural ending Snowball left on it."""
        # Cached as ``pivot_weights`` is (the tables are fixed once built): the
        # setting rule (``_contextual``) asks again for words of every statement.
        key = (word, language)
        cached = self._pivot_all_cache.get(key)
        if cached is not None:
            return cached
        found = self._pivot_all(word, language)
        if len(self._pivot_all_cache) < 500_000:
            self._pivot_all_cache[key] = found
        return found

    def _pivot_all(self, word: str, language: str) -> tuple[str, ...]:
        hit = self._lookup(word, language)
        if hit or len(word) <= MIN_PART:
            return hit
        langs = (language,) if language in DEFINITE_ENDINGS else ("sv", "nb", "da")
        for lang in langs:
            for ending in DEFINITE_ENDINGS[lang]:
                if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
                    hit = self._lookup(word[: -len(ending)], lang)
                    if hit:
                        return hit
        return ()

    def phrase_words(self, pivot: str) -> tuple[str, ...]:
        """The pivots of the words of a pivot of several words ("snow clearing" ->
        snow, clear), each named as ``_translated`` names English words; nothing for a
        pivot of one word. Function words and words under four letters are left out."""
        if " " not in pivot:
            return ()
        cached = self._phrase_cache.get(pivot)
        if cached is not None:
            return cached
        table = self.pivots["en"]
        out: list[str] = []
        for e in pivot.split():
            if len(e) < MIN_STEM or e in ALL_STOP_WORDS:
                continue
            if self.dictionary is not None:
                e = self.dictionary.lemma(e, "en")
            hand = table.get(fold(e)) or table.get(fold(stem(e, "en")))
            p = hand[0] if hand else e
            if p != pivot and p not in out:
                out.append(p)
        found = tuple(out)
        self._phrase_cache[pivot] = found
        return found

    def pivot(self, word: str, language: str) -> str | None:
        """The first pivot lemma of one word, or None."""
        hit = self.pivot_all(word, language)
        return hit[0] if hit else None

    def pivot_weights(self, word: str, language: str) -> tuple[tuple[str, float], ...]:
        """Pivots of a word (all its rows), or of the parts of a compound (tail first,
        the head weaker), each with its weight; nothing if none is known."""
        key = (word, language)
        cached = self._pivot_cache.get(key)
        if cached is not None:
            return cached
        whole = self.pivot_all(word, language)
        prefix = PRIVATIVE_PREFIX.get(language, "")
        if not whole and prefix and word.startswith(prefix) and len(word) - len(prefix) >= MIN_TAIL:
            # A privative derivation no table knows ("unsalted", "osaltade") read as
            # its base word: what it lacks is the matter it speaks of.
            whole = self.pivot_all(word[len(prefix) :], language)
        found: tuple[tuple[str, float], ...] = ()
        if whole:
            found = _weighted(whole, W_PIVOT)
        elif len(word) >= 2 * MIN_PART + 1:
            found = (
                self._pivot_parts(word, language, 0)
                if language != "en"
                else self._english_parts(word)
            )
            if found and len(self._compounds) < 500_000:
                self._compounds.add(key)
        if len(self._pivot_cache) < 500_000:
            self._pivot_cache[key] = found
        return found

    def _english_parts(self, word: str) -> tuple[tuple[str, float], ...]:
        """An English closed compound no table knows ("wristbands", "timestamped")
        read as two English words of at least four letters that the tables know: the
        tail whole and the head at a head's weight, as Nordic compounds are. Function
        words and derivational endings ("-less", "-like", "-ship") are not parts."""
        for i in range(MIN_STEM, len(word) - MIN_STEM + 1):
            tail = self._english_word(word[i:])
            if tail and tail[0] not in NOT_NOUNS:
                head = self._english_word(word[:i])
                if head:
                    return _weighted(tail, W_PIVOT) + _weighted(head, W_PIVOT * W_PIVOT_HEAD)
        return ()

    def _english_word(self, part: str) -> tuple[str, ...]:
        if part in ALL_STOP_WORDS or part in EN_SUFFIXES:
            return ()
        table = self.pivots["en"]
        hit = table.get(fold(part)) or table.get(fold(stem(part, "en")))
        if hit:
            return hit
        if self.dictionary is not None and self.dictionary.translate(part, "en"):
            return self._translated(part, "en")
        return ()

    def is_compound(self, word: str, language: str) -> bool:
        """Whether ``pivot_weights`` found the word's pivots in its parts (a tail, and
        heads weighed ``W_PIVOT_HEAD`` or less), not for the word as a whole."""
        self.pivot_weights(word, language)
        return (word, language) in self._compounds

    def pivots_of(self, word: str, language: str) -> tuple[str, ...]:
        """Pivots of a word, or of the parts of a compound (tail first), or nothing."""
        return tuple(p for p, _ in self.pivot_weights(word, language))

    def _pivot_parts(self, word: str, language: str, depth: int) -> tuple[tuple[str, float], ...]:
        """Longest known tail, then the head (itself split once more if need be)."""
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            tail = self.pivot_all(word[i:], language)
            if not tail:
                continue
            found = _weighted(tail, W_PIVOT)
            head = word[:i]
            heads = [head]
            if len(head) > MIN_PART and head[-1] in LINKING:
                heads.append(head[:-1])
            for h in heads:
                hp = self._lookup(h, language)
                if hp:
                    return found + _weighted(hp, W_PIVOT * W_PIVOT_HEAD)
            if depth == 0 and len(head) >= 2 * MIN_PART:
                deeper = self._pivot_parts(head, language, 1)
                if deeper:
                    return found + tuple((p, w * W_PIVOT_HEAD) for p, w in deeper)
            if len(word) - i >= MIN_TAIL:
                return found
        return ()

    def broader(self, concept_id: str) -> tuple[str, ...]:
        concept = self.concepts.get(plain(concept_id))
        if concept is None:
            return ()
        if concept_id.startswith(NOT):
            return tuple(NOT + b for b in concept.broader)
        return concept.broader

    def weight(self, concept_id: str) -> float:
        concept = self.concepts.get(plain(concept_id))
        return concept.weight if concept else TEACH_WEIGHT

    def name(self, concept_id: str, language: str) -> str | None:
        concept = self.concepts.get(plain(concept_id))
        if concept is None:
            return None
        name = concept.names.get(language) or concept.names.get("en")
        if name and concept_id.startswith(NOT):
            prefix = NOT_NAMES.get(language, NOT_NAMES["en"])
            return prefix + name[:1].lower() + name[1:]
        return name

    # --- matching ---------------------------------------------------------------------

    def _candidates(self, unit: str, keys: frozenset[str]) -> list[_Term]:
        found: list[_Term] = []
        for key in keys:
            found.extend(self.by_key.get(key, ()))
        for k in range(self.min_prefix, len(unit) + 1):
            found.extend(self.by_prefix.get(unit[:k], ()))
        return found

    def _terms_of(
        self, unit: str, keys: frozenset[str]
    ) -> tuple[frozenset[str], dict[str, tuple[_Term, ...]], tuple[_Term, ...]]:
        """``_match_cache``'s entry for a word (see there)."""
        candidates = self._candidates(unit, keys)
        singles = frozenset(t.concept for t in candidates if len(t.toks) == 1)
        by_next: dict[str, list[_Term]] = {}
        other: list[_Term] = []
        for term in candidates:
            if len(term.toks) == 1:
                continue
            second = term.toks[1]
            if second.gap or second.prefix or not second.keys:
                other.append(term)
            else:
                for key in second.keys:
                    by_next.setdefault(key, []).append(term)
        return singles, {k: tuple(v) for k, v in by_next.items()}, tuple(other)

    def match(self, units: list[str]) -> list[tuple[str, int, int]]:
        """Every (concept, start, end) a lexicon term covers in the word sequence.

        A match inside a longer match of another concept is dropped: the longer term is
        the more specific reading ("training data" is not training, "price per unit"
        is not pay-per-use, "data ownership" is not about owning the machine).
        """
        found: set[tuple[str, int, int]] = set()
        keys = [word_keys(u) for u in units]
        cache = self._match_cache
        last = len(units) - 1
        for i, unit in enumerate(units):
            terms = cache.get(unit)
            if terms is None:
                terms = self._terms_of(unit, keys[i])
                if len(cache) < 500_000:
                    cache[unit] = terms
            singles, by_next, other = terms
            # A one-word term matches wherever it is a candidate (the word alone).
            for concept in singles:
                found.add((concept, i, i + 1))
            if by_next and i < last:
                for key in keys[i + 1]:
                    for term in by_next.get(key, ()):
                        end = _match_from(term.toks, 2, units, keys, i + 2)
                        if end is not None:
                            found.add((term.concept, i, end))
            for term in other:
                end = _match_from(term.toks, 1, units, keys, i + 1)
                if end is not None and end > i:
                    found.add((term.concept, i, end))
        return [
            (c, s, e)
            for c, s, e in sorted(found, key=lambda m: (m[1], m[2], m[0]))
            if not any(c2 != c and s2 <= s and e <= e2 and e2 - s2 > e - s for c2, s2, e2 in found)
        ]

    def is_word(self, part: str) -> bool:
        return part in self.vocabulary or any(k in self.vocabulary for k in word_keys(part))


_VOWELS: Final[str] = "aeiouyæøåäö"


# Regular Nordic derivations, read through the word they are derived from, which the
# dictionaries list far more often: nouns and participles of a verb in -era/-ere (sv
# "kremering", "isolerade", nb "kremasjon", da "lydisoleret" -> "kremera", "isolera",
# "kremere", "isolere"), adjectives of a noun in -sk/-isk (sv "muslimska", nb
# "jødiske" -> "muslim", "jøde"), and the loan adjectives in -ell/-el of a word in -al
# (sv "rituella", nb "individuell" -> "ritual", "individual"). Only for a word no table
# knows, as the whole word or a compound's tail; endings of the definite, the plural
# and the neuter included. Language -> (ending, longest first, and what replaces it,
# tried in turn). Swedish also tries the verb in the sister spelling ("-ere"): the
# other Nordic dictionaries answer for a word their own does not list.
def _derivations(*rules: tuple[str, str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = [
        (e, tuple(b.replace("-", "") for b in bases.split()))
        for ends, bases in rules
        for e in ends.split()
    ]
    return tuple(sorted(out, key=lambda r: len(r[0]), reverse=True))


DERIVATIONS: Final[dict[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    "sv": _derivations(
        ("ering eringen eringens eringar eringarna eringarnas", "era ere"),
        ("ation ationen ationer ationerna erad erade erat", "era ere"),
        ("isk iska iske iskt", "- e"),
        ("sk ska ske skt", "-"),
        ("ell ella elle ellt", "al"),
    ),
    "nb": _derivations(
        ("ering eringen eringer eringene asjon asjonen asjoner asjonene ert erte", "ere"),
        ("isk iske", "- e"),
        ("sk ske", "-"),
        ("ell elle elt", "al"),
    ),
    "da": _derivations(
        ("ering eringen eringer eringerne ation ationen ationer ationerne eret erede", "ere"),
        ("isk iske", "- e"),
        ("sk ske", "-"),
        # -el only after the letters of the French loans (rituel, officiel, nationel,
        # kulturel): Danish has many native words in -el (cykel, regel, formel).
        ("uel uelle uelt iel ielle ielt nel nelle nelt rel relle relt", "al"),
    ),
}
MIN_DERIVED_BASE: Final[int] = 4


# Regular spelling correspondences between Danish and Norwegian bokmål.
COGNATE_SPELLING: Final[dict[str, tuple[str, tuple[tuple[str, str], ...]]]] = {
    "da": ("nb", (("øj", "øy"), ("ej", "ei"), ("hed", "het"), ("b", "p"), ("d", "t"), ("g", "k"))),
    "nb": ("da", (("øy", "øj"), ("ei", "ej"), ("het", "hed"), ("p", "b"), ("t", "d"), ("k", "g"))),
}


def _cognate_variants(word: str, rules: tuple[tuple[str, str], ...]) -> list[str]:
    """The word with each correspondence applied everywhere it can be (single
    consonants only after a vowel), one rule at a time and all together."""
    out: list[str] = []
    together = word
    for a, b in rules:
        if len(a) == 1:
            chars = list(together)
            for i in range(1, len(chars)):
                if chars[i] == a and chars[i - 1] in _VOWELS:
                    chars[i] = b
            changed = "".join(chars)
            single = "".join(
                b if c == a and i and word[i - 1] in _VOWELS else c for i, c in enumerate(word)
            )
        else:
            changed = together.replace(a, b)
            single = word.replace(a, b)
        together = changed
        if single != word and single not in out:
            out.append(single)
    if together != word and together not in out:
        out.append(together)
    return out


@lru_cache(maxsize=200_000)
def _folded_stem(token: str, language: str) -> str:
    return fold(stem(token, language))


def _phrase_key(tokens: Iterable[str], language: str) -> tuple[str, ...]:
    return tuple(_folded_stem(t, language) for t in tokens)


def _phrase_pivots(
    lex: Lexicon, tokens: list[str], language: str, skip: set[int]
) -> list[tuple[int, int, str]]:
    """(start, end, pivot) for each pivot form of several words in ``tokens``, in the
    statement's language or in English, longest first and not overlapping."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    langs = (language, "en") if language != "en" else ("en",)
    for lang in langs:
        table = lex.phrases.get(lang)
        if not table:
            continue
        keys = _phrase_key(tokens, lang)
        first = lex.phrase_first[lang]
        starts = [i for i, k in enumerate(keys) if k in first and i not in skip]
        for n in range(MAX_PHRASE, 1, -1):
            for i in starts:
                span = range(i, i + n)
                if i + n > len(keys) or any(k in taken or k in skip for k in span):
                    continue
                pivot = table.get(keys[i : i + n])
                if pivot is not None and lex.pivot_weight.get(pivot) != KIND_WEIGHTS["actions"]:
                    found.append((i, i + n, pivot))
                    taken.update(span)
    return found


def _weighted(pivots: tuple[str, ...], weight: float) -> tuple[tuple[str, float], ...]:
    return tuple((p, weight if k == 0 else weight * W_PIVOT_ALT) for k, p in enumerate(pivots))


def _match_from(
    toks: tuple[_Tok, ...], t: int, units: list[str], keys: list[frozenset[str]], u: int
) -> int | None:
    """End position if ``toks[t:]`` matches ``units`` from ``u`` (``~`` skips 0-2 words)."""
    if t == len(toks):
        return u
    tok = toks[t]
    if tok.gap:
        for skip in range(MAX_GAP + 1):
            if u + skip > len(units):
                break
            end = _match_from(toks, t + 1, units, keys, u + skip)
            if end is not None:
                return end
        return None
    if u < len(units) and tok.matches(units[u], keys[u]):
        return _match_from(toks, t + 1, units, keys, u + 1)
    return None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.build()


# --- compounds -----------------------------------------------------------------------


def split_compound(word: str, lexicon: Lexicon | None = None) -> list[str]:
    """Split a Scandinavian compound into known parts, or return ``[word]``.

    Greedy on the longest known head, allowing a linking -s- or -e- between parts
    (betalning+s+villkor, reservdel+s+lager); the last part may be inflected.
    """
    lex = lexicon or default_lexicon()
    normal = normalise(word)
    parts = _split(normal, lex, 0) or _split_tail(normal, lex)
    return parts if parts and len(parts) > 1 else [word]


def _split_tail(word: str, lex: Lexicon) -> list[str] | None:
    """Unknown head + the longest tail that names a concept ("engångs|emballaget")."""
    for i in range(MIN_PART, len(word) - MIN_TAIL + 1):
        tail = word[i:]
        if _names_concept(tail, lex):
            return [word[:i], tail]
    return None


def _names_concept(part: str, lex: Lexicon) -> bool:
    if any(k in lex.concept_words for k in word_keys(part) if len(k) >= MIN_TAIL):
        return True
    return any(part[:k] in lex.concept_prefixes for k in range(MIN_TAIL, len(part) + 1))


def _split(word: str, lex: Lexicon, depth: int) -> list[str] | None:
    if depth > 4:
        return None
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:i]
        if head not in lex.vocabulary:
            continue
        rest = word[i:]
        tails = [rest]
        if rest[0] in LINKING and len(rest) > MIN_PART:
            tails.append(rest[1:])
        for tail in tails:
            if len(tail) >= MIN_PART and lex.is_word(tail):
                return [head, tail]
            deeper = _split(tail, lex, depth + 1)
            if deeper:
                return [head, *deeper]
    return None


@lru_cache(maxsize=200_000)
def _cached_parts(word: str) -> tuple[str, ...]:
    if len(word) < 2 * MIN_PART + 1:
        return (word,)
    return tuple(split_compound(word))


# --- features ------------------------------------------------------------------------

Vector = dict[str, float]
# One shared empty mapping for the many statements without a headed compound tail.
_NO_HEADS: Final[Mapping[str, frozenset[str]]] = MappingProxyType({})


@dataclass(frozen=True)
class Analysis:
    """What the grouping needs to know about one statement."""

    vector: Mapping[str, float]
    concepts: frozenset[str]
    content: tuple[str, ...]  # stems of content words not explained by concepts
    words: tuple[str, ...]  # original content words, for labels
    # Concept features (``c:...``) the analysis counted down as saying where or when
    # rather than what: a setting ("i kølerummet" beside words about something else),
    # a lone short cue, a hint from part of a word that named another concept; with
    # the broader concepts only they imply; and the word, n-gram and pivot features of
    # words of people and roles (who wants, not what). Corroboration does not count
    # them as shared matters (``ThemeIndex._corroborates``).
    incidental: frozenset[str] = frozenset()
    # Pivot features named only as the tail of compounds, with the pivots of their
    # heads: "kaffe|maskinen" is a machine, but not the machine of "kopi|maskinen".
    headed: Mapping[str, frozenset[str]] = field(default_factory=lambda: _NO_HEADS)


def content_words(text: str, language: str) -> list[str]:
    stops = STOP_WORDS.get(language, frozenset()) | STOP_WORDS["en"]
    return [w for w in words(text) if w.lower() not in stops and not w.isdigit() and len(w) > 1]


def _grams(s: str) -> list[str]:
    padded = f"^{s}$"
    return [padded[i : i + 4] for i in range(len(padded) - 3)]


def analyse(
    text: str,
    language: str,
    *,
    lexicon: Lexicon | None = None,
    taught: Mapping[str, tuple[str, ...]] | None = None,
) -> Analysis:
    lex = lexicon or default_lexicon()
    found_words = list(WORD_RE.finditer(text))
    tokens = [normalise(m.group(0)) for m in found_words]
    # Tokens inside what a negated want is about ("vi vil ikke lenger ha papir"): their
    # concepts and words are marked, so the statement meets its like and not the want.
    spans = negated_spans(text)
    negated = {i for i, m in enumerate(found_words) if any(a <= m.start() < b for a, b in spans)}
    concepts: set[str] = set()
    used: set[int] = set()
    # Per concept: the length of its one-word cue, or 0 once it has a stronger one.
    cues: dict[str, int] = {}
    # Per concept: True while every match of it sat in a place or time phrase.
    settings: dict[str, bool] = {}
    # Per concept: its one-word cue, or "" once it has another.
    context_cues: dict[str, str] = {}
    for concept, start, end in lex.match(tokens):
        used.update(range(start, end))
        if start in negated:
            concept = NOT + concept
        if not _negated(tokens, start):
            concepts.add(concept)
            _cue(cues, concept, tokens, start, end)
            settings[concept] = settings.get(concept, True) and _in_setting(tokens, start)
            _one_word(context_cues, concept, tokens, start, end)
    # Compounds are matched again as their parts, so "leverans|tid" meets the phrase
    # "leverans tid" and "reservdel|s|lager" yields stock besides spare parts (which
    # the prefix "reservdel*" found on the whole word).
    units: list[str] = []
    origin: list[int] = []
    for i, tok in enumerate(tokens):
        parts = _cached_parts(tok)
        units.extend(parts)
        origin.extend([i] * len(parts))
    part_used: set[int] = set()
    # A part of a word that already named a concept only hints ("månads|avgift" is a
    # subscription, and only faintly about fees).
    secondary: set[str] = set()
    if len(units) != len(tokens):
        for concept, start, end in lex.match(units):
            part_used.update(range(start, end))
            if _negated(tokens, origin[start]):
                continue
            if origin[start] in negated:
                concept = NOT + concept
            if {origin[j] for j in range(start, end)} <= used:
                if concept not in concepts:
                    secondary.add(concept)
            else:
                concepts.add(concept)
                _cue(cues, concept, units, start, end)
                settings[concept] = settings.get(concept, True) and _in_setting(
                    tokens, origin[start]
                )
                _one_word(context_cues, concept, units, start, end)
        secondary -= concepts
    stops = STOP_WORDS.get(language, frozenset()) | STOP_WORDS["en"]
    vector: Vector = {}
    content: list[str] = []
    pivots: list[tuple[str, float]] = []
    shown: list[str] = []
    # Words the vocabulary files only under people and roles ("kundene", "parents"):
    # who wants, not what is wanted. Their word, n-gram and pivot features go to
    # ``Analysis.incidental``, so that statements sharing nothing else (three that open
    # "Kundene vil ...") do not corroborate each other; grouping does not change.
    people: set[str] = set()
    other = 0.0  # how much the words left over say, by their pivots' weights
    # Pivots named only as the tail of a compound whose head has pivots of its own
    # ("kaffe|maskinen": machine, headed by coffee), and pivots named by a whole word.
    tails: dict[str, set[str]] = {}
    whole: set[str] = set()
    if lex.phrases:
        # "office chairs", "lost property": what a Nordic compound names in one word.
        for start, _end, pivot in _phrase_pivots(lex, tokens, language, used):
            marked = NOT + pivot if start in negated else pivot
            pivots.append((marked, W_PIVOT))
            whole.add("p:" + marked)
            other += W_PIVOT * lex.pivot_weight.get(pivot, W_DICT_PIVOT)
    for j, unit in enumerate(units):
        i = origin[j]
        if i in used or j in part_used or unit in stops or unit.isdigit() or len(unit) < 2:
            continue
        s = fold(stem(unit, language))
        if taught and s in taught:
            concepts.update(taught[s])
            continue
        found = lex.pivot_weights(unit, language)
        if i in negated:
            s = NOT + s
            found = tuple((NOT + p, w) for p, w in found)
        content.append(s)
        pivots.extend(found)
        if found and all(plain(p) in PEOPLE for p, _ in found):
            people.add("w:" + s)
            people.update("p:" + p for p, _ in found)
            if len(plain(s)) >= 4:
                mark = NOT if s.startswith(NOT) else ""
                people.update("g:" + mark + g for g in _grams(plain(s)))
        if found and lex.is_compound(unit, language):
            heads = frozenset("p:" + p for p, w in found if w <= W_PIVOT * W_PIVOT_HEAD)
            if heads:
                for p, w in found:
                    if w > W_PIVOT * W_PIVOT_HEAD:
                        tails.setdefault("p:" + p, set()).update(heads)
        else:
            whole.update("p:" + p for p, _ in found)
        other += max(
            (w * lex.pivot_weight.get(plain(p), W_DICT_PIVOT) for p, w in found), default=0.0
        )
        if not shown or shown[-1] != tokens[i]:
            shown.append(tokens[i])
    weak = (
        {c for c, n in cues.items() if 0 < n <= SHORT_CUE} if other >= MIN_OTHER_EVIDENCE else set()
    )
    setting = {c for c, s in settings.items() if s} if other >= MIN_OTHER_EVIDENCE else set()
    if other >= MIN_CONTEXT_OTHER:
        setting |= {
            c for c, word in context_cues.items() if word and _contextual(lex, word, language)
        }
    specific = 0.0
    for cid in concepts | secondary:
        w = lex.weight(cid) * (W_SECONDARY if cid in secondary else 1.0)
        if cid in weak:
            w *= W_SINGLE_CUE
        if cid in setting:
            w *= W_SETTING
        specific = max(specific, w)
        _put(vector, "c:" + cid, w)
        for b in lex.broader(cid):
            _put(vector, "c:" + b, W_BROADER * w)
    wordvec: Vector = {}
    for s in content:
        _put(wordvec, "w:" + s, W_WORD)
        mark = NOT if s.startswith(NOT) else ""
        if len(plain(s)) >= 4:
            for g in _grams(plain(s)):
                _put(wordvec, "g:" + mark + g, W_GRAM)
    pivotvec: Vector = {}
    for p, w in pivots:
        w *= lex.pivot_weight.get(plain(p), W_DICT_PIVOT)
        _put(pivotvec, "p:" + p, w)
        mark = NOT if p.startswith(NOT) else ""
        group = lex.groups.get(plain(p))
        if group is not None:
            _put(pivotvec, "h:" + mark + group, W_GROUP * w)
        for part in lex.phrase_words(plain(p)):
            _put(pivotvec, "p:" + mark + part, W_PIVOT_WORD * w)
    vector = _mix(
        vector,
        W_CONCEPT_BLOCK * min(1.0, specific),
        wordvec,
        W_WORD_BLOCK,
        pivotvec,
        W_PIVOT_BLOCK,
    )
    return Analysis(
        # One string object per feature for the whole index: theme sums and postings
        # hold it once, and looking a statement's feature up in them compares by
        # identity, not by characters (the grouping's dot products are most of its
        # time). Equal strings, so nothing computed changes.
        vector={intern(f): x for f, x in vector.items()},
        concepts=frozenset(concepts | secondary),
        content=tuple(content),
        words=tuple(shown),
        incidental=_incidental_features(lex, weak | secondary | setting, concepts | secondary)
        | people,
        headed={p: frozenset(h) for p, h in tails.items() if p not in whole} or _NO_HEADS,
    )


def _incidental_features(lex: Lexicon, incidental: set[str], found: set[str]) -> frozenset[str]:
    """``c:`` features of incidental concepts and of the broader concepts only they
    imply (a broader concept another, meant concept implies stays)."""
    if not incidental:
        return frozenset()
    meant = found - incidental
    kept = meant | {b for c in meant for b in lex.broader(c)}
    out = {c for c in incidental if c not in kept}
    out |= {b for c in incidental for b in lex.broader(c) if b not in kept}
    return frozenset("c:" + c for c in out)


def _cue(cues: dict[str, int], concept: str, units: list[str], start: int, end: int) -> None:
    """Record a match: the word's length if one word alone, else 0 (a strong cue)."""
    n = len(units[start]) if end - start == 1 else 0
    have = cues.get(concept)
    cues[concept] = n if have is None else 0


def _one_word(found: dict[str, str], concept: str, units: list[str], start: int, end: int) -> None:
    word = units[start] if end - start == 1 else ""
    found[concept] = word if concept not in found else ""


def _contextual(lex: Lexicon, word: str, language: str) -> bool:
    """Whether the hand-written vocabulary files ``word`` under time, places, people
    or properties (its first pivot's field weight is at most ``CONTEXT_FIELD``)."""
    found = lex.pivot_all(word, language)
    return bool(found) and lex.pivot_weight.get(found[0], 1.0) <= CONTEXT_FIELD


def _in_setting(tokens: list[str], start: int) -> bool:
    """Whether the word at ``start`` follows a place or time preposition, with at most
    two determiners between ("i lageret", "in the cold store", "på hela lagret")."""
    k = start - 1
    while k >= 0 and start - k <= 3:
        if tokens[k] in LOCATIVE:
            return True
        if tokens[k] not in DETERMINERS:
            return False
        k -= 1
    return False


def _negated(tokens: list[str], start: int) -> bool:
    """A privative word one or two words before, not opening the statement."""
    return any(0 < k < start and tokens[k] in PRIVATIVE for k in (start - 1, start - 2))


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _mix(concepts: Vector, a: float, words: Vector, b: float, pivots: Vector, c: float) -> Vector:
    """``a`` parts concept block, ``b`` parts word block and ``c`` parts pivot block.

    Each block is a unit vector first; a statement with only words (no concept) keeps
    the same word-to-pivot balance.
    """
    blocks = [(v, w) for v, w in ((concepts, a), (words, b), (pivots, c)) if v]
    if len(blocks) == 1:
        return _unit(blocks[0][0])
    mixed: Vector = {}
    for block, weight in blocks:
        mixed.update((k, weight * v) for k, v in _unit(block).items())
    return _unit(mixed)


def _put(vector: Vector, key: str, weight: float) -> None:
    if weight > vector.get(key, 0.0):
        vector[key] = weight
