#!/usr/bin/env python3
"""Derive the cross-lingual word table the signals engine ships.

    apt-get install dict-freedict-swe-eng dict-freedict-eng-swe dict-freedict-dan-eng \
        dict-freedict-eng-dan dict-freedict-eng-nor dict-freedict-swe-nor
    (simplemma==2.0.0 comes with the dev extras: make test installs it)
    .venv/bin/python scripts/build_dictionary.py [OUTPUT]

writes ``fasit/engine/signals/lexicon/dictionary/words.tsv.gz``, two kinds of rows:

    t <lang> <lemma> <english> [<english> ...]   a Nordic lemma and its English words
    f <lang> <form> <lemma>                      an inflected form of a lemma in the table

Sources (see docs/signals.md): FreeDict's Swedish-English, English-Swedish,
Danish-English, English-Danish, English-Norwegian and Swedish-Norwegian dictionaries
as Debian packages them (GPL-2+/GPL-3+/CC-BY-SA-3.0, see each package's copyright
file), and simplemma's lemma lists (MIT; data from Měchura's lemmatization lists,
ODbL, Wiktionary/Kaikki and others). Only single-word translations are kept, at most
``MAX_EN`` per lemma; Norwegian words reach English through the English-Norwegian
dictionary read backwards and through Swedish. Senses two paths agree on (Swedish
also through Norwegian) come first (``choose``), then the rest, first senses first:
a dictionary lists every sense of a word, and the engine trusts the first. The output is
deterministic (sorted), so a rebuild with the same packages changes nothing.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent / "fasit/engine/signals/lexicon/dictionary/words.tsv.gz"
)
DICTD = Path("/usr/share/dictd")
MAX_EN = 2
_FOLD = str.maketrans("äæöøåéü", "aeooaeu")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_WORD = re.compile(r"^[a-zåäöæøéü][a-zåäöæøéü\-]*[a-zåäöæøéü]$")
_NUMBER = re.compile(r"^\s*\d+\.\s*|\s+\d+\.\s*$")
# English words that say nothing about a matter: they would join unrelated statements.
EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "about",
        "as",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "not",
        "no",
        "yes",
        "and",
        "or",
        "but",
        "if",
        "so",
        "than",
        "then",
        "too",
        "very",
        "much",
        "many",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "every",
        "other",
        "such",
        "own",
        "same",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "will",
        "would",
        "one",
        "two",
        "get",
        "got",
        "make",
        "made",
        "take",
        "took",
        "give",
        "gave",
        "go",
        "went",
        "come",
        "came",
        "put",
        "set",
        "let",
        "say",
        "said",
        "see",
        "seen",
        "thing",
        "things",
        "way",
        "ways",
        "kind",
        "sort",
        "part",
        "piece",
        "lot",
        "lots",
        "up",
        "down",
        "out",
        "off",
        "over",
        "under",
        "again",
        "also",
        "just",
        "only",
        "still",
        "even",
        "well",
        "ok",
        "okay",
        "neither",
        "nor",
        "nobody",
        "none",
        "nothing",
        "someone",
        "anyone",
        "everyone",
        "something",
        "anything",
        "everything",
        "somebody",
        "anybody",
        "either",
        "both",
        "per",
        "via",
        "who",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "yet",
        "already",
        "ever",
        "never",
        "always",
        "often",
    ]
)


def _b64(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def entries(name: str) -> Iterator[tuple[str, list[str]]]:
    """(headword, lines after the head line) of one dictd dictionary."""
    data = gzip.decompress((DICTD / f"freedict-{name}.dict.dz").read_bytes())
    for line in (DICTD / f"freedict-{name}.index").read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00database"):
            continue
        start = _b64(offset)
        body = data[start : start + _b64(length)].decode("utf-8").splitlines()
        yield word.strip().lower(), body[1:]


def _words(line: str) -> list[str]:
    line = re.sub(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>", " ", _NUMBER.sub("", line))
    out = []
    for part in re.split(r"[,;/]", line):
        w = part.strip().lower()
        if w.startswith("to "):
            w = w[3:]
        if _WORD.match(w) and len(w) >= 3:
            out.append(w)
    return out


def translations_plain(name: str) -> dict[str, list[str]]:
    """swe-eng, dan-eng: every line after the head is translations."""
    table: dict[str, list[str]] = defaultdict(list)
    for word, lines in entries(name):
        if not _WORD.match(word):
            continue
        for line in lines:
            for w in _words(line):
                if w not in table[word]:
                    table[word].append(w)
    return table


def translations_glossed(name: str) -> dict[str, list[str]]:
    """eng-nor, swe-nor: a translation line, then a gloss in the source language; a new
    sense starts with its number."""
    table: dict[str, list[str]] = defaultdict(list)
    for word, lines in entries(name):
        if not _WORD.match(word):
            continue
        for k, line in enumerate(lines):
            if k == 0 or re.match(r"^\s*\d+\.\s*\S", line):
                for w in _words(line):
                    if w not in table[word]:
                        table[word].append(w)
    return table


def reverse(table: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for head, targets in sorted(table.items()):
        for t in targets:
            if head not in out[t]:
                out[t].append(head)
    return out


def unique_heads(name: str) -> dict[str, list[str]]:
    """eng-swe, eng-dan index phrases under their first word ("make" for "make a
    mistake"): keep only headwords with a single entry."""
    seen: dict[str, int] = defaultdict(int)
    rows: dict[str, list[str]] = {}
    for word, lines in entries(name):
        seen[word] += 1
        rows[word] = [w for line in lines for w in _words(line)]
    return {w: t for w, t in rows.items() if seen[w] == 1 and _WORD.match(w)}


def _fold(word: str) -> str:
    return word.translate(_FOLD)


def positions_backwards(table: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """Nordic word -> {English headword: the Nordic word's place in that entry}."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for head, targets in table.items():
        for k, t in enumerate(targets):
            out[t].setdefault(head, k)
    return out


def choose(lemma: str, paths: list[dict[str, int]]) -> list[str]:
    """The English words of one lemma, best sense first.

    ``paths`` are the independent ways from the lemma to English (a dictionary from its
    language, one into it read backwards, one through the other Nordic language), each
    English word with its place in that path (0 = named first). A word that two paths
    agree on, or that is the lemma itself (a cognate the dictionary lists: "signal" ->
    signal), is a confirmed sense and comes first; the others may be any sense of the
    word ("signal" -> mark, "hvor" -> whither) and follow, each group in the order the
    paths name them (first senses are the common ones). Dropping unconfirmed senses
    instead lost more than it gained (docs/signals.md)."""
    order: dict[str, tuple[int, int]] = {}
    support: dict[str, int] = defaultdict(int)
    for i, path in enumerate(paths):
        for e, k in path.items():
            if e in EN_STOP:
                continue
            support[e] += 1
            order[e] = min(order.get(e, (k, i)), (k, i))
    ident = _fold(lemma)

    def rank(e: str) -> tuple[bool, bool, tuple[int, int]]:
        return (support[e] < 2 and _fold(e) != ident, _fold(e) != ident, order[e])

    return sorted(order, key=rank)


def _english_of(paths: list[dict[str, int]]) -> list[str]:
    """English words of a lemma over its own paths, in order of appearance."""
    out: list[str] = []
    for path in paths:
        out.extend(e for e in sorted(path, key=lambda e: path[e]) if e not in out)
    return out


def _placed(words: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, w in enumerate(words):
        out.setdefault(w, k)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    try:
        import simplemma  # noqa: F401
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )
    except ImportError:
        sys.exit("simplemma is needed to build the table: .venv/bin/pip install simplemma")
    missing = [
        n
        for n in ("swe-eng", "eng-swe", "dan-eng", "eng-dan", "eng-nor", "swe-nor")
        if not (DICTD / f"freedict-{n}.index").exists()
    ]
    if missing:
        sys.exit("missing Debian packages: " + " ".join(f"dict-freedict-{n}" for n in missing))
    sv = translations_plain("swe-eng")
    da = translations_plain("dan-eng")
    en_nb = translations_glossed("eng-nor")
    sv_nb = translations_glossed("swe-nor")
    en_sv = unique_heads("eng-swe")
    en_da = unique_heads("eng-dan")
    # Every path from a Nordic lemma to English, each word with its place in the path.
    paths: dict[str, dict[str, list[dict[str, int]]]] = {
        "sv": defaultdict(list),
        "da": defaultdict(list),
        "nb": defaultdict(list),
    }
    for lang, direct, backwards in (("sv", sv, en_sv), ("da", da, en_da), ("nb", {}, en_nb)):
        for lemma, targets in direct.items():
            paths[lang][lemma].append(_placed(targets))
        for lemma, heads in positions_backwards(backwards).items():
            paths[lang][lemma].append(heads)
    # Swedish English for the Norwegian words Swedish-Norwegian gives ("oppvaskbenk"
    # <- "diskbänk" -> English), and Norwegian English to confirm the Swedish ones.
    sv_english = {lemma: _english_of(p) for lemma, p in paths["sv"].items()}
    nb_english = {lemma: _english_of(p) for lemma, p in paths["nb"].items()}
    through_sv: dict[str, dict[str, int]] = defaultdict(dict)
    through_nb: dict[str, dict[str, int]] = defaultdict(dict)
    for sv_word, nb_words in sv_nb.items():
        for nb_word in nb_words:
            for k, e in enumerate(sv_english.get(sv_word, [])):
                through_sv[nb_word].setdefault(e, k)
            for k, e in enumerate(nb_english.get(nb_word, [])):
                through_nb[sv_word].setdefault(e, k)
    for nb_word, found in through_sv.items():
        paths["nb"][nb_word].append(found)
    # Through Norwegian, Swedish words only have their senses confirmed: as a source of
    # new senses it joined what differs (docs/signals.md, "Swedish through Norwegian").
    for sv_word, found in through_nb.items():
        if sv_word in paths["sv"]:
            own = {e for p in paths["sv"][sv_word] for e in p}
            paths["sv"][sv_word].append({e: k for e, k in found.items() if e in own})
    english: dict[str, dict[str, list[str]]] = {
        lang: {lemma: choose(lemma, p) for lemma, p in by_lemma.items()}
        for lang, by_lemma in paths.items()
    }
    sys.path.insert(0, str(OUT.parents[5]))
    from fasit.engine.signals.lexicon.stopwords import STOP_WORDS

    rows: list[str] = []
    lemmas: dict[str, set[str]] = {"sv": set(), "nb": set(), "da": set(), "en": set()}
    for lang in ("da", "nb", "sv"):
        for lemma in sorted(english[lang]):
            targets = [e for e in english[lang][lemma] if e not in EN_STOP][:MAX_EN]
            if len(lemma) < 4 or not targets or lemma in STOP_WORDS[lang]:
                continue
            rows.append("\t".join(("t", lang, lemma, " ".join(targets))))
            lemmas[lang].add(lemma)
            lemmas["en"].update(targets)
    factory = DefaultDictionaryFactory()
    for lang in ("da", "en", "nb", "sv"):
        forms = factory.get_dictionary(lang)
        for form, lemma in sorted(forms.items()):
            if isinstance(form, bytes):
                form, lemma = form.decode(), lemma.decode()
            form, lemma = form.lower(), lemma.lower()
            if form != lemma and lemma in lemmas[lang] and _WORD.match(form):
                rows.append("\t".join(("f", lang, form, lemma)))
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = ("\n".join(rows) + "\n").encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(payload)
    counts = {k: len(v) for k, v in lemmas.items()}
    print(f"{out}: {len(rows)} rows, lemmas {counts}, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
