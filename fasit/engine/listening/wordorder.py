"""Questions in transcripts without question marks.

Speech recognition without punctuation (older Zoom auto-transcripts, many
speech-to-text engines) writes "how do you handle returns today" or "Har ni ett
gemensamt system." with no "?", so DESIGN's rule (a sentence ending with "?") finds
no question at all. There the word order still tells: in all four languages a
question puts the finite verb before the subject —

- led by an interrogative, then the verb and its subject: "hur hanterar ni",
  "hvorfor valgte dere", "what do you", "how long have you been" (an interrogative
  followed by the subject instead is a clause inside a statement: "hur ni gör det",
  "what we did was");
- or an interrogative that is itself the subject, then the verb: "vem bestämmer",
  "who decides", "what happened";
- verb first (a verb of the lists below), then the subject: "har ni", "kan du",
  "tror dere", "gør I", "do you", "is it", "are there";
- or a tag at the end: "eller hur", "ikke sant", "isn't it".

Questions led by an interrogative are open, the others closed, as DESIGN says. This
only runs when a transcript has no "?" at all, and the report says so: the count is
a reconstruction, not the transcript's own punctuation.
"""

from __future__ import annotations

from typing import Final

from fasit.engine.listening.questions import (
    QuestionKind,
    _is_interrogative,
    _leading_positions,
    _tokens,
    _words,
)

_PUNCTUATION: Final[frozenset[str]] = frozenset(",;:–—")
_SUBJECTS: Final[dict[str, frozenset[str]]] = {
    "sv": _words("du ni vi jag han hon de dom man hen"),
    "nb": _words("du dere vi jeg han hun de man hen"),
    "da": _words("du vi jeg han hun de man"),
    "en": _words("you we they he she i"),
}
# After a verb of the closed lists below, these are subjects too: "finns det", "är
# det", "is it", "are there", "er der", "har era kunder", "do your customers".
_WEAK_SUBJECTS: Final[dict[str, frozenset[str]]] = {
    "sv": _words("det den detta denna era ert er din ditt dina kunden kunderna"),
    "nb": _words("det den dette denne deres din ditt dine kunden kundene"),
    "da": _words("det den dette denne der jeres din dit dine kunden kunderne"),
    "en": _words("it there this that these those your the their our any"),
}
_VERBS: Final[dict[str, frozenset[str]]] = {
    "sv": _words(
        "är var har hade kan kunde ska skall skulle vill ville måste får fick bör borde",
        "brukar finns fanns blir blev gör gjorde tycker tror vet känner behöver använder",
        "jobbar arbetar ser går gick kommer kom tar tog menar säger sa handlar fungerar",
        "stämmer gäller känns låter betyder kostar innebär hjälper räcker passar hinner",
        "hanterar planerar funderar jämför köper säljer letar saknar väntar ringer mejlar",
        "lägger följer mäter hittar förstår hör minns kollar pratar händer hände sker skedde",
    ),
    "nb": _words(
        "er var har hadde kan kunne skal skulle vil ville må måtte får fikk bør burde",
        "pleier finnes fins ble blir gjør gjorde synes tror vet kjenner trenger bruker",
        "jobber arbeider ser går gikk kommer kom tar tok mener sier sa handler fungerer",
        "stemmer gjelder føles høres betyr koster innebærer hjelper holder passer rekker",
        "håndterer planlegger vurderer sammenligner kjøper selger leter savner venter",
        "ringer legger følger måler finner forstår hører husker sjekker snakker skjer skjedde",
        "hender",
    ),
    "da": _words(
        "er var har havde kan kunne skal skulle vil ville må måtte får fik bør burde",
        "plejer findes fandtes blev bliver gør gjorde synes tror ved kender mangler",
        "bruger arbejder ser går gik kommer kom tager tog mener siger sagde handler",
        "fungerer passer gælder føles lyder betyder koster indebærer hjælper holder",
        "håndterer planlægger overvejer sammenligner køber sælger leder savner venter",
        "ringer lægger følger måler finder forstår hører husker tjekker snakker taler sker",
        "skete hænder",
    ),
    "en": _words(
        "do does did is are was were am can could will would should shall may might must",
        "have has had don doesn didn isn aren wasn weren can couldn wouldn shouldn won",
        "haven hasn hadn s re",
    ),
}
# Words ending in -r that are not verbs, so the Nordic present-tense suffix rule
# leaves them alone ("för ni", "eller du", "der vi").
_NOT_VERBS: Final[frozenset[str]] = _words(
    "för efter under över eller där här mer per hur när var varför aldrig alltid igen",
    "inför genom utanför innanför bakom mor far bror syster dessutom snarare",
    "for etter over der her når hvor hvorfor aldri alltid igjen foran bak søster enn",
    "igen gennem end før efter nær svar",
    # comparatives and quantities that follow "hur/hvor/how": "hur mycket", "hvor mange"
    "mer mere fler flere större større bättre bedre senare senere tidigare tidligere",
    # -te words that are not past tenses
    "inte siste første neste sidste næste förste",
)
# Interrogatives that are followed by a noun ("vilka kunder", "which system"): the
# word after them is taken for a verb only from the closed lists, since plural nouns
# end in -r too.
_DETERMINER_WH: Final[frozenset[str]] = _words(
    "vilken vilket vilka hvilken hvilket hvilke which what whose"
)
# Interrogatives that can be the subject ("vem bestämmer", "who decides").
_SUBJECT_WH: Final[frozenset[str]] = _words("vem hvem who")
_TAGS: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(tag.split())
    for tag in (
        "eller hur",
        "inte sant",
        "ikke sant",
        "ikkje sant",
        "eller hva",
        "ikke sandt",
        "ikke også",
        "eller hvad",
        "isn t it",
        "don t you think",
        "or not",
        "wasn t it",
        "doesn t it",
        "aren t they",
        "don t they",
        "right or wrong",
    )
)


