"""B-cubed and confirmed-theme scores, computed as /work/shared/eval/score_signals.py does."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from fasit.engine.signals.model import Theme, level_for


def bcubed(gold: Mapping[str, str], themes: Sequence[Theme]) -> tuple[float, float, float]:
    cluster = {sid: t.id for t in themes for sid in t.statement_ids}
    ids = sorted(gold)
    gsize = Counter(gold.values())
    psize = Counter(cluster[i] for i in ids)
    both = Counter((gold[i], cluster[i]) for i in ids)
    p = sum(both[(gold[i], cluster[i])] / psize[cluster[i]] for i in ids) / len(ids)
    r = sum(both[(gold[i], cluster[i])] / gsize[gold[i]] for i in ids) / len(ids)
    return p, r, 2 * p * r / (p + r)


def confirmed(
    gold: Mapping[str, str], accounts: Mapping[str, str], themes: Sequence[Theme]
) -> tuple[float, float]:
    """Precision and recall of confirmed themes (``accounts`` maps id -> account key)."""
    gacc: dict[str, set[str]] = defaultdict(set)
    for sid, gold_theme in gold.items():
        gacc[gold_theme].add(accounts[sid])
    gold_conf = {t for t, a in gacc.items() if level_for(len(a)) == "confirmed"}
    claimed = correct = 0
    found: set[str] = set()
    for theme in themes:
        if theme.level != "confirmed":
            continue
        claimed += 1
        top, _ = Counter(gold[s] for s in theme.statement_ids).most_common(1)[0]
        if len({accounts[s] for s in theme.statement_ids if gold[s] == top}) >= 3:
            correct += 1
            found.add(top)
    precision = correct / claimed if claimed else 0.0
    recall = len(found & gold_conf) / len(gold_conf) if gold_conf else 1.0
    return precision, recall
