"""Words as DESIGN.md defines them: a maximal run of letters or digits."""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Return the words of ``text`` in order (``[^\\W_]+``)."""
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))
