"""Fingerprints of the grouping's output, to show a speed change leaves it identical.

usage: PYTHONPATH=<tree> .venv/bin/python bench/signals_fingerprint.py [--seeds=0,1,2,3] [--bench=N,...]

For every evaluation set (the shared development set when present, and every ``*.jsonl``
of fasit/engine/signals/tests/data with gold themes), in its own order (seed 0) and
shuffled with ``random.Random(seed)`` for the other seeds, it groups from scratch and
hashes every theme: id, members in order, accounts and account keys, level, labels in
sv/nb/da/en, concepts, languages, corroboration. ``--bench=N`` does the same for the
benchmark's N generated statements (``bench_signals.generate``), plus the themes' order.
One line per set and a total; run it against two trees (``PYTHONPATH`` picks the
``fasit`` package) and ``diff`` the outputs. The data sets are read from this script's
tree, so both runs group the same statements.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "fasit" / "engine" / "signals" / "tests" / "data"
DEV = ROOT.parent.parent / "shared" / "eval" / "signals_dev.jsonl"
LANGUAGES = ("sv", "nb", "da", "en")


def _statements(path: Path):
    import datetime as dt

    from fasit.engine.signals.model import Statement

    return [
        Statement(
            id=r["id"],
            account=r["account"],
            conversation=r["conversation"],
            date=dt.date.fromisoformat(r["date"]),
            text=r["text"],
            group=r.get("group"),
        )
        for r in (
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
    ]


def _sets() -> list[tuple[str, Path]]:
    found = [("dev", DEV)] if DEV.exists() else []
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name.endswith("_gold.jsonl"):
            continue
        if (DATA / path.name.replace(".jsonl", "_gold.jsonl")).exists():
            found.append((path.stem, path))
    return found


def fingerprint(statements) -> tuple[str, int]:
    from fasit.engine.signals.grouping import build_index

    index = build_index(statements)
    digest = hashlib.sha256()
    themes = index.themes("en")
    for theme in themes:
        labels = index.labels(theme.id)
        row = (
            theme.id,
            theme.statement_ids,
            theme.accounts,
            theme.account_keys,
            theme.level,
            [labels[lang] for lang in LANGUAGES],
            theme.label,
            theme.concepts,
            theme.languages,
            theme.corroborated,
            theme.dismissed,
        )
        digest.update(json.dumps(row, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16], len(themes)


def main(argv: list[str]) -> int:
    import fasit

    seeds = [0]
    sizes: list[int] = []
    for arg in argv:
        if arg.startswith("--seeds="):
            seeds = [int(s) for s in arg.split("=", 1)[1].split(",")]
        elif arg.startswith("--bench="):
            sizes = [int(s) for s in arg.split("=", 1)[1].split(",")]
    print(f"# fasit from {Path(fasit.__file__).parent}", file=sys.stderr)
    total = hashlib.sha256()
    t0 = time.process_time()
    for name, path in _sets():
        for seed in seeds:
            statements = _statements(path)
            if seed:
                random.Random(seed).shuffle(statements)
            digest, count = fingerprint(statements)
            line = f"{name} seed={seed} themes={count} {digest}"
            total.update(line.encode())
            print(line, flush=True)
    if sizes:
        sys.path.insert(0, str(HERE))
        from bench_signals import generate

        for n in sizes:
            digest, count = fingerprint(generate(n))
            line = f"bench{n} themes={count} {digest}"
            total.update(line.encode())
            print(line, flush=True)
    print(f"total {total.hexdigest()[:16]}")
    print(f"# {time.process_time() - t0:.1f} s CPU", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
