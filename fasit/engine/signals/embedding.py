"""Optional sentence embeddings to combine with the lexicon similarity.

Nothing here is needed by default and nothing is ever downloaded: ``load_embedder``
only opens a model that already sits at a local path, through model2vec or
sentence-transformers if one of them happens to be installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


class EmbedderUnavailable(RuntimeError):
    """The path is missing or no supported embedding library is installed."""


class _ModelAdapter:
    """Wraps a model2vec or sentence-transformers model as an ``Embedder``."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        vectors = self._model.encode(list(texts))
        return [[float(x) for x in row] for row in vectors]


def load_embedder(path: str | Path) -> Embedder:
    """Load a local embedding model directory; raise ``EmbedderUnavailable`` otherwise."""
    model_dir = Path(path)
    if not model_dir.exists():
        raise EmbedderUnavailable(f"no embedding model at {model_dir}")
    try:
        from model2vec import StaticModel  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        return _ModelAdapter(StaticModel.from_pretrained(str(model_dir)))
    try:
        from sentence_transformers import (  # type: ignore[import-not-found]
            SentenceTransformer,
        )
    except ImportError:
        pass
    else:
        return _ModelAdapter(SentenceTransformer(str(model_dir), local_files_only=True))
    raise EmbedderUnavailable(
        "neither model2vec nor sentence-transformers is installed; "
        "grouping runs on the lexicon alone"
    )
