"""Negated wants: "vi vil ikke lenger ha …", "we no longer need …", "inte längre".

A customer who no longer wants something says the opposite of one who wants it, with
almost the same words. Grouping must keep the two apart and proposals must call the
first an objection, so both ask this module where a want or need is negated and what
it is about: the rest of the clause after the negated verb.

Only a negation that governs a verb of wanting or needing counts ("vi vill inte …",
"har ikke længere brug for …", "don't want …", "no longer need …"); "ikke bare
telefonstøtte" or "inte alltid" says nothing about wanting and is left alone.
"""

from __future__ import annotations

import re
from typing import Final

_NOT: Final = r"(?:inte|ikke|ej|not)"
_ANY_MORE: Final = r"(?:\s+(?:längre|lenger|lengre|længere|mer|mere|more|any\s*more|anymore))?"
_WANT_NORDIC: Final = (
    r"(?:vill|vil|ønsker|önskar|behöver|behøver|trenger|trænger|ska|skal|måste|kräver|"
    r"krever|kræver)"
)
_WANT_EN: Final = r"(?:want|wants|need|needs|require|requires|wish)"

NEGATED_WANT: Final[re.Pattern[str]] = re.compile(
    "|".join(
        (
            # "vi vil ikke lenger ha", "vill vi inte längre", "ønsker ikke længere"
            rf"\b{_WANT_NORDIC}\s+(?:vi\s+|de\s+|dom\s+)?{_NOT}{_ANY_MORE}\b",
            # "har inte längre behov av", "har ikke lenger bruk for", "har ikke brug for"
            rf"\bhar\s+(?:vi\s+|de\s+)?{_NOT}{_ANY_MORE}\s+(?:behov|brug|bruk|användning)\b",
            # "inte längre vill", "ikke lenger trenger"
            rf"\b{_NOT}\s+(?:längre|lenger|længere)\s+{_WANT_NORDIC}\b",
            # "don't want", "do not need", "no longer need", "never wanted", "won't need"
            rf"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|no\s+longer|never|won'?t|will\s+not)"
            rf"\s+{_WANT_EN}\b",
            # "have no need for", "no longer have any use for"
            r"\bhave\s+(?:no|any)\s+(?:need|use)\b",
        )
    ),
    re.IGNORECASE,
)
# Where the scope of a negation ends: the clause.
_CLAUSE_END: Final[re.Pattern[str]] = re.compile(
    r"[,;:.!?]|\s(?:men|but|utan|uten|uden|fordi|because)\s"
)


# Features of what a negated want is about carry this mark ("c:¬invoice.paper",
# "p:¬paper"), so "no longer want paper invoices" meets its like and not the want.
NOT: Final[str] = "¬"
NOT_NAMES: Final[dict[str, str]] = {
    "sv": "Inte önskat: ",
    "nb": "Ikke ønsket: ",
    "da": "Ikke ønsket: ",
    "en": "Not wanted: ",
}


def plain(feature: str) -> str:
    """A concept or pivot without the negation mark."""
    return feature[1:] if feature.startswith(NOT) else feature


# After a modal ("vil ikke", "won't") or an infinitive marker, only a verb of having
# makes a non-want of a thing: "vi vil ikke lenger ha papirfakturaer". "Vi vil ikke
# sidde med paller" (be stuck with) or "we don't want to own it" want the opposite
# of a burden, which belongs with the want of its remedy, so they are left alone.
_MODAL: Final[re.Pattern[str]] = re.compile(
    r"^(?:vill|vil|ska|skal|måste|won'?t|will)\b", re.IGNORECASE
)
_HAVE: Final[frozenset[str]] = frozenset(
    [
        "ha",
        "have",
        "få",
        "get",
        "receive",
        "buy",
        "köpa",
        "kjøpe",
        "købe",
        "motta",
        "modtage",
        "modta",
    ]
)
_INFINITIVE: Final[frozenset[str]] = frozenset(["at", "att", "å", "to"])
_WORD: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+")


def _about_a_thing(verb: str, text: str, end: int) -> tuple[bool, int]:
    """Whether what follows the negated verb is a thing had or wanted, and where that
    starts (after a verb of having)."""
    following = list(_WORD.finditer(text, end, end + 40))[:2]
    first = following[0].group(0).lower() if following else ""
    if first in _HAVE:
        return True, following[0].end()
    if first in _INFINITIVE:
        second = following[1].group(0).lower() if len(following) > 1 else ""
        return second in _HAVE, following[-1].end()
    return not _MODAL.match(verb), end


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of what a negated want is about: from the end of the negated
    verb (and its verb of having) to the end of its clause; and a seller's question
    kept with the customer's bare "no" ("Bruker dere e-faktura? Nei, ikke ennå.")."""
    from fasit.engine.signals.answers import answer_polarity

    spans: list[tuple[int, int]] = []
    mark = text.rfind("?")
    if mark > 0 and answer_polarity(text[mark + 1 :]) == "no":
        spans.append((0, mark))
    for match in NEGATED_WANT.finditer(text):
        thing, start = _about_a_thing(match.group(0), text, match.end())
        if not thing:
            continue
        end = _CLAUSE_END.search(text, start)
        spans.append((start, end.start() if end else len(text)))
    return spans


def negated_want(text: str) -> bool:
    """Whether ``text`` says the customer does not (or no longer) want or need a thing."""
    return bool(negated_spans(text))
