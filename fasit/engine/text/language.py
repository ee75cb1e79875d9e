"""Language of a text: Swedish, Norwegian Bokmål, Danish or English.

py3langid (its model ships inside the package) does the statistical work, restricted
to the four languages Fasit supports. On short texts it is close to guessing, and
Norwegian and Danish share most of their written vocabulary, so a small list of
function words and spellings that only one of the languages uses breaks ties.
"""

from __future__ import annotations

import math
import re
import threading
from typing import Final, Literal, Protocol

Language = Literal["sv", "nb", "da", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("sv", "nb", "da", "en")
DEFAULT_LANGUAGE: Final[Language] = "en"


# Words that, among these four languages, belong to one language only. Words shared
# by two of them (ikke, jeg, hvordan, også ...) carry no vote here; langid weighs them.
def _wordset(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_MARKERS: Final[dict[Language, frozenset[str]]] = {
    "sv": _wordset(
        """
        inte vad jag också några något någon många mycket och är att för hur varför
        vilken vilket vilka när ni era ert tack väl kanske här där gör göra säga
        säger berätta förstår låter alltså jättebra sedan själv eftersom än från till
        vara måste alla våra vårt bara kunna redan inga inget varje samma sådant sånt
        hade varit blivit tycker behöver använder idag mellan utan ju okej
        """
    ),
    "nb": _wordset(
        """
        hva etter noen noe meg deg seg dere nå mye veldig litt kanskje sier gjør gjøre
        blitt sånn slik takk nei å mellom enn spørsmål fortell fortelle hadde ikkje
        kjempe bruke bruker vite kjøpe kundene hei hjelpe
        """
    ),
    "da": _wordset(
        """
        hvad nogle noget nogen jer jeres vores havde siger sige gør gøre meget lidt
        måske af mellem spørgsmål fortæl fortælle bliver blevet tak rigtig lige
        hvornår vide tage bruge bruger købe kunderne hjælpe øh
        """
    ),
    "en": _wordset(
        """
        the and is are you what how why which who when where that this we our with
        of do does can tell me about so but your have has be not it was were would
        could should there they their them if just really yes no okay right think
        know need use using walk through describe explain understand
        """
    ),
}

# Spellings typical of one written standard: Norwegian kj/gj/skj and -sjon where
# Danish writes k/g/sk and -tion; Danish -erne plurals and -hed nouns; Norwegian øy,
# Danish øj; æ/ø are Nordic but never Swedish, ä/ö never Norwegian or Danish.
_SPELLINGS: Final[tuple[tuple[Language, re.Pattern[str]], ...]] = (
    ("nb", re.compile(r"\b(?:kj|gj|skj)\w+|\w+sjon(?:er|en|ene)?\b|øy")),
    ("da", re.compile(r"\w+erne\b|\w{3,}hed(?:en|er)?\b|øj|\w+tion(?:en|er)?\b")),
    ("sv", re.compile(r"[äö]")),
)
_NORDIC_ONLY: Final[re.Pattern[str]] = re.compile(r"[æø]")

_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W_]+")
# Markers vote with this weight in nats, i.e. each one shifts the odds about 3:1.
_MARKER_WEIGHT: Final[float] = 1.1


class _Identifier(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


_identifiers: tuple[_Identifier, _Identifier] | None = None
_lock = threading.Lock()
# Labels of py3langid that are languages Fasit analyses ("no" is Bokmål, "nn" Nynorsk).
_SUPPORTED_LABELS: Final[frozenset[str]] = frozenset(("sv", "no", "nn", "da", "en"))
# Below this many words a language outside the four is not asserted: short texts are
# where langid guesses.
_OTHER_LANGUAGE_MIN_WORDS: Final[int] = 20
# Share of words (and spellings) that are markers of the four languages above which a
# text is taken for one of them without asking the model (Spanish text scores 0.04–0.09,
# Danish and Norwegian 0.1–0.2, Swedish and English mostly more; below it the model decides).
_OURS_MARKER_SHARE: Final[float] = 0.2


def _get_identifiers() -> tuple[_Identifier, _Identifier]:
    """Both identifiers (the four languages, all languages), made once per process
    from one model (see ``langid_model``)."""
    global _identifiers
    if _identifiers is None:
        with _lock:
            if _identifiers is None:
                from fasit.engine.text.langid_model import identifiers

                _identifiers = identifiers(["sv", "no", "da", "en"])
    return _identifiers


def _get_identifier() -> _Identifier:
    return _get_identifiers()[0]


def other_language(text: str) -> str | None:
    """The language of ``text`` when it is clearly none of sv/nb/da/en (py3langid's
    code, e.g. "es"); None when it is one of them or the text is too short to say."""
    words = len(_WORD_RE.findall(text))
    if words < _OTHER_LANGUAGE_MIN_WORDS:
        return None
    # Text in one of the four is full of their function words; asking the model
    # about all its languages is then a second pass over the text for nothing.
    if sum(_marker_counts(text).values()) >= _OURS_MARKER_SHARE * words:
        return None
    ranked = _get_identifiers()[1].rank(text)
    ours = sum(prob for label, prob in ranked if label in _SUPPORTED_LABELS)
    if ours > 0.05 or not ranked or ranked[0][0] in _SUPPORTED_LABELS:
        return None
    return ranked[0][0]


def _marker_counts(text: str) -> dict[Language, int]:
    lowered = text.lower()
    counts: dict[Language, int] = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD_RE.findall(lowered):
        for lang in LANGUAGES:
            if word in _MARKERS[lang]:
                counts[lang] += 1
    for lang, pattern in _SPELLINGS:
        counts[lang] += len(pattern.findall(lowered))
    return counts


def language_scores(text: str) -> dict[Language, float]:
    """Log-score per language (higher is more likely); for inspection and tests."""
    probs: dict[Language, float] = dict.fromkeys(LANGUAGES, 0.0)
    for label, prob in _get_identifier().rank(text):
        probs["nb" if label == "no" else label] = prob  # type: ignore[index]
    counts = _marker_counts(text)
    n_words = max(1, len(_WORD_RE.findall(text)))
    # langid's probabilities are tempered by sqrt(length); damp the marker votes the
    # same way so that neither side swamps the other on long transcripts.
    damping = max(1.0, math.sqrt(n_words) / 2.0)
    scores = {
        lang: math.log(probs[lang] + 1e-6) + _MARKER_WEIGHT * counts[lang] / damping
        for lang in LANGUAGES
    }
    if _NORDIC_ONLY.search(text.lower()):
        scores["sv"] -= 5.0
        scores["en"] -= 5.0
    return scores


def detect_language(text: str) -> Language:
    """Return "sv", "nb", "da" or "en" for ``text``; "en" when there is nothing to go on."""
    if not _WORD_RE.search(text):
        return DEFAULT_LANGUAGE
    scores = language_scores(text)
    return max(LANGUAGES, key=lambda lang: scores[lang])
