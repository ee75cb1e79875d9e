"""A small learned scorer that backs up the proposal rules.

The rules in ``proposals.py`` are precise but miss idioms they were never shown
("går tomt for", "would make a huge difference"). This scorer is a logistic regression
over three groups of features of one sentence — stemmed words and word pairs, character
3–5-grams of the lowercased sentence, and a few shape features (language, question,
length, who the subject is, modal verbs, negation) — plus a multinomial regression for
the kind. Character n-grams carry cognates across Swedish, Norwegian and Danish
("behov", "for dyrt", "leveranse") and inflections the stemmers miss.

The weights are trained by ``bench/train_proposals.py`` on the labelled sets in
``tests/data/proposals_*.tsv`` and shipped as ``proposal_model.json`` next to this
module; they are read once, on first use. Pure Python: no numpy at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

import Stemmer  # type: ignore[import-not-found]

from fasit.engine.signals.model import KINDS, Kind

MODEL_PATH: Final[Path] = Path(__file__).with_name("proposal_model.json")
FORMAT: Final[int] = 1

_STEMMER_NAMES: Final[dict[str, str]] = {
    "sv": "swedish",
    "nb": "norwegian",
    "no": "norwegian",
    "nn": "norwegian",
    "da": "danish",
    "en": "english",
}
_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_DIGITS_RE: Final[re.Pattern[str]] = re.compile(r"\d+")
_SPACE_RE: Final[re.Pattern[str]] = re.compile(r"\s+")
_LABEL_RE: Final[re.Pattern[str]] = re.compile(r"^\W*[^\W\d_]+(?:\s[^\W\d_]+)?\s*:")

# Shape features: who speaks and how. Danish "I" (you) is told apart by its capital.
_WE: Final[frozenset[str]] = frozenset(
    ["vi", "we", "oss", "os", "us", "vår", "våra", "vårt", "våre", "vores", "our", "we're", "we'd"]
)
_YOU: Final[frozenset[str]] = frozenset(
    ["ni", "er", "era", "ert", "dere", "deres", "jer", "jeres", "du", "dig", "deg", "you", "your"]
)
_ME: Final[frozenset[str]] = frozenset(
    ["jag", "jeg", "i", "i'll", "i'm", "i've", "me", "mig", "meg"]
)
_THEY: Final[frozenset[str]] = frozenset(
    ["de", "dom", "they", "they're", "they'd", "kunden", "kunde", "customer", "han", "hon", "hun"]
)
_MODALS: Final[frozenset[str]] = frozenset(
    [
        "vill",
        "vil",
        "ville",
        "skulle",
        "kunde",
        "kunne",
        "kan",
        "måste",
        "må",
        "ska",
        "skal",
        "bör",
        "bør",
        "burde",
        "borde",
        "behöver",
        "trenger",
        "behøver",
        "hade",
        "hadde",
        "havde",
        "vore",
        "would",
        "could",
        "should",
        "must",
        "need",
        "needs",
        "want",
        "wants",
        "'d",
    ]
)
# Past facts and small talk: "för två år sedan", "siden 2012", "last winter".
_PAST: Final[frozenset[str]] = frozenset(
    [
        "sedan",
        "siden",
        "ago",
        "since",
        "förra",
        "forrige",
        "sidste",
        "last",
        "igår",
        "yesterday",
        "fjol",
        "fjor",
        "tidigare",
        "tidligere",
        "previously",
    ]
)
_NEGATIONS: Final[frozenset[str]] = frozenset(
    [
        "inte",
        "ikke",
        "ej",
        "not",
        "don't",
        "doesn't",
        "can't",
        "won't",
        "never",
        "aldrig",
        "aldri",
        "ingen",
        "inga",
        "inget",
        "no",
    ]
)


@lru_cache(maxsize=8)
def _stemmer(language: str) -> object | None:
    name = _STEMMER_NAMES.get(language)
    return Stemmer.Stemmer(name) if name else None


def features(sentence: str, language: str) -> dict[str, float]:
    """The sparse feature vector of ``sentence``: each group scaled to unit length."""
    low = _SPACE_RE.sub(" ", _DIGITS_RE.sub("0", sentence.lower())).strip()
    words = _WORD_RE.findall(low)
    stemmer = _stemmer(language)
    stems: list[str] = stemmer.stemWords(words) if stemmer is not None else words  # type: ignore[attr-defined]

    lexical = {"w=" + s for s in stems}
    lexical.update("b=" + a + " " + b for a, b in zip(["^", *stems], [*stems, "$"], strict=True))
    padded = " " + low + " "
    chars = {
        "c=" + padded[i : i + n] for n in (3, 4, 5) for i in range(max(0, len(padded) - n + 1))
    }
    shape = {"lang=" + language}
    raw = _WORD_RE.findall(sentence)
    first = words[0] if words else ""
    if sentence.rstrip().endswith("?"):
        shape.add("question")
        shape.add("question+first=" + (stems[0] if stems else ""))
    if _LABEL_RE.match(sentence):
        shape.add("label:")
    shape.add("len=" + str(min(len(words), 24) // 4))
    for key, vocab in (("we", _WE), ("you", _YOU), ("me", _ME), ("they", _THEY)):
        if any(w in vocab for w in words):
            shape.add(key)
        if first in vocab:
            shape.add("first=" + key)
    if language == "da" and "I" in raw[1:]:
        shape.add("you")
    if any(w in _MODALS for w in words):
        shape.add("modal")
    if any(w in _NEGATIONS or w.endswith("n't") for w in words):
        shape.add("negation")
    if any(w in _PAST for w in words):
        shape.add("past")
    if len(stems) > 1:
        shape.add("start=" + stems[0] + " " + stems[1])
    if not any(w in _MODALS for w in words) and any(w.isdigit() for w in words):
        shape.add("number-no-modal")

    vector: dict[str, float] = {}
    for group in (lexical, chars, shape):
        if group:
            value = 1.0 / math.sqrt(len(group))
            for f in group:
                vector[f] = value
    return vector


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class ProposalModel:
    """Weights of the statement scorer and the kind classifier, and the threshold."""

    bias: float
    weights: Mapping[str, float]
    kind_bias: Sequence[float]
    kind_weights: Mapping[str, Sequence[float]]
    threshold: float

    def probability(self, vector: Mapping[str, float]) -> float:
        """How likely the sentence behind ``vector`` is a customer statement."""
        w = self.weights
        return _sigmoid(self.bias + sum(w.get(f, 0.0) * v for f, v in vector.items()))

    def kind(self, vector: Mapping[str, float]) -> Kind:
        """The most likely kind of statement."""
        scores = list(self.kind_bias)
        for f, v in vector.items():
            row = self.kind_weights.get(f)
            if row is not None:
                for k, wk in enumerate(row):
                    scores[k] += wk * v
        return KINDS[max(range(len(KINDS)), key=scores.__getitem__)]

    def to_json(self, *, digits: int = 3, min_weight: float = 5e-4) -> str:
        """Compact JSON: weights rounded, near-zero weights left out."""

        def keep(values: Iterable[float]) -> bool:
            return any(abs(x) >= min_weight for x in values)

        data = {
            "format": FORMAT,
            "threshold": round(self.threshold, 4),
            "bias": round(self.bias, 4),
            "weights": {f: round(w, digits) for f, w in sorted(self.weights.items()) if keep([w])},
            "kinds": list(KINDS),
            "kind_bias": [round(b, 4) for b in self.kind_bias],
            "kind_weights": {
                f: [round(x, digits) for x in row]
                for f, row in sorted(self.kind_weights.items())
                if keep(row)
            },
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ProposalModel:
        data = json.loads(text)
        if data.get("format") != FORMAT or list(data["kinds"]) != list(KINDS):
            raise ValueError("proposal model: unknown format or kinds; retrain it")
        return cls(
            bias=float(data["bias"]),
            weights={str(f): float(w) for f, w in data["weights"].items()},
            kind_bias=[float(b) for b in data["kind_bias"]],
            kind_weights={
                str(f): [float(x) for x in row] for f, row in data["kind_weights"].items()
            },
            threshold=float(data["threshold"]),
        )


@lru_cache(maxsize=1)
def shipped_model() -> ProposalModel:
    """The model shipped with the package, read once."""
    return ProposalModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))
