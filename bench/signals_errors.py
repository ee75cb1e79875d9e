import sys, itertools
from collections import Counter, defaultdict
sys.path.insert(0, '/work/wt/sig')
from fasit.engine.signals.grouping import build_index
from fasit.engine.signals.tests.helpers import load_eval
from fasit.engine.signals.analysis import default_lexicon, WORD_RE, normalise, STOP_WORDS
sets = [f"blind{i}" for i in range(int(sys.argv[1]), int(sys.argv[2])+1)]
verbose = '-v' in sys.argv
causes = Counter(); unknown = Counter(); unk_lang = Counter()
lex = default_lexicon()
for name in sets:
    sts, gold = load_eval(name + '.jsonl')
    idx = build_index(sts)
    th = idx.assignments()
    A = {s.id: idx._analysis[s.id] for s in sts}
    S = {s.id: idx.statement(s.id) for s in sts}
    def feats(sid, k): return {f for f in A[sid].vector if f[0] == k}
    # splits
    by_gold = defaultdict(list)
    for s in sts: by_gold[gold[s.id]].append(s.id)
    for g, ids in by_gold.items():
        for a, b in itertools.combinations(ids, 2):
            if th[a] == th[b] or S[a].account_key == S[b].account_key: continue
            sp = feats(a,'p') & feats(b,'p'); sc = feats(a,'c') & feats(b,'c'); sw = feats(a,'w') & feats(b,'w')
            samel = S[a].language == S[b].language
            if sp or sc or sw: c = 'split:shared-evidence-too-weak'
            else: c = 'split:no-shared-'+('samelang' if samel else 'crosslang')
            causes[c] += 1
            if verbose and not (sp or sc or sw):
                print(name, g, '|', S[a].text[:70], '|', S[b].text[:70])
                print('    ', sorted(f for f in A[a].vector if f[0] in 'pc'), sorted(f for f in A[b].vector if f[0] in 'pc'))
    # wrong meets
    by_th = defaultdict(list)
    for s in sts: by_th[th[s.id]].append(s.id)
    for t, ids in by_th.items():
        for a, b in itertools.combinations(ids, 2):
            if gold[a] == gold[b]: continue
            sp = feats(a,'p') & feats(b,'p'); sc = feats(a,'c') & feats(b,'c'); sw = feats(a,'w') & feats(b,'w')
            c = 'merge:' + ('concept' if sc else 'pivot' if sp else 'word' if sw else 'other(centroid)')
            causes[c] += 1
            if verbose: print('MEET', name, gold[a], gold[b], sorted(sc|sp|sw), '|', S[a].text[:60], '|', S[b].text[:60])
    # unknown content words
    for s in sts:
        lang = S[s.id].language
        stops = STOP_WORDS.get(lang, frozenset()) | STOP_WORDS['en']
        for m in WORD_RE.finditer(s.text):
            w = normalise(m.group(0))
            if w in stops or len(w) < 3 or w.isdigit(): continue
            if not lex.pivot_weights(w, lang):
                unknown[(lang, w)] += 1; unk_lang[lang] += 1
for k, v in causes.most_common(): print(f"{v:5d} {k}")
print(unk_lang)
if '-u' in sys.argv:
    for (l, w), n in sorted(unknown.items()): print(l, w)
