"""Short readable theme labels in the language a reader asks for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fasit.engine.signals.analysis import Lexicon

MAX_LABEL_WORDS = 5


def theme_label(
    concepts: Sequence[str],
    words: Sequence[str],
    language: str,
    lexicon: Lexicon,
) -> str:
    """Name a theme by its main lexicon concept(s), else by its most typical words.

    Concept names exist in sv, nb, da and en, so the same theme reads naturally to a
    Swedish seller and a Danish product manager. Themes the lexicon does not know
    (taught concepts, small talk) fall back to the representative statement's words
    in the language they were said in.
    """
    names: list[str] = []
    for concept in concepts:
        name = lexicon.name(concept, language)
        if name and name not in names:
            names.append(name)
    if names:
        return " · ".join(names[:2])
    if words:
        picked = list(words[:MAX_LABEL_WORDS])
        text = " ".join(picked)
        return text[:1].upper() + text[1:]
    return {"sv": "Övrigt", "nb": "Annet", "da": "Andet"}.get(language, "Other")
