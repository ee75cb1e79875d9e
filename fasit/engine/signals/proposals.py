"""Proposing candidate statements from notes or a customer's turn.

A sentence is proposed when a customer says what or how they want to buy, a need or
problem, a buying motive or an objection. Triggers are written per language (sv, nb,
da, en) and all of them are tried on every sentence, since notes mix languages and
short sentences are easily misdetected. Small talk, seller lines and past facts have
no trigger, and a few patterns veto sentences that only look like triggers (a seller
promising something, a pitch).

Weak triggers ("kan vi …?", "is it possible …") only count when the sentence names a
buying concept from the lexicon, so "Kan vi ses på tisdag?" is not proposed but "Kan vi
beställa via EDI?" is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from fasit.engine.signals.analysis import analyse
from fasit.engine.signals.model import Kind, Proposal


@dataclass(frozen=True)
class _Rule:
    kind: Kind
    pattern: re.Pattern[str]
    weak: bool = False


def _rules(kind: Kind, patterns: Iterable[str], *, weak: bool = False) -> list[_Rule]:
    return [_Rule(kind, re.compile(p, re.IGNORECASE), weak) for p in patterns]


# Checked in this order: an objection or a motive that also says "vi vill" is still an
# objection or a motive; "how to buy" wins over a plain want when it says how.
_OBJECTION = _rules(
    "objection",
    [
        # sv
        r"\bför dyr",
        r"\binte (övertygad|övertygade|intresserad|intresserade)\b",
        r"\balldeles för\b",
        r"\b(inte|ingen) budget\b",
        r"\boroliga? (för|över)\b",
        r"\bfull av fel\b",
        r"\btvivlar\b",
        r"\binte aktuell",
        r"\bfår inte hända\b",
        r"\bskeptisk",
        r"\bfungerar inte\b",
        r"\bför (långa|höga|krångligt|komplicerat)\b",
        r"\bbilligare (hos|någon annan)",
        r"\binte värt\b",
        r"\bnöjda med (vår|nuvarande)",
        # nb
        r"\bfor dyr",
        r"\bikke (overbevist|interessert)",
        r"\baltfor\b",
        r"\bikke budsjett\b",
        r"\bingen budsjett\b",
        r"\bbekymret\b",
        r"\bfull av feil\b",
        r"\btviler\b",
        r"\buaktuel",
        r"\bkan ikke skje igjen\b",
        r"\bfor (lange|høye|høy)\b",
        r"\bikke verdt\b",
        r"\bfornøyd med (dagens|nåværende)",
        # da
        r"\bikke (overbevist|interesseret)",
        r"\balt for\b",
        r"\bikke budget\b",
        r"\bingen budget\b",
        r"\bbekymrede?\b",
        r"\bfuld af fejl\b",
        r"\btvivler\b",
        r"\bikke aktuel",
        r"\bmå ikke ske igen\b",
        r"\bfor (høje|høj)\b",
        r"\bikke (pengene|prisen) værd\b",
        r"\btilfredse med (vores|den nuværende)",
        # en
        r"\btoo (expensive|pricey|long|slow|complicated|cumbersome|high)\b",
        r"\bnot (convinced|interested|worth)\b",
        r"\bfar too\b",
        r"\b(don'?t|do not) have (the |a )?budget\b",
        r"\bno budget\b",
        r"\bworried\b",
        r"\bconcerned\b",
        r"\bfull of (defects|errors|faults)\b",
        r"\bdoubt\b",
        r"\bout of the question\b",
        r"\bcan'?t happen again\b",
        r"\bskeptical\b",
        r"\bsceptical\b",
        r"\bhappy with (our|the) current\b",
        # comparisons with competitors and bad experiences, in all four languages
        r"\b(högre|dyrare) än\b",
        r"\b(høyere|dyrere) enn\b",
        r"\b(højere|dyrere) end\b",
        r"\b(higher|more expensive) than\b",
        r"\babove (your|the) competitor",
        r"\bdåliga erfarenheter\b",
        r"\bdårlige erfaring",
        r"\bbad experiences?\b",
        r"\binte nöjda\b",
        r"\bikke (fornøyd|fornøyde|tilfreds|tilfredse)\b",
        r"\bnot happy\b",
        r"\bdisappointed\b",
        r"\bbesvikna?\b",
        r"\bskuffet\b",
    ],
)
_MOTIVE = _rules(
    "motive",
    [
        # sv
        r"\bdet viktigaste för oss\b",
        r"\bför oss handlar det om\b",
        r"\bmålet är\b",
        r"\bvårt mål\b",
        r"\bmäter oss på\b",
        r"\bkunder kräver\b",
        r"\bför att slippa\b",
        r"\bdet som avgör\b",
        r"\bvi vill (minska|sänka|halvera|spara)\b",
        r"\bvi ska (minska|halvera|sänka|nå)\b",
        r"\bvi gör (det|det här|detta) för att\b",
        r"\beftersom vi (vill|måste|ska)\b",
        # nb
        r"\bdet viktigste for oss\b",
        r"\bfor oss handler det om\b",
        r"\bmålet (vårt )?er\b",
        r"\bmåler oss på\b",
        r"\bkundene (våre )?krever\b",
        r"\bvi skal (kutte|redusere|halvere|nå)\b",
        r"\bdet som avgjør\b",
        r"\bvi gjør (dette|det) fordi\b",
        r"\bvi vil (redusere|kutte|spare)\b",
        # da
        r"\bdet vigtigste for os\b",
        r"\bfor os handler det om\b",
        r"\bmål er\b",
        r"\bmåler os på\b",
        r"\bkunder kræver\b",
        r"\bvi skal (skære|reducere|halvere|nå)\b",
        r"\bdet afgørende\b",
        r"\bvi gør det,? fordi\b",
        r"\bvi vil (reducere|skære|spare)\b",
        # en
        r"\bthe most important thing\b",
        r"\bfor us it'?s (all )?about\b",
        r"\bour goal\b",
        r"\bwe aim to\b",
        r"\bmeasures? us on\b",
        r"\bcustomers (require|demand)\b",
        r"\bwhat decides it\b",
        r"\bwe'?re doing (this|it) because\b",
        r"\bbecause we (don'?t |do not )?(want|need|have to)\b",
        r"\bwe want to (reduce|cut|save|halve)\b",
        # commitments to owners, boards and management
        r"\bvi har lovat\b",
        r"\bvi har lovet\b",
        r"\bwe'?ve promised\b",
        r"\bwe have promised\b",
        r"\b(ägarna|styrelsen|ledningen|eierne|styret|ledelsen|ejerne|bestyrelsen)"
        r" (kräver|vill|krever|vil|kræver)\b",
        r"\b(owners|board|management) (requires?|wants?|demands?)\b",
    ],
)
_HOW = _rules(
    "how_to_buy",
    [
        r"\bvi föredrar\b",
        r"\bhellre\b.*\bän\b",
        r"\bköper helst\b",
        r"\bhelst via\b",
        r"\bforetrekker\b",
        r"\bheller\b.*\benn\b",
        r"\bkjøper helst\b",
        r"\bforetrækker\b",
        r"\bhellere\b.*\bend\b",
        r"\bkøber helst\b",
        r"\bprefer\b",
        r"\brather\b.*\bthan\b",
        r"\b(mostly|usually) buy\b",
    ],
)
_NEED = _rules(
    "need",
    [
        # sv
        r"\bvi behöver\b",
        r"\bbehöver vi\b",
        r"\bbehov av\b",
        r"\bvi måste\b",
        r"\bdet måste\b",
        r"\bvi saknar\b",
        r"\bvi har (ett |stora |ett stort |stort )?problem",
        r"\bstörsta problem",
        r"\bvi kämpar med\b",
        r"\bvi sliter med\b",
        r"\bdet är (svårt|krångligt|ett problem)\b",
        r"\butan\b.*\b(kommer vi inte|klarar vi inte|kan vi inte)\b",
        # nb
        r"\bvi trenger\b",
        r"\btrenger vi\b",
        r"\bvi mangler\b",
        r"\bvi savner\b",
        r"\bvi må (ha|kunne|få)\b",
        r"\bbehov for\b",
        r"\bvi har (et |et stort |store )?problem",
        r"\bdet er (vanskelig|tungvint)\b",
        r"\buten\b.*\b(klarer|kan) vi ikke\b",
        # da
        r"\bhar brug for\b",
        r"\bhar vi brug\b",
        r"\bvi skal (have|kunne|bruge)\b",
        r"\bvi må (have|kunne)\b",
        r"\bvi kæmper med\b",
        r"\bdet er (svært|besværligt)\b",
        r"\buden\b.*\b(klarer|kan) vi ikke\b",
        # en
        r"\bwe need\b",
        r"\bneeds? (training|help|support)\b",
        r"\bwe (really )?have to\b",
        r"\bwe must\b",
        r"\bwe lack\b",
        r"\bwe('re| are) missing\b",
        r"\bwe have (a |an )?(big |real |huge |serious )?problem",
        r"\bwe struggle\b",
        r"\bit'?s (hard|difficult) for us\b",
        r"\bit would (really )?help\b",
        r"\bwithout\b.*\bwe (can'?t|cannot)\b",
        r"\bhar svårt (att|med)\b",
        r"\bhar (vanskelig|problemer) (for|med)\b",
        r"\bhar svært ved\b",
        r"\bfind it (hard|difficult)\b",
    ],
)
_WANT = _rules(
    "want",
    [
        # sv
        r"\bvi (vill|ville|skulle vilja)\b",
        r"\bvill vi\b",
        r"\bvi önskar\b",
        r"\bdet (vore|skulle vara) (bra|bäst|fint|skönt|fantastiskt|toppen|perfekt|värdefullt)",
        r"\bdet bästa vore\b",
        r"\bvi hoppas\b",
        r"^\W*(kan|kunde|skulle) ni\b",
        r"\bgärna se\b",
        r"\bdet (hade|skulle ha) varit\b",
        r"\bdet (vore|skulle vara)\b",
        r"\bskulle uppskatta\b",
        # nb
        r"\bvi (vil|ville) (gjerne|helst|ha)\b",
        r"\bvi ønsker\b",
        r"\bdet (hadde|ville) vært (fint|bra|best|supert|flott|fantastisk|nyttig|ønskelig)",
        r"\bdet beste (hadde|ville) vært\b",
        r"\bvi håper\b",
        r"^\W*(kan|kunne) dere\b",
        r"\bhadde det vært mulig\b",
        r"\bskulle gjerne (hatt|ha)\b",
        r"\bvi vil kunne\b",
        r"\bdet (hadde|ville) vært\b",
        r"\b(hadde|ville) satt pris på\b",
        # da
        r"\bvi vil (gerne|helst|have|kunne)\b",
        r"\bdet ville være (rart|godt|fint|super|dejligt)",
        r"\bdet bedste ville være\b",
        r"\bvi håber\b",
        r"^\W*(kan|kunne) i\b",
        r"\bgodt tænke os\b",
        r"\bvi ønsker\b",
        r"\bdet ville være\b",
        r"\bville sætte pris på\b",
        # en
        r"\bwe (want|would like|wish)\b",
        r"\bwe'?d (like|love)\b",
        r"\bwe would love\b",
        r"\bit would be (great|nice|good|helpful|useful|ideal)\b",
        r"\bideally\b",
        r"\bwe hope\b",
        r"^\W*(can|could|would) you\b",
        r"\bwe'?re looking for\b",
        r"\bwould be (great|brilliant|fantastic|excellent|perfect|lovely|amazing|valuable|"
        r"welcome|a (big |great |real )?help)\b",
        r"\bwe'?d appreciate\b",
        r"\bwe would appreciate\b",
    ],
)
# Questions and requests that are statements only when they are about buying.
_WEAK = _rules(
    "want",
    [
        r"^\W*(kan|kunde) vi\b",
        r"^\W*går det (att|an)\b",
        r"^\W*är det möjligt\b",
        r"^\W*(kan|kunne) vi\b",
        r"^\W*er det mulig",
        r"^\W*kan man\b",
        r"^\W*(can|could) we\b",
        r"^\W*is it possible\b",
        r"^\W*would it be possible\b",
    ],
    weak=True,
)
RULES: Final[tuple[_Rule, ...]] = (*_OBJECTION, *_MOTIVE, *_HOW, *_NEED, *_WANT, *_WEAK)

# A seller's promise or pitch in the notes is not a customer statement.
_VETO: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\W*jag (skickar|lovar|kan visa|tänkte|återkommer|ska skicka)\b",
        r"^\W*jeg (sender|lover|kan vise|tenkte|tænkte|kommer tilbake|vender tilbage)\b",
        r"^\W*(i'?ll|i will|let me|i promise|i thought|i can show)\b",
        r"^\W*(vår|vores|our) (produkt|product|lösning|løsning|solution)\b",
        r"^\W*(produktet|løsningen) vårt\b",
    )
)

# Narrow concepts only: "an overview of our service contracts" or "keeping track of
# invoices" is a need, while "a framework agreement" or "e-invoices" says how to buy.
_HOW_CONCEPTS: Final[tuple[str, ...]] = (
    "ordering.digital",
    "invoice.consolidated",
    "invoice.electronic",
    "payment",
    "contract.framework",
    "contract.flexibility",
    "price.model",
    "price.usage",
    "price.no_ownership",
    "price.subscription",
    "price.fixed",
    "price.volume_discount",
    "price.agreement",
    "procurement",
    "financing",
)

_SENTENCE_RE: Final[re.Pattern[str]] = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_BULLET_RE: Final[re.Pattern[str]] = re.compile(r"^[\s\-–•*·>]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and note lines) in ``text``, bullets stripped."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE_RE.finditer(text):
        start, end = m.start(), m.end()
        chunk = text[start:end]
        lead = _BULLET_RE.match(chunk)
        if lead:
            start += lead.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(ch.isalpha() for ch in text[start:end]):
            spans.append((start, end))
    return spans


def _is_how(concepts: Iterable[str]) -> bool:
    return any(c == p or c.startswith(p + ".") for c in concepts for p in _HOW_CONCEPTS)


def classify(sentence: str, language: str = "en") -> tuple[Kind, str] | None:
    """The kind of statement ``sentence`` is and the trigger that said so, or None."""
    if any(v.search(sentence) for v in _VETO):
        return None
    concepts: frozenset[str] | None = None
    for rule in RULES:
        m = rule.pattern.search(sentence)
        if m is None:
            continue
        if concepts is None:
            concepts = analyse(sentence, language).concepts
        if rule.weak and not concepts:
            continue
        kind: Kind = rule.kind
        if kind in ("want", "need") and _is_how(concepts):
            kind = "how_to_buy"
        return kind, m.group(0).strip()
    return None


def propose(text: str, language: str | None = None) -> list[Proposal]:
    """Sentences of ``text`` worth keeping as statements, in order, with their kind."""
    if language is None:
        from fasit.engine.text.language import detect_language

        language = detect_language(text)
    out: list[Proposal] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        found = classify(sentence, language)
        if found is None:
            continue
        kind, trigger = found
        out.append(Proposal(sentence, kind, start, end, language, trigger))
    return out
