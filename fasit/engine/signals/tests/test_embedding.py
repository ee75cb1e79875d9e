import hashlib
import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from fasit.engine.signals.embedding import Embedder, EmbedderUnavailable, load_embedder
from fasit.engine.signals.grouping import group_all
from fasit.engine.signals.tests.helpers import st


class HashingEmbedder:
    """A deterministic stand-in for a sentence model: hashed word trigram buckets."""

    def __init__(self, dims: int = 64) -> None:
        self.dims = dims
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        out = []
        for text in texts:
            vec = [0.0] * self.dims
            for word in text.lower().split():
                padded = f"#{word}#"
                for i in range(len(padded) - 2):
                    h = int(hashlib.md5(padded[i : i + 3].encode()).hexdigest(), 16)
                    vec[h % self.dims] += 1.0
            norm = math.sqrt(sum(v * v for v in vec)) or 1.0
            out.append([v / norm for v in vec])
        return out


STATEMENTS = [
    st("e1", "A", "Vi vill ha en samlingsfaktura varje månad."),
    st("e2", "B", "Vi ønsker én samlefaktura i måneden."),
    st("e3", "C", "Vi behöver en tekniker på plats inom fyra timmar."),
    st("e4", "D", "Kantinen er under oppussing."),
]


def test_stand_in_satisfies_the_protocol() -> None:
    assert isinstance(HashingEmbedder(), Embedder)


def test_grouping_with_an_embedder_embeds_once_and_groups() -> None:
    embedder = HashingEmbedder()
    themes = group_all(STATEMENTS, embedder=embedder)
    groups = sorted(tuple(t.statement_ids) for t in themes)
    assert groups == [("e1", "e2"), ("e3",), ("e4",)]
    assert embedder.calls == 1


def test_missing_model_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="no embedding model"):
        load_embedder(tmp_path / "missing")


def test_no_library_installed_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="installed"):
        load_embedder(tmp_path)
