"""Splitting speech into sentences.

"?" and "!" always end a sentence. "." and an ellipsis end one only when the next
word starts with a capital letter or a digit: speech transcripts trail off ("vi
har… hur ska jag säga… tre system") and use abbreviations ("t.ex.", "bl.a.") far
more often than they start sentences in lower case. Nor does "." end one after an
abbreviation that leads into what follows ("kl. 10", "ca. 40", "t.ex. SAP",
"f.eks. Visma", "e.g. Salesforce") or after an initial ("Lars E. Johansson"; not "I", a word in English and Danish):
"Hvorfor starter møtet først kl. 10?" is one open question, not "…kl." and "10?".
"""

from __future__ import annotations

import re

_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
# Abbreviations that are followed by what they introduce, never by a new sentence.
# Those that often close a list ("osv.", "m.m.", "etc.", "kr.") are left out.
_NEVER_END = frozenset(
    " ".join(
        (
            "dr mr mrs ms prof st nr ca cirka jfr jf vs kl pkt tlf tel pr",
            "t.ex bl.a d.v.s dvs p.g.a pga m.a.o s.k fr.o.m t.o.m ev evt inkl exkl ekskl resp",
            "f.eks bl.a mht m.h.t ifm iht vha ang vedr iflg ift fx f.x",
            "e.g i.e approx incl cf",
        )
    ).split()
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, keeping every character except the spaces
    between sentences, so word counts of the parts add up to the whole."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        punct = match.group(1)
        cut = match.end(2)
        after = text[match.end() : match.end() + 2]
        if "?" not in punct and "!" not in punct:
            if not after or not (after[0].isupper() or after[0].isdigit() or after[0] in "\"'“«("):
                continue
            if punct == ".":
                previous = text[start : match.start()].rsplit(None, 1)
                word = previous[-1].strip("(\"'") if previous else ""
                if word.casefold() in _NEVER_END or (
                    len(word) == 1 and word.isupper() and word != "I"
                ):
                    continue
        sentence = text[start:cut].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
