"""Splitting speech into sentences: the shared splitter of ``fasit.engine.text``.

Kept as an import path for the listening engine; the rules (abbreviations of all four
languages, ordinals, initials) live in ``fasit.engine.text.sentences``.
"""

from fasit.engine.text.sentences import split_sentences

__all__ = ["split_sentences"]
