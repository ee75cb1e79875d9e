"""Splitting speech into sentences.

"?" and "!" always end a sentence. "." and an ellipsis end one only when the next
word starts with a capital letter or a digit: speech transcripts trail off ("vi
har… hur ska jag säga… tre system") and use abbreviations ("t.ex.", "bl.a.") far
more often than they start sentences in lower case.
"""

from __future__ import annotations

import re

_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
_NEVER_END = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "nr", "ca", "jfr", "vs"})


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
                if previous and previous[-1].casefold().strip("(\"'") in _NEVER_END:
                    continue
        sentence = text[start:cut].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
