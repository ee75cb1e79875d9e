"""Proposing candidate statements from notes or a customer's turn.

A sentence is proposed when a customer says what or how they want to buy, a need or
problem, a buying motive or an objection. Triggers are written per language (sv, nb,
da, en) and all of them are tried on every sentence, since notes mix languages and
short sentences are easily misdetected. Small talk, seller lines and past facts have
no trigger, and a few patterns veto sentences that only look like triggers (a seller
promising something, a pitch, the seller's own to-dos, the seller's questions).

Three families of triggers:

- fixed phrases ("det vore bra om", "det viktigste for oss", "det er for dyrt");
- *verbs* of wanting and needing (vill/vil/ønsker/önskar/want, behöver/trenger/
  har brug for/need, måste/må/must, kräver/krever/requires, saknar/mangler/lack, …)
  with any subject — "vi", "kunden", "våra operatörer", "our CFO", or none in a
  note ("Behöver leverans v. 34") — but not the seller's or a question's
  ("ni behöver", "trenger dere …?", "om någon vill ha"); a negated need
  ("vi behöver inte …") is an objection;
- *problems* ("det tar för lång tid", "vi får aldrig svar", "fakturaene er feil",
  "leveransene kommer for sent", "the problem is …").

Weak triggers ("kan vi …?", "is it possible …") only count when the sentence names a
buying concept from the lexicon or a buying verb (pay, order, lease, …), so "Kan vi
ses på tisdag?" is not proposed but "Kan vi beställa via EDI?" is.

The rules miss wording they were never shown, so when no trigger fires a learned scorer
(``proposal_model.py``) decides, above its threshold; the seller-talk vetoes bind it too.
The pattern tables are in ``proposal_patterns.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from fasit.engine.signals.analysis import analyse
from fasit.engine.signals.answers import answer_polarity, in_own_voice
from fasit.engine.signals.lexicon import STOP_WORDS
from fasit.engine.signals.model import Kind, Proposal
from fasit.engine.signals.negation import negated_want
from fasit.engine.signals.proposal_model import ProposalModel, features, shipped_model
from fasit.engine.signals.proposal_patterns import (
    BUY_WORDS,
    FIRST_PERSON,
    HOW_CONCEPTS,
    HOW_WORDS,
    INTERROGATIVE,
    NEGATION,
    OTHERS,
    OTHERS_AFTER,
    RULES,
    SUBJECTS,
    VETO,
    WE,
    WORD_RE,
    YOU,
    Rule,
)
from fasit.engine.text.sentences import sentence_spans

_LINE_RE: Final[re.Pattern[str]] = re.compile(r"[^\n]+")
_BULLET_RE: Final[re.Pattern[str]] = re.compile(r"^[\s\-–•*·>]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and note lines) in ``text``, bullets stripped.

    Each line is split by the shared sentence splitter in its notes mode, so
    abbreviations ("pr.", "bl.a.", "f.eks.", "e.g.") and ordinals ("1. januar") do not
    cut a sentence, while lower-case note sentences still end at their full stop.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        offset = line.start()
        chunk = line.group(0)
        lead = _BULLET_RE.match(chunk)
        if lead:
            offset += lead.end()
            chunk = chunk[lead.end() :]
        for a, b in sentence_spans(chunk, lower_starts=True):
            if any(ch.isalpha() for ch in chunk[a:b]):
                spans.append((offset + a, offset + b))
    return spans


def _is_how(concepts: Iterable[str]) -> bool:
    return any(c == p or c.startswith(p + ".") for c in concepts for p in HOW_CONCEPTS)


def _seller_question(sentence: str, language: str) -> bool:
    """An open question to the customer ("Vad är er största utmaning?").

    An open question that names "you", or does not name "we" at all ("Och vilket av dem
    har flest problem?"), is the seller asking; "Hur kan vi beställa …?" is not.
    """
    if not sentence.rstrip().endswith("?") or not INTERROGATIVE.search(sentence):
        return False
    we = False
    for w in WORD_RE.findall(sentence):
        low = w.lower()
        if low in YOU or (low == "er" and language == "sv") or (w == "I" and language == "da"):
            return True
        we = we or low in WE
    return not we


def _verb_kind(rule: Rule, sentence: str, m: re.Match[str], language: str) -> Kind | None:
    """The kind a verb trigger gives, or None when it is not the customer's verb."""
    before = WORD_RE.findall(sentence, 0, m.start())
    after = WORD_RE.findall(sentence, m.end(), m.end() + 40)[:2]
    left = before[-1] if before else ""
    right = after[0] if after else ""
    if left.lower() in OTHERS or right.lower() in OTHERS_AFTER:
        return None
    if language != "en" and "I" in (left, right):  # Danish "I" is "you"
        return None
    if rule.not_first_person and (
        {left.lower(), right.lower()} & FIRST_PERSON or (language == "en" and left == "I")
    ):
        return None
    # "vi behöver inte", "behöver vi inte", "we don't need"
    nxt = after[1].lower() if len(after) > 1 and right.lower() in SUBJECTS else right.lower()
    if nxt in NEGATION or left.lower() in NEGATION:
        return "objection"
    return rule.kind


def blocked(sentence: str, language: str) -> bool:
    """Seller talk the rules rule out whatever else the sentence says.

    A seller's promise, pitch, to-do, invitation to talk, summary or question to the
    customer is never proposed, by the rules or by the learned scorer.
    """
    return any(v.search(sentence) for v in VETO) or _seller_question(sentence, language)


def classify_rules(sentence: str, language: str = "en") -> tuple[Kind, str] | None:
    """The rules' verdict alone: the kind and the trigger that said so, or None."""
    if blocked(sentence, language):
        return None
    return _triggered(sentence, language)


def _triggered(sentence: str, language: str) -> tuple[Kind, str] | None:
    concepts: frozenset[str] | None = None
    for rule in RULES:
        if rule.languages is not None and language not in rule.languages:
            continue
        m = rule.pattern.search(sentence)
        if m is None:
            continue
        kind: Kind = rule.kind
        if rule.verb:
            verb_kind = _verb_kind(rule, sentence, m, language)
            if verb_kind is None:
                continue
            kind = verb_kind
        if concepts is None:
            concepts = analyse(sentence, language).concepts
        how = _is_how(concepts) or HOW_WORDS.search(sentence) is not None
        if rule.weak and not (concepts or how or BUY_WORDS.search(sentence)):
            continue
        return _how_or_what(kind, sentence, how), m.group(0).strip()
    return None


def _how_or_what(kind: Kind, sentence: str, how: bool) -> Kind:
    """A want or need that names a buying form says how to buy, and vice versa."""
    if kind in ("want", "need") and how:
        return "how_to_buy"
    if kind == "how_to_buy" and not (how or BUY_WORDS.search(sentence)):
        return "want"  # "they'd prefer to trial it first" says what, not how
    return kind


def refine_kind(kind: Kind, sentence: str, language: str) -> Kind:
    """The learned kind, corrected as the rules do: buying forms make it how_to_buy."""
    how = HOW_WORDS.search(sentence) is not None or _is_how(analyse(sentence, language).concepts)
    return _how_or_what(kind, sentence, how)


def classify(
    sentence: str, language: str = "en", model: ProposalModel | None = None
) -> tuple[Kind, str] | None:
    """The kind of statement ``sentence`` is and what said so, or None.

    The rules decide first; when no trigger fires, the learned scorer proposes the
    sentence if its probability reaches the model's threshold (the trigger is then
    "model 0.87"). Seller talk is blocked for both, and so is a bare answer ("Yes, we
    do."), which is a statement only with its question (see ``propose``). A want or
    need that is negated ("we no longer need …") is an objection.
    """
    if blocked(sentence, language) or answer_polarity(sentence) is not None:
        return None
    found = _triggered(sentence, language)
    if found is None:
        model = model if model is not None else shipped_model()
        vector = features(sentence, language)
        p = model.probability(vector)
        if p < model.threshold:
            return None
        found = refine_kind(model.kind(vector), sentence, language), f"model {p:.2f}"
    if negated_want(sentence):
        return "objection", found[1]
    return found


def answered(question: str, answer: str, language: str) -> Kind | None:
    """The kind of a bare answer together with the question it answers, or None when
    the question names no matter (\"Does that make sense?\" - "Yes.")."""
    polarity = answer_polarity(answer)
    if polarity is None or not question.rstrip().endswith("?"):
        return None
    concepts = analyse(question, language).concepts
    stops = STOP_WORDS.get(language, frozenset()) | STOP_WORDS["en"]
    content = [w for w in WORD_RE.findall(question) if w.lower() not in stops]
    if not concepts and not BUY_WORDS.search(question) and len(content) < 3:
        return None
    if polarity == "no":
        return "objection"
    return refine_kind("need", question, language)


def propose(
    text: str, language: str | None = None, *, question: str = "", notes: bool = False
) -> list[Proposal]:
    """Sentences of ``text`` worth keeping as statements, in order, with their kind.

    ``question`` is the seller's question right before a customer's turn: a bare answer
    opening the turn is proposed together with it. With ``notes=True`` the text is the
    seller's notes, and a sentence not in the customer's own voice is marked as the
    seller's summary.
    """
    if language is None:
        from fasit.engine.text.language import detect_language

        language = detect_language(text)
    out: list[Proposal] = []
    for k, (start, end) in enumerate(sentences(text)):
        sentence = text[start:end]
        if k == 0 and question and answer_polarity(sentence) is not None:
            kind = answered(question, sentence, language)
            if kind is not None:
                out.append(
                    Proposal(sentence, kind, start, end, language, "answer", question=question)
                )
            continue
        found = classify(sentence, language)
        if found is None:
            continue
        kind, trigger = found
        summary = notes and not in_own_voice(sentence)
        out.append(Proposal(sentence, kind, start, end, language, trigger, summary=summary))
    return out
