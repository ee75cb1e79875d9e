"""Error analysis of the grouping on the blind sets: why statements split or met.

usage: .venv/bin/python bench/signals_errors.py FIRST LAST [-v] [-u]

Groups blind sets FIRST..LAST (``fasit/engine/signals/tests/data/blindN.jsonl``) and
counts, pair by pair:

- ``split:*``: two statements of one gold theme, different accounts, in different
  themes: with no shared feature at all, by whether their languages differ
  (``crosslang``) or not (``samelang``); or sharing some evidence (concept, word,
  pivot) that was too weak to join them;
- ``merge:*``: two statements of different gold themes in one theme, by the strongest
  feature they share (concept, pivot, word) or none (the centroid joined them).

``-v`` prints every pair with its features; ``-u`` lists the content words that got
no pivot, by language (what the dictionaries do not know).
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fasit.engine.signals.analysis import STOP_WORDS, WORD_RE, default_lexicon, normalise  # noqa: E402
from fasit.engine.signals.grouping import build_index  # noqa: E402
from fasit.engine.signals.tests.helpers import load_eval  # noqa: E402


def main(argv: list[str]) -> int:
    numbers = [a for a in argv if not a.startswith("-")]
    if len(numbers) != 2:
        print(__doc__)
        return 2
    first, last = int(numbers[0]), int(numbers[1])
    verbose = "-v" in argv
    causes: Counter[str] = Counter()
    unknown: Counter[tuple[str, str]] = Counter()
    lex = default_lexicon()
    for n in range(first, last + 1):
        name = f"blind{n}"
        statements, gold = load_eval(name + ".jsonl")
        index = build_index(statements)
        theme = index.assignments()
        vec = {s.id: index._analysis[s.id].vector for s in statements}
        st = {s.id: index.statement(s.id) for s in statements}

        def shared(a: str, b: str, kind: str, vec: dict = vec) -> set[str]:
            return {f for f in vec[a] if f[0] == kind and f in vec[b]}

        by_gold: dict[str, list[str]] = defaultdict(list)
        for s in statements:
            by_gold[gold[s.id]].append(s.id)
        for g, ids in by_gold.items():
            for a, b in itertools.combinations(ids, 2):
                if theme[a] == theme[b] or st[a].account_key == st[b].account_key:
                    continue
                common = shared(a, b, "p") | shared(a, b, "c") | shared(a, b, "w")
                if common:
                    causes["split:shared-evidence-too-weak"] += 1
                    continue
                same = st[a].language == st[b].language
                causes["split:no-shared-" + ("samelang" if same else "crosslang")] += 1
                if verbose:
                    print(name, g, "|", st[a].text[:70], "|", st[b].text[:70])
                    print("    ", sorted(f for f in vec[a] if f[0] in "pc"))
                    print("    ", sorted(f for f in vec[b] if f[0] in "pc"))
        by_theme: dict[str, list[str]] = defaultdict(list)
        for s in statements:
            by_theme[theme[s.id]].append(s.id)
        for ids in by_theme.values():
            for a, b in itertools.combinations(ids, 2):
                if gold[a] == gold[b]:
                    continue
                sc, sp, sw = shared(a, b, "c"), shared(a, b, "p"), shared(a, b, "w")
                kind = "concept" if sc else "pivot" if sp else "word" if sw else "other(centroid)"
                causes["merge:" + kind] += 1
                if verbose:
                    print(
                        "MEET",
                        name,
                        gold[a],
                        gold[b],
                        sorted(sc | sp | sw),
                        "|",
                        st[a].text[:60],
                        "|",
                        st[b].text[:60],
                    )
        for s in statements:
            lang = st[s.id].language or "en"
            stops = STOP_WORDS.get(lang, frozenset()) | STOP_WORDS["en"]
            for m in WORD_RE.finditer(s.text):
                w = normalise(m.group(0))
                if w in stops or len(w) < 3 or w.isdigit():
                    continue
                if not lex.pivot_weights(w, lang):
                    unknown[(lang, w)] += 1
    for cause, count in causes.most_common():
        print(f"{count:5d} {cause}")
    print("words without a pivot:", dict(Counter(lang for lang, _ in unknown.elements())))
    if "-u" in argv:
        for (lang, w), _ in sorted(unknown.items()):
            print(lang, w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
