import pytest

from fasit.engine.text.sentences import split_sentences

ABBREVIATED = [
    "Vi skal have en betaling pr. driftstime, ikke et fast beløb.",
    "Det tar ca. tre veckor att leverera.",
    "Vi köper bl.a. skruvar och muttrar av er.",
    "Vi trenger f.eks. rapporter hver måned.",
    "Vi behöver t.ex. leverans på lördagar.",
    "Vi vill ha priset per enhet, dvs. utan frakt.",
    "Prisen er inkl. moms og ekskl. frakt.",
    "Vi bestiller artikel nr. 4711 hver uge.",
    "Vi vil evt. betale med kort.",
    "Vi har spørgsmål mht. leveringen.",
    "Priserna är 10 resp. 12 kronor.",
    "We need reports, e.g. monthly usage per site.",
    "We pay per use, i.e. per hour the machine runs.",
    "Fra 1. januar vil vi have e-faktura.",
    "Vi ses den 3. maj kl. 14.30 på kontoret.",
    "Møtet starter kl. 9 hver mandag.",
]


@pytest.mark.parametrize("text", ABBREVIATED)
def test_abbreviations_and_ordinals_of_all_four_languages_do_not_cut(text: str) -> None:
    assert split_sentences(text) == [text]
    assert split_sentences(text, lower_starts=True) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skruer, bolte osv. Vi mangler også søm.", ["Skruer, bolte osv.", "Vi mangler også søm."]),
        ("Pens, paper etc. We also need toner.", ["Pens, paper etc.", "We also need toner."]),
        ("Mødet er kl. 14.30. Passer det?", ["Mødet er kl. 14.30.", "Passer det?"]),
    ],
)
def test_list_closing_abbreviations_end_a_sentence_before_a_capital(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_notes_in_lower_case_end_at_full_stops_but_not_after_abbreviations() -> None:
    text = "vill ha snabbare leveranser. behöver rabatt, skruv osv. och fler saker"
    assert split_sentences(text, lower_starts=True) == [
        "vill ha snabbare leveranser.",
        "behöver rabatt, skruv osv. och fler saker",
    ]
    assert split_sentences(text) == [text]