def infer_question(text: str, language: str) -> QuestionKind:
    """ "open", "closed" or "none" for a sentence that has no question mark, from its
    word order. An exclamation is never a question."""
    if language not in _SUBJECTS or text.rstrip().endswith("!"):
        return "none"
    tokens = _tokens(text)
    if _capital_i(text, language):
        # Danish "I" (you, plural); lower-case "i" is the preposition "in".
        tokens = ["i_pronoun" if t == "i" else t for t in tokens]
    words = [t for t in tokens if t not in _PUNCTUATION]
    if not words:
        return "none"
    for p in _leading_positions(tokens):
        following = [t for t in tokens[p + 1 : p + 9] if t not in _PUNCTUATION][:4]
        if _is_interrogative(tokens, p, language) and _wh_question(tokens[p], following, language):
            return "open"
        if _verb_first(tokens[p], following, language):
            return "closed"
    if any(tuple(words[-len(tag) :]) == tag for tag in _TAGS):
        return "closed"
    return "none"


def _capital_i(text: str, language: str) -> bool:
    return language == "da" and " I " in f" {text} "


def _subject(token: str, language: str, after_listed_verb: bool) -> bool:
    if token == "i_pronoun":
        return True
    return token in _SUBJECTS[language] or (after_listed_verb and token in _WEAK_SUBJECTS[language])


def _verb(token: str, language: str, *, listed_only: bool = False) -> bool:
    if token in _VERBS[language]:
        return True
    if listed_only or language == "en" or token in _NOT_VERBS or len(token) < 4:
        return False
    # Nordic present tense ends in -r ("hanterar", "bruker", "arbejder"), the past
    # often in -de/-te ("valgte", "använde"); -et is left out, as it ends neuter
    # nouns ("systemet").
    return token.endswith("r") or token.endswith(("ade", "dde", "te"))


def _verb_first(token: str, following: list[str], language: str) -> bool:
    # Only verbs of the lists: a plural noun ends in -r too, and "kunder vi har"
    # ("customers we have") is a phrase, not a question.
    if not following or token not in _VERBS[language]:
        return False
    return _subject(following[0], language, True)


def _wh_question(wh: str, following: list[str], language: str) -> bool:
    """After the interrogative at ``p``: the verb and then its subject, straight away
    ("hur hanterar ni", "what do you") or after a short interrogative phrase ("hur
    länge har ni", "which system are you"); or, when the interrogative is itself the
    subject, the verb ("who decides")."""
    if not following or _subject(following[0], language, False):
        return False
    first = following[0]
    listed = wh in _DETERMINER_WH
    if wh in _SUBJECT_WH and _verb(first, language):
        return True
    if (
        len(following) > 1
        and _verb(first, language, listed_only=listed)
        and _subject(following[1], language, True)
    ):
        return True
    for j in range(1, len(following) - 1):
        token = following[j]
        if _subject(token, language, False) or token in ("som", "that", "at", "att"):
            return False
        if _verb(token, language, listed_only=True) and _subject(following[j + 1], language, True):
            return True
    if language == "en":
        return first in _VERBS["en"] or (
            wh in ("who", "what") and first.endswith(("ed", "es", "s")) and not first.endswith("ss")
        )
    return _verb(first, language, listed_only=True)
