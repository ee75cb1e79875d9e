"""Scores the grouping on every evaluation set: per-set B-cubed F1 and confirmed P/R.

usage: .venv/bin/python bench/eval_signals.py [--verbose] [--seed=N] [SET ...]

Sets are the shared development set (../shared/eval/signals_dev.jsonl, when present) and
every ``*.jsonl`` with a gold file in fasit/engine/signals/tests/data. Scores are those
of ../shared/eval/score_signals.py (accounts of one corporate group count once). Prints
the means over the B2B sets (dev, heldout 1-3, blind 1-8) and over the sets of themes
outside the lexicon (blind 9 on), plus pooled confirmed precision (all claims counted
together) — a set where nothing is claimed has no false claim. ``--seed=N`` shuffles
each set's statements with ``random.Random(N)`` first (the grouping depends on input
order; a change is kept only if it holds over several orders).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fasit.engine.signals.grouping import group_all  # noqa: E402
from fasit.engine.signals.tests.helpers import DATA, load_eval  # noqa: E402
from fasit.engine.signals.tests.scoring import bcubed  # noqa: E402

DEV = ROOT.parent.parent / "shared" / "eval" / "signals_dev.jsonl"


def _sets() -> list[tuple[str, Path]]:
    found = []
    if DEV.exists():
        found.append(("dev", DEV))
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name.endswith("_gold.jsonl"):
            continue
        has_gold = (DATA / path.name.replace(".jsonl", "_gold.jsonl")).exists()
        if has_gold or '"theme"' in path.read_text(encoding="utf-8")[:2000]:
            found.append((path.stem, path))

    def key(item: tuple[str, Path]) -> tuple[int, int, str]:
        name = item[0]
        m = re.match(r"([a-z]+)(\d*)$", name)
        kind = {"dev": 0, "heldout": 1, "blind": 2}.get(m.group(1) if m else name, 3)
        return kind, int(m.group(2) or 0) if m else 0, name

    return sorted(found, key=key)


def _load(name: str, path: Path):
    if name != "dev":
        return load_eval(path.name)
    import datetime as dt

    from fasit.engine.signals.model import Statement

    statements = [
        Statement(
            id=r["id"],
            account=r["account"],
            conversation=r["conversation"],
            date=dt.date.fromisoformat(r["date"]),
            text=r["text"],
            group=r.get("group"),
        )
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]
    gold_path = path.with_name("signals_dev_gold.jsonl")
    gold = {
        r["id"]: r["theme"]
        for r in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())
    }
    return statements, gold


def confirmed_counts(gold, accounts, themes):
    gacc: dict[str, set[str]] = defaultdict(set)
    for sid, t in gold.items():
        gacc[t].add(accounts[sid])
    gold_conf = {t for t, a in gacc.items() if len(a) >= 3}
    claimed = correct = 0
    found: set[str] = set()
    wrong = []
    for theme in themes:
        if theme.level != "confirmed":
            continue
        claimed += 1
        top, _ = Counter(gold[s] for s in theme.statement_ids).most_common(1)[0]
        if len({accounts[s] for s in theme.statement_ids if gold[s] == top}) >= 3:
            correct += 1
            found.add(top)
        else:
            wrong.append(theme)
    return claimed, correct, len(found & gold_conf), len(gold_conf), wrong


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    seeds = [int(a.split("=", 1)[1]) for a in argv if a.startswith("--seed=")]
    only = [a for a in argv if not a.startswith("--")]
    rows = []
    t0 = time.perf_counter()
    for name, path in _sets():
        if only and name not in only:
            continue
        statements, gold = _load(name, path)
        if seeds:
            random.Random(seeds[0]).shuffle(statements)
        themes = group_all(statements)
        accounts = {s.id: s.account_key for s in statements}
        _, _, f1 = bcubed(gold, themes)
        claimed, correct, found, gconf, wrong = confirmed_counts(gold, accounts, themes)
        p = correct / claimed if claimed else float("nan")
        r = found / gconf if gconf else 1.0
        rows.append((name, f1, claimed, correct, found, gconf))
        print(
            f"{name:10s} B3 F1 {f1:.3f}  confirmed P {p:.2f} ({correct}/{claimed})  R {r:.2f} ({found}/{gconf})  themes {len(themes)}"
        )
        if verbose:
            text = {s.id: s.text for s in statements}
            for theme in wrong:
                print("   FALSE confirmed:", [(gold[s], text[s][:50]) for s in theme.statement_ids])

    def summary(title: str, sel: list[tuple]) -> None:
        if not sel:
            return
        f1 = sum(r[1] for r in sel) / len(sel)
        ps = [r[3] / r[2] for r in sel if r[2]]
        claimed = sum(r[2] for r in sel)
        correct = sum(r[3] for r in sel)
        rec = sum(r[4] / r[5] if r[5] else 1.0 for r in sel) / len(sel)
        print(
            f"{title}: mean B3 F1 {f1:.3f}  mean confirmed P {sum(ps) / max(1, len(ps)):.3f} "
            f"(pooled {correct}/{claimed} = {correct / max(1, claimed):.3f})  mean confirmed R {rec:.3f}"
        )

    def num(name: str) -> int:
        m = re.search(r"(\d+)$", name)
        return int(m.group(1)) if m else 0

    summary(
        "B2B (dev, heldout, blind1-8)",
        [
            r
            for r in rows
            if r[0] == "dev"
            or r[0].startswith("heldout")
            or (r[0].startswith("blind") and num(r[0]) <= 8)
        ],
    )
    summary(
        "outside the lexicon (blind9-19)",
        [r for r in rows if r[0].startswith("blind") and 9 <= num(r[0]) <= 19],
    )
    summary(
        "developed on (blind9-16)",
        [r for r in rows if r[0].startswith("blind") and 9 <= num(r[0]) <= 16],
    )
    summary(
        "checked on (blind17-22)",
        [r for r in rows if r[0].startswith("blind") and 17 <= num(r[0]) <= 22],
    )
    summary(
        "outside the lexicon (blind9-22)",
        [r for r in rows if r[0].startswith("blind") and 9 <= num(r[0]) <= 22],
    )
    summary(
        "outside the lexicon (blind9 on)",
        [r for r in rows if r[0].startswith("blind") and num(r[0]) >= 9],
    )
    # Sets written after the dictionary-senses part, scored as first runs since.
    summary(
        "written later (blind23 on)",
        [r for r in rows if r[0].startswith("blind") and num(r[0]) >= 23],
    )
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
