"""Bare answers and the seller's own summaries.

A customer who answers "Nei, ikke ennå." or "Yes, we do." has said something only
together with the question they answered: alone the sentence is no statement (it used
to be proposed as an objection or a buying motive). With the seller's question it is
one, shown and kept together ("Har dere e-faktura i dag? Nei, ikke ennå.").

Notes are written by the seller. A note in the customer's voice ("Vi vill ha …",
a quote) passes on what the customer said; one that is not ("Wants pay-per-hour.",
"Kunden vill ha e-faktura") is the seller's summary of the customer and is marked so.
"""

from __future__ import annotations

import re
from typing import Final

from fasit.engine.signals.lexicon import STOP_WORDS

_WORD: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
YES: Final[frozenset[str]] = frozenset(
    [
        "ja",
        "jo",
        "yes",
        "yeah",
        "yep",
        "sure",
        "absolut",
        "absolutely",
        "definitely",
        "certainly",
        "visst",
        "gärna",
        "gerne",
        "gjerne",
        "precis",
        "exactly",
        "correct",
        "stämmer",
        "stemmer",
        "right",
        "självklart",
        "selvfølgelig",
        "selvsagt",
        "indeed",
    ]
)
NO: Final[frozenset[str]] = frozenset(
    ["nej", "nei", "no", "nope", "nah", "inte", "ikke", "not", "never", "aldrig", "aldri"]
)
# Words that may follow "ja"/"nei" in a bare answer without saying anything new.
_FILLER: Final[frozenset[str]] = frozenset(
    [
        "det",
        "vi",
        "har",
        "gör",
        "gjør",
        "gør",
        "do",
        "does",
        "did",
        "we",
        "it",
        "that",
        "is",
        "are",
        "was",
        "är",
        "er",
        "var",
        "än",
        "ennå",
        "endnu",
        "enda",
        "yet",
        "still",
        "fortfarande",
        "fortsatt",
        "stadig",
        "just",
        "nu",
        "nå",
        "now",
        "really",
        "faktiskt",
        "faktisk",
        "actually",
        "tyvärr",
        "dessverre",
        "desværre",
        "unfortunately",
        "of",
        "course",
        "så",
        "so",
        "well",
        "tja",
        "nja",
        "kanske",
        "kanskje",
        "måske",
        "maybe",
        "probably",
        "nog",
        "nok",
        "också",
        "også",
        "too",
        "also",
    ]
)
MAX_ANSWER_WORDS: Final[int] = 6
# Pronouns and marks of the customer's own voice in a note.
_OWN_VOICE: Final[frozenset[str]] = frozenset(
    [
        "vi",
        "vår",
        "våra",
        "vårt",
        "våre",
        "vores",
        "oss",
        "os",
        "we",
        "our",
        "ours",
        "us",
        "jag",
        "jeg",
        "mig",
        "meg",
        "me",
        "min",
        "mitt",
        "mine",
        "mina",
        "my",
        "i'm",
        "we're",
        "we've",
        "we'd",
    ]
)
_QUOTES: Final[re.Pattern[str]] = re.compile(r"[\"“”«»]")


def answer_polarity(sentence: str) -> str | None:
    """ "yes" or "no" when ``sentence`` is a bare answer, else None."""
    found = [w.lower() for w in _WORD.findall(sentence)]
    if not found or len(found) > MAX_ANSWER_WORDS or found[0] not in YES | NO:
        return None
    stops = frozenset().union(*STOP_WORDS.values())
    if any(w not in YES | NO | _FILLER | stops for w in found):
        return None
    return "no" if any(w in NO for w in found) else "yes"


def in_own_voice(sentence: str) -> bool:
    """Whether a note sentence passes on the customer's own words (first person or a
    quote) rather than the seller's summary of them."""
    if _QUOTES.search(sentence):
        return True
    return any(w.lower() in _OWN_VOICE or w == "I" for w in _WORD.findall(sentence))
