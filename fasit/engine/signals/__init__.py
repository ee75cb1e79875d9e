"""Market signals: customer statements grouped into themes, raised by level.

The public API (pure Python, no Django):

- ``Statement``, ``Theme``, ``Decisions``, ``Proposal`` (frozen dataclasses)
- ``group_all(statements, decisions=..., language=...) -> list[Theme]``
- ``ThemeIndex`` for one-at-a-time adds and people's decisions (merge, move, dismiss)
- ``propose(text, language) -> list[Proposal]`` for candidate statements in notes
- ``Embedder`` / ``load_embedder(path)`` for optional local sentence embeddings
"""

from fasit.engine.signals.embedding import Embedder, EmbedderUnavailable, load_embedder
from fasit.engine.signals.grouping import GroupingConfig, ThemeIndex, build_index, group_all
from fasit.engine.signals.model import Decisions, Proposal, Statement, Theme, level_for

__all__ = [
    "Decisions",
    "Embedder",
    "EmbedderUnavailable",
    "GroupingConfig",
    "Proposal",
    "Statement",
    "Theme",
    "ThemeIndex",
    "build_index",
    "group_all",
    "level_for",
    "load_embedder",
]
