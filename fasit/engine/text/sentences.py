"""Splitting speech and notes into sentences, in Swedish, Norwegian, Danish and English.

"?" and "!" always end a sentence. "." and an ellipsis end one only when the next word
starts with a capital letter or a digit: speech transcripts trail off ("vi har… hur ska
jag säga… tre system") and use abbreviations ("t.ex.", "bl.a.") far more often than
they start sentences in lower case. Nor does "." end one

- after an abbreviation that leads into what follows ("kl. 10", "ca. 40", "t.ex. SAP",
  "f.eks. Visma", "e.g. Salesforce", "pr. driftstime", "inkl. moms");
- after an ordinal before a month or a lower-case word ("1. januar", "den 3. maj");
- after an initial ("Lars E. Johansson"; not "I", a word in English and Danish).

Notes are written fast and often in lower case ("vi vill ha X. behöver Y."), so with
``lower_starts=True`` a "." also ends a sentence before a lower-case word, except after
an abbreviation of any kind (also those that close a list: "osv. och", "etc. and") or
an ordinal. "Vi skal have en betaling pr. driftstime" stays one sentence either way.
"""

from __future__ import annotations

import re
from typing import Final

_BOUNDARY_RE: Final = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+|$)")

# Abbreviations that are followed by what they introduce, never by a new sentence.
LEADING: Final[frozenset[str]] = frozenset(
    " ".join(
        (
            # titles and references
            "dr mr mrs ms prof st nr nro jfr jf vs cf kap avd afd pkt tlf tel tlf.nr",
            # about, per, including, excluding, respectively, regarding, on behalf of
            "ca cirka approx pr resp inkl incl exkl ekskl excl ang vedr vedk iht ift ifm",
            "iflg ifølge mht m.h.t vha v.h.a p.g.a pga pgr p.gr fvt ev evt eventuelt",
            # for example, that is, among other things, so-called, from/until
            "t.ex bl.a f.eks f.ex fx f.x e.g i.e d.v.s dvs m.a.o s.k fr.o.m t.o.m",
            "kl ksp",
        )
    ).split()
)
# Abbreviations that often close a list or an amount: they end a sentence before a
# capital ("…skruer osv. Vi behöver…"), not before a lower-case word ("osv. och").
CLOSING: Final[frozenset[str]] = frozenset(
    [
        "osv",
        "o.s.v",
        "m.m",
        "mm",
        "m.fl",
        "mfl",
        "o.l",
        "ol",
        "o.lign",
        "e.l",
        "el.lign",
        "etc",
        "m.v",
        "mv",
        "kr",
        "sek",
        "nok",
        "dkk",
        "stk",
        "ggr",
        "gg",
        "min",
        "tim",
    ]
)
MONTHS: Final[frozenset[str]] = frozenset(
    [
        "januari",
        "januar",
        "january",
        "jan",
        "februari",
        "februar",
        "february",
        "feb",
        "mars",
        "marts",
        "march",
        "mar",
        "april",
        "apr",
        "maj",
        "mai",
        "may",
        "juni",
        "june",
        "jun",
        "juli",
        "july",
        "jul",
        "augusti",
        "august",
        "aug",
        "september",
        "sep",
        "sept",
        "oktober",
        "october",
        "okt",
        "oct",
        "november",
        "nov",
        "december",
        "desember",
        "dec",
        "des",
    ]
)
_QUOTES: Final = "\"'“«("


def _previous_word(text: str, start: int, end: int) -> str:
    previous = text[start:end].rsplit(None, 1)
    return previous[-1].strip("(\"'«“").casefold() if previous else ""


def _continues(punct: str, word: str, raw: str, after: str, lower_starts: bool) -> bool:
    """Whether the text goes on in the same sentence after ``word`` + ``punct``."""
    if "?" in punct or "!" in punct:
        return False
    if not after:
        return False
    upper = after[0].isupper() or after[0].isdigit() or after[0] in _QUOTES
    if punct != ".":
        return not upper  # an ellipsis before lower case trails off
    if word in LEADING:
        return True
    if len(raw) == 1 and raw.isupper() and raw != "I":
        return True  # an initial
    next_word = re.match(r"[^\W_]+", after)
    following = next_word.group(0).casefold() if next_word else ""
    if word.isdigit() and len(word) <= 2 and (following in MONTHS or not upper):
        return True  # an ordinal: "1. januar", "den 3. maj"
    if upper:
        return False
    if not lower_starts:
        return True
    # Notes in lower case: a list-closing or dotted abbreviation goes on ("osv. och"),
    # anything else ends the sentence.
    return word in CLOSING or "." in word


def sentence_spans(text: str, *, lower_starts: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        punct = match.group(1)
        after = text[match.end() : match.end() + 12]
        raw_prev = text[start : match.start()].rsplit(None, 1)
        raw = raw_prev[-1].strip("(\"'«“") if raw_prev else ""
        word = _previous_word(text, start, match.start())
        if _continues(punct, word, raw, after, lower_starts):
            continue
        _add(text, start, match.end(2), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str, *, lower_starts: bool = False) -> list[str]:
    """Split ``text`` into sentences, keeping every character except the spaces
    between sentences, so word counts of the parts add up to the whole."""
    return [text[a:b] for a, b in sentence_spans(text, lower_starts=lower_starts)]
