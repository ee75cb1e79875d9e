"""The classifier against the hand-labelled sentences in questions_labelled.tsv.

Run ``pytest fasit/engine/listening/tests/test_questions.py -s`` to see the
accuracy per language.
"""

from collections import Counter
from pathlib import Path

import pytest

from fasit.engine.listening.questions import classify_sentence, is_summary
from fasit.engine.listening.sentences import split_sentences

LABELLED = Path(__file__).with_name("questions_labelled.tsv")
LANGUAGES = ("sv", "nb", "da", "en")


def _rows() -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, label, summary, sentence = line.split("\t")
        rows.append((language, label, summary == "1", sentence))
    return rows


def accuracy_by_language() -> dict[str, tuple[int, int]]:
    """(correct, total) per language; a row is correct when both the question label
    and the summary flag match."""
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for language, label, summary, sentence in _rows():
        total[language] += 1
        got = classify_sentence(sentence, language)
        correct[language] += got == label and is_summary(sentence, language) == summary
    return {lang: (correct[lang], total[lang]) for lang in LANGUAGES}


def test_labelled_set_has_at_least_60_sentences_per_language() -> None:
    counts = Counter(language for language, *_ in _rows())
    assert min(counts[lang] for lang in LANGUAGES) >= 60
    assert sum(counts.values()) >= 300


def test_labelled_set_covers_every_label_in_every_language() -> None:
    seen = {(language, label, summary) for language, label, summary, _ in _rows()}
    expected = {
        (lang, label, summary)
        for lang in LANGUAGES
        for label, summary in [
            ("open", False),
            ("closed", False),
            ("none", False),
            ("closed", True),
            ("none", True),
        ]
    }
    assert expected <= seen


def test_accuracy_per_language_is_at_least_95_percent() -> None:
    scores = accuracy_by_language()
    for lang, (ok, total) in scores.items():
        print(f"{lang}: {ok}/{total} = {ok / total:.3f}")
    assert {lang: ok / total >= 0.95 for lang, (ok, total) in scores.items()} == dict.fromkeys(
        LANGUAGES, True
    )


def test_labelled_sentences_are_single_sentences() -> None:
    assert [s for *_, s in _rows() if len(split_sentences(s)) != 1] == []


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Var ligger flaskhalsen?", "sv", "open"),
        ("Var det svårt?", "sv", "closed"),
        ("Var det svært?", "da", "closed"),
        ("Ved du, hvad det koster?", "da", "closed"),
        ("Ærligt talt, hvad koster det?", "da", "open"),
        ("Okay Peter, vad säger du?", "sv", "open"),
        ("So what I'm hearing is that price matters most?", "en", "closed"),
        ("What I'm hearing is that price matters most.", "en", "none"),
        ("Really?!", "en", "closed"),
        ("Tell me more…", "en", "open"),
        ("Wow!", "en", "none"),
        ("", "en", "none"),
    ],
)
def test_classify_sentence_rules(sentence: str, language: str, expected: str) -> None:
    assert classify_sentence(sentence, language) == expected
